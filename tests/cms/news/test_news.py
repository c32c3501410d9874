"""News: newest first, paginated, categories and tags, listing queries flat."""

from datetime import date, timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.news.models import NewsCategory
from tests.cms.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_newest_first_paginated_and_filtered(client, tree):
    party = NewsCategory.objects.create(name="党建动态", slug="party")
    notice = NewsCategory.objects.create(name="社区通知", slug="notice")
    for n in range(12):
        NewsPageFactory(
            parent=tree["news"],
            title=f"新闻{n:02d}",
            slug=f"n{n}",
            date=date(2026, 1, 1) + timedelta(days=n),
            category=party if n % 2 else notice,
        )
    first = client.get("/news/").content.decode()
    assert first.index("新闻11") < first.index("新闻10")
    assert "新闻01" not in first  # page 2
    second = client.get("/news/?page=2").content.decode()
    assert "新闻01" in second and "新闻00" in second
    assert client.get("/news/?page=999").status_code == 200  # last page, not a 500
    assert client.get("/news/?page=abc").status_code == 200
    party_only = client.get("/news/?category=party").content.decode()
    assert "新闻11" in party_only and "新闻10" not in party_only


def test_tags_show_and_filter(client, tree):
    article = NewsPageFactory(parent=tree["news"], title="公益食堂开业", slug="canteen")
    article.tags.add("民生")
    article.save_revision().publish()
    NewsPageFactory(parent=tree["news"], title="别的新闻", slug="other")
    assert "民生" in client.get(article.url).content.decode()
    tagged = client.get("/news/?tag=民生").content.decode()
    assert "公益食堂开业" in tagged and "别的新闻" not in tagged
    data = client.get(f"/api/v2/pages/{article.pk}/").json()
    assert data["tag_names"] == ["民生"]


def test_news_index_query_count_is_flat(client, tree):
    category = NewsCategory.objects.create(name="党建动态", slug="party")
    NewsPageFactory(parent=tree["news"], title="a", slug="a", category=category)
    client.get("/news/")
    caches["pages"].clear()  # measure a render, not a page-cache hit
    with CaptureQueriesContext(connection) as one:
        assert client.get("/news/")["X-Wagtail-Cache"] == "miss"
    for n in range(5):
        NewsPageFactory(parent=tree["news"], title=f"b{n}", slug=f"b{n}", category=category)
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as six:
        assert client.get("/news/")["X-Wagtail-Cache"] == "miss"
    assert len(six) == len(one)
