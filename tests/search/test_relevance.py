"""Precision and recall of the judged relevance set, on whichever database the suite runs on.

CI runs the suite on SQLite (the embedded default) and on PostgreSQL, so both backends are held to
the same targets; with ELASTICSEARCH_URL set, tests/search/test_elastic_cluster.py does the same
against a real cluster.
"""

import pytest
from django.db import connection

from search import services
from tests.search.corpus import FIRST, JUDGED

TARGET = 0.95


def evaluate(corpus, run):
    key_of = {page.pk: key for key, page in corpus.items()}
    per_query = {}
    for query, relevant in JUDGED.items():
        retrieved = [key_of[i] for i in run(query) if i in key_of]
        hits = len(set(retrieved) & relevant)
        per_query[query] = (retrieved, hits)
    retrieved_total = sum(len(r) for r, _ in per_query.values())
    relevant_total = sum(len(rel) for rel in JUDGED.values())
    hits_total = sum(h for _, h in per_query.values())
    return hits_total / max(retrieved_total, 1), hits_total / relevant_total, per_query


def report(per_query):
    lines = []
    for query, (retrieved, hits) in per_query.items():
        relevant = JUDGED[query]
        if hits < len(relevant) or hits < len(retrieved):
            missing = sorted(relevant - set(retrieved))
            extra = sorted(set(retrieved) - relevant)
            lines.append(f"{query}: missing {missing} extra {extra}")
    return "\n".join(lines)


def test_the_judged_set_is_big_enough():
    assert len(JUDGED) >= 40
    from tests.search.corpus import DOCUMENTS, SECTIONS

    assert len(DOCUMENTS) >= 40
    judged = set().union(*JUDGED.values())
    assert judged <= set(DOCUMENTS) | set(SECTIONS)
    assert {kind for kind, _t, _b in DOCUMENTS.values()} >= {
        "menu", "elderly", "housekeeping", "repair", "meeting", "lecture", "complaint"
    }  # fmt: skip


@pytest.mark.django_db
def test_precision_recall_and_first_results_on_the_database_backend(corpus):
    precision, recall, per_query = evaluate(corpus, lambda q: services.ranked_ids(q)[0])
    print(f"\n{connection.vendor}: precision {precision:.3f} recall {recall:.3f} over {len(JUDGED)} queries")
    assert precision >= TARGET, report(per_query)
    assert recall >= TARGET, report(per_query)

    key_of = {page.pk: key for key, page in corpus.items()}
    for query, wanted in FIRST.items():
        ids, engine = services.ranked_ids(query)
        assert engine == "database"
        assert ids and key_of[ids[0]] in wanted, (query, [key_of.get(i) for i in ids])
