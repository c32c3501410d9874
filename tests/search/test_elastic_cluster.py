"""The relevance set against a real Elasticsearch 9 cluster: runs only when ELASTICSEARCH_URL is set."""

import os
import uuid

import pytest

from search import elastic, indexing, services
from tests.search.corpus import FIRST, JUDGED
from tests.search.test_relevance import TARGET, evaluate, report

pytestmark = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="ELASTICSEARCH_URL is not set: no Elasticsearch cluster to test against (mapping and query bodies "
    "are checked in test_elastic.py)",
)


@pytest.fixture
def cluster(settings):
    settings.PORTAL_SEARCH = {
        "ELASTICSEARCH_URL": os.environ["ELASTICSEARCH_URL"],
        "ELASTICSEARCH_INDEX": f"portal-test-{uuid.uuid4().hex[:8]}",
        "ELASTICSEARCH_TIMEOUT": 10,
    }
    engine = elastic.ElasticsearchEngine()
    yield engine
    engine.client.indices.delete(index=engine.index_name, ignore_unavailable=True)


@pytest.mark.django_db
def test_relevance_on_elasticsearch_matches_the_database(cluster, corpus, settings):
    es_conf = settings.PORTAL_SEARCH
    settings.PORTAL_SEARCH = {**es_conf, "ELASTICSEARCH_URL": ""}
    database = {q: set(services.ranked_ids(q)[0]) for q in JUDGED}
    settings.PORTAL_SEARCH = es_conf
    indexing.rebuild_elasticsearch()
    precision, recall, per_query = evaluate(corpus, lambda q: services.ranked_ids(q)[0])
    assert services.ranked_ids("食堂")[1] == "elasticsearch"
    assert precision >= TARGET, report(per_query)
    assert recall >= TARGET, report(per_query)
    different = {q for q in JUDGED if set(services.ranked_ids(q)[0]) != database[q]}
    assert not different, f"result sets differ from the database backend for {sorted(different)}"
    key_of = {page.pk: key for key, page in corpus.items()}
    for query, wanted in FIRST.items():
        ids = services.ranked_ids(query)[0]
        assert ids and key_of[ids[0]] in wanted, query
