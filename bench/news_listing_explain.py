"""EXPLAIN ANALYZE of the news index's listing query, with and without its date index.

PostgreSQL only (not collected by the test run):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> .venv/bin/python -m pytest bench/news_listing_explain.py -s -q

Generates `ARTICLES` live news pages, then prints the plan and the best of 5 execution times of the
first listing page's query (what `NewsIndexPage.get_context` runs) with the index
`news_newspage_date_listing` and after dropping it inside a rolled-back transaction.
"""

import random
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test import RequestFactory
from django.utils import timezone

ARTICLES = 3000


def _explain(sql, params):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        best, plan = None, None
        for _ in range(5):
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            rows = [r[0] for r in cursor.fetchall()]
            took = float(next(r for r in rows if r.startswith("Execution Time")).split()[2])
            if best is None or took < best:
                best, plan = took, rows
    return best, plan


@pytest.mark.django_db(transaction=True)
def test_news_listing_plan():
    if connection.vendor != "postgresql":
        pytest.skip("EXPLAIN ANALYZE on PostgreSQL")
    from bench.seed import ensure_tree
    from cms.news.models import NewsPage

    tree = ensure_tree()
    rng = random.Random(8)
    today = timezone.localdate()
    for n in range(ARTICLES):
        page = NewsPage(title=f"新闻{n}", slug=f"news-{n}", date=today - timedelta(days=rng.randint(0, 700)), live=True)
        tree["news"].add_child(instance=page)
    index = tree["news"].specific
    request = RequestFactory().get("/news/")
    articles = index.get_context(request)["articles"]
    sql, params = articles.paginator.object_list[:10].query.sql_with_params()
    with_index, plan = _explain(sql, params)
    print(f"\n{ARTICLES} news pages; listing page 1 with the index: {with_index:.2f} ms")
    print("\n".join("    " + line for line in plan))
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("DROP INDEX news_newspage_date_listing")
        without, plan = _explain(sql, params)
        transaction.set_rollback(True)
    print(f"without the index: {without:.2f} ms")
    print("\n".join("    " + line for line in plan))
