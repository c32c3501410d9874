"""Query budgets: each public page type and API list runs the same number of SQL queries with 10 and
with 100 items (no query per item). The page cache is emptied before each measured request, so
every measured request really renders (and the test checks that it did)."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.events.models import EventIndexPage, EventPage, EventSignup
from cms.news.models import NewsCategory, NewsIndexPage, NewsPage
from cms.pages.models import StandardPage
from cms.services.models import OpeningHours, ServiceCategoryPage, ServiceIndexPage, ServicePage

pytestmark = pytest.mark.django_db


def child(parent, page):
    """Add a live page quickly (no revision): the budget is about reading, not publishing."""
    page.live = True
    page.first_published_at = page.last_published_at = timezone.now()
    parent.add_child(instance=page)
    return page


def count_queries(client, url, **extra):
    client.get(url, **extra)  # warm Wagtail's per-site caches, as a running server would be
    caches["pages"].clear()  # ...but render the page itself: the budget is a cache miss's
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    assert response.get("X-Wagtail-Cache") != "hit", url
    return len(queries.captured_queries), response


def assert_constant(client, url, add, **extra):
    """`add(n)` creates n more items; the query count with 10 and with 100 items must match."""
    add(10)
    small, _ = count_queries(client, url, **extra)
    add(90)
    large, response = count_queries(client, url, **extra)
    assert large == small, f"{url}: {small} queries with 10 items, {large} with 100"
    return small, response


@pytest.fixture
def tree(home_page):
    return {
        "home": home_page,
        "news": child(home_page, NewsIndexPage(title="新闻动态", slug="news")),
        "events": child(home_page, EventIndexPage(title="活动报名", slug="events")),
        "services": child(home_page, ServiceIndexPage(title="社区服务", slug="services")),
    }


def _news(index, counter=[0]):  # noqa: B006 - a running counter for unique slugs
    category = NewsCategory.objects.get_or_create(name="社区通知", slug="notice")[0]

    def add(n):
        for _ in range(n):
            counter[0] += 1
            child(index, NewsPage(title=f"停水通知{counter[0]}", slug=f"n{counter[0]}", category=category))

    return add


def test_news_index(client, tree):
    assert_constant(client, "/news/", _news(tree["news"]))


def test_news_article(client, tree):
    add = _news(tree["news"])
    add(1)
    article = NewsPage.objects.first()
    assert_constant(client, article.url, add)


def _events(index):
    made = []

    def add(n):
        for _ in range(n):
            start = timezone.now() + timedelta(days=len(made) % 30 + 1)
            made.append(
                child(
                    index,
                    EventPage(
                        title=f"讲堂{len(made)}",
                        slug=f"e{len(made)}",
                        start=start,
                        end=start + timedelta(hours=2),
                        place="党群服务站",
                        capacity=500,
                    ),
                )
            )

    return add, made


def test_event_index(client, tree):
    add, _ = _events(tree["events"])
    assert_constant(client, "/events/", add)


def test_event_page_with_many_sign_ups(client, tree):
    add_events, made = _events(tree["events"])
    add_events(1)
    event = made[0]

    def add(n):
        start = EventSignup.objects.count()
        for i in range(start, start + n):
            EventSignup.objects.create(event=event, name="居民", phone=f"138{i:08d}", party_size=1)

    assert_constant(client, event.url, add)


def test_service_directory(client, tree):
    def add(n):
        start = ServiceCategoryPage.objects.count()
        for i in range(start, start + n):
            child(tree["services"], ServiceCategoryPage(title=f"类别{i}", slug=f"c{i}"))

    assert_constant(client, "/services/", add)


def _services(category):
    def add(n):
        start = ServicePage.objects.count()
        for i in range(start, start + n):
            page = ServicePage(title=f"公益食堂{i}", slug=f"s{i}")
            page.opening_hours.add(OpeningHours(weekday=1, opens="08:00", closes="18:00"))
            child(category, page)

    return add


def test_service_category(client, tree):
    category = child(tree["services"], ServiceCategoryPage(title="公益食堂", slug="canteen"))
    assert_constant(client, category.url, _services(category))


def test_service_page(client, tree):
    category = child(tree["services"], ServiceCategoryPage(title="公益食堂", slug="canteen"))
    add = _services(category)
    add(1)
    assert_constant(client, ServicePage.objects.first().url, add)


def test_home_page(client, tree):
    add_events, _ = _events(tree["events"])
    add_news = _news(tree["news"])

    def add(n):
        add_events(n)
        add_news(n)

    assert_constant(client, "/", add)


def test_standard_page(client, tree):
    page = child(tree["home"], StandardPage(title="关于我们", slug="about"))

    def add(n):
        start = StandardPage.objects.count()
        for i in range(start, start + n):
            child(page, StandardPage(title=f"子页面{i}", slug=f"p{i}"))

    assert_constant(client, page.url, add)


def test_search_page(client, tree):
    assert_constant(client, "/search/?q=%E5%81%9C%E6%B0%B4", _news(tree["news"]))


def test_search_api(client, tree):
    assert_constant(client, "/api/portal/search/?q=%E5%81%9C%E6%B0%B4", _news(tree["news"]))


def test_wagtail_pages_api(client, tree):
    assert_constant(client, "/api/v2/pages/?type=news.NewsPage&fields=*", _news(tree["news"]))
