"""The header, footer, breadcrumbs and language links share one lookup of the site's home page and
of the locales per request (they repeated them 5-6 times per page before)."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.news.models import NewsIndexPage

pytestmark = pytest.mark.django_db


def test_a_page_reads_the_locales_and_home_page_once(client, home_page):
    index = NewsIndexPage(title="新闻动态", slug="news", live=True, first_published_at=timezone.now())
    home_page.add_child(instance=index)
    client.get("/news/")  # warm Wagtail's per-site caches, as a running server would be
    caches["pages"].clear()  # ...and render the page itself
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/news/")
    assert response.status_code == 200 and response["X-Wagtail-Cache"] == "miss"
    html = response.content.decode()
    assert 'hreflang="en"' in html or "/en/" in html  # the language links are still there
    locale_queries = [q["sql"] for q in queries.captured_queries if 'FROM "wagtailcore_locale"' in q["sql"]]
    assert len(locale_queries) <= 3, locale_queries  # 10 before: each tag looked them up again
    assert len(queries.captured_queries) <= 17
