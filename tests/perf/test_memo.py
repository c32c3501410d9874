"""The per-generation memo (site, view restrictions, brand settings, locales, child routes): pages
missing the whole-page cache skip those queries, and every change an editor makes still shows on
the next request."""

import itertools

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.core.models import BrandSettings
from cms.news.models import NewsIndexPage, NewsPage
from portal.pagecache import generation
from portal.pagecache.memo import memo

pytestmark = pytest.mark.django_db

_unique = itertools.count()


def fresh(client, path):
    """GET `path` with a query string no earlier request had: a whole-page cache miss."""
    return client.get(f"{path}?v={next(_unique)}")


@pytest.fixture
def news(home_page):
    index = NewsIndexPage(title="新闻动态", slug="news", live=True, first_published_at=timezone.now())
    home_page.add_child(instance=index)
    article = NewsPage(title="停水通知", slug="water", live=True, first_published_at=timezone.now())
    index.add_child(instance=article)
    return index, article


def queries_of(client, path):
    fresh(client, path)  # warm: imports, Wagtail's own caches, the memo
    with CaptureQueriesContext(connection) as queries:
        response = fresh(client, path)
    assert response.status_code == 200
    assert response.headers["X-Page-Cache"] == "miss"
    return [q["sql"] for q in queries.captured_queries]


def test_a_page_missing_the_cache_skips_site_privacy_brand_and_route_queries(client, settings, news, page_cache):
    with_memo = queries_of(client, "/news/water/")
    for table in ("wagtailcore_site", "wagtailcore_pageviewrestriction", "cms_core_brandsettings"):
        assert not [sql for sql in with_memo if f'FROM "{table}"' in sql], table

    settings.PAGECACHE_ENABLED = False  # no memo either: what every request cost before
    client.get("/news/water/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/news/water/").status_code == 200
    assert len(with_memo) <= len(queries.captured_queries) - 5, (len(with_memo), len(queries.captured_queries))


def test_a_new_view_restriction_applies_on_the_next_request(client, news, page_cache):
    index, article = news
    assert fresh(client, "/news/water/").status_code == 200
    assert "停水通知" in fresh(client, "/news/").content.decode()

    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)

    response = fresh(client, "/news/water/")
    assert response.status_code == 302 and "login" in response["Location"]
    assert "停水通知" not in fresh(client, "/news/").content.decode()


def test_brand_settings_show_on_the_next_request(client, home_page, news, page_cache):
    assert "枝叶关情" in fresh(client, "/news/").content.decode()
    brand = BrandSettings.for_site(home_page.get_site())
    brand.brand_name = "幸福里社区"
    brand.save()
    assert "幸福里社区" in fresh(client, "/news/").content.decode()


def test_routes_follow_renamed_unpublished_and_deleted_pages(client, news, page_cache):
    index, article = news
    assert fresh(client, "/news/water/").status_code == 200

    article.slug = "water-outage"
    article.save_revision().publish()
    assert fresh(client, "/news/water/").status_code == 404
    assert fresh(client, "/news/water-outage/").status_code == 200

    article.refresh_from_db()
    article.unpublish()
    assert fresh(client, "/news/water-outage/").status_code == 404

    article.delete()
    assert fresh(client, "/news/water-outage/").status_code == 404
    assert fresh(client, "/news/").status_code == 200


def test_memo_keeps_a_value_for_one_generation(page_cache):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert memo("answer", compute) == 1
    assert memo("answer", compute) == 1  # remembered
    generation.bump()
    assert memo("answer", compute) == 2  # a content change drops it


def test_memo_computes_every_time_with_the_page_cache_off(settings):
    settings.PAGECACHE_ENABLED = False
    calls = []
    memo("answer", lambda: calls.append(1))
    memo("answer", lambda: calls.append(1))
    assert len(calls) == 2


def test_submissions_follow_category_and_steward_changes_at_once(client, page_cache):
    """The API's category, building and steward look-ups come from the memo; changing a category
    (it is content: the request form lists it) or a grid's steward applies to the next request."""
    from portal.workorders.models import WorkOrder
    from tests.portal.workorders.factories import BuildingFactory, CategoryFactory, StewardFactory
    from tests.portal.workorders.test_api import submit_form

    category, building = CategoryFactory(code="water-leak", name="水管漏水"), BuildingFactory()
    first = StewardFactory(grids=[building.grid])
    url = "/api/portal/workorders/requests"

    before = generation.current()
    assert client.post(url, submit_form(category, building), HTTP_IDEMPOTENCY_KEY="k1").status_code == 201
    assert client.post(url, submit_form(category, building), HTTP_IDEMPOTENCY_KEY="k2").status_code == 201
    assert set(WorkOrder.objects.values_list("steward", flat=True)) == {first.pk}

    first.active = False
    first.save()
    second = StewardFactory(grids=[building.grid])
    assert client.post(url, submit_form(category, building), HTTP_IDEMPOTENCY_KEY="k3").status_code == 201
    assert WorkOrder.objects.get(idempotency_key="k3").steward == second

    category.active = False
    category.save()
    assert generation.current() != before  # a category is content: the cached request form changes too
    response = client.post(url, submit_form(category, building), HTTP_IDEMPOTENCY_KEY="k4")
    assert response.status_code == 400
    assert not WorkOrder.objects.filter(idempotency_key="k4").exists()


def test_breadcrumbs_and_language_links_follow_renames_and_translations(client, news, page_cache):
    """Both come from the memo; a renamed section shows in the trail, a new translation in the
    language links, on the next request."""
    import re

    from wagtail.models import Locale

    index, article = news
    trail = re.compile(r'<nav[^>]*class="breadcrumbs".*?</nav>', re.S)
    alternate = re.compile(r'<link rel="alternate" hreflang="en" href="([^"]*)">')  # translated pages only
    first = fresh(client, "/news/water/").content.decode()
    assert "新闻动态" in trail.search(first).group(0)
    assert alternate.search(first) is None

    index.title = "社区新闻"
    index.save_revision().publish()
    renamed = fresh(client, "/news/water/").content.decode()
    assert "社区新闻" in trail.search(renamed).group(0) and "新闻动态" not in trail.search(renamed).group(0)

    english = article.copy_for_translation(Locale.objects.get_or_create(language_code="en")[0], copy_parents=True)
    english.save_revision().publish()  # its parents are live aliases of the Chinese pages
    english.refresh_from_db()
    translated = alternate.search(fresh(client, "/news/water/").content.decode())
    assert translated is not None and translated.group(1) == english.url


def test_search_results_show_an_edited_page_on_the_next_search(client, home_page, page_cache):
    """A found page's title, text and URL come from the memo; an edit shows at once, and a second
    search for a page already shown asks only the ranking queries."""
    from tests.search.conftest import add_page

    page = add_page(home_page, "长者食堂本周菜单", "周一红烧鸡块，老人八折。")
    whole_page = '"wagtailcore_page"."draft_title"'  # in the SELECT of a whole page, not of the ranking
    with CaptureQueriesContext(connection) as queries:
        first = client.get("/search/", {"q": "食堂", "v": 1}).context["outcome"].hits
    assert [h.title for h in first] == ["长者食堂本周菜单"]
    assert [q for q in queries.captured_queries if whole_page in q["sql"]]
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/search/", {"q": "食堂", "v": 2}).context["outcome"].hits
    assert [(h.title, h.url) for h in again] == [(h.title, h.url) for h in first]
    assert not [q for q in queries.captured_queries if whole_page in q["sql"]], "the page was loaded again"

    page.title = "长者食堂下周菜单"
    page.search_description = "周二清蒸鲈鱼，老人八折。"
    page.slug = "next-week"
    page.save_revision().publish()
    [hit] = client.get("/search/", {"q": "食堂", "v": 3}).context["outcome"].hits
    assert hit.title == "长者食堂下周菜单" and "清蒸鲈鱼" in str(hit.snippet_html)
    assert hit.url.endswith("/next-week/")


def test_the_news_listing_pages_follow_new_and_unpublished_articles(client, news, page_cache):
    """The listing's article count is kept per generation: a newly published article adds a page of
    results on the next request, an unpublished one takes it away again."""
    index, article = news
    assert 'rel="next"' not in fresh(client, "/news/").content.decode()  # one article: one page

    added = []
    for n in range(10):
        page = NewsPage(title=f"通知{n}", slug=f"notice-{n}", live=True, first_published_at=timezone.now())
        index.add_child(instance=page)
        page.save_revision().publish()
        added.append(page)
    assert 'rel="next"' in fresh(client, "/news/").content.decode()  # eleven: two pages

    added[0].unpublish()
    assert 'rel="next"' not in fresh(client, "/news/").content.decode()


def test_search_checks_a_page_once_per_generation_and_drops_it_when_unpublished(client, home_page, page_cache):
    """Whether a found page is live and public is kept per generation: the second search asks only
    the ranking; an unpublished page is gone from the next search, a republished one is back."""
    from tests.search.conftest import add_page

    page = add_page(home_page, "社区停水通知", "明天上午停水，请提前储水。")
    other = add_page(home_page, "停水期间的送水服务", "停水期间，志愿者为独居老人送水。")
    allowed_check = '"wagtailcore_page"."live"'  # the check of the ranked ids against live pages
    with CaptureQueriesContext(connection) as queries:
        first = client.get("/search/", {"q": "停水", "v": 1}).context["outcome"].hits
    assert {h.title for h in first} == {page.title, other.title}
    assert [q for q in queries.captured_queries if allowed_check in q["sql"]]
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/search/", {"q": "停水", "v": 2}).context["outcome"].hits
    assert [h.title for h in again] == [h.title for h in first]
    assert not [q for q in queries.captured_queries if allowed_check in q["sql"]], "the pages were checked again"

    page.unpublish()
    hits = client.get("/search/", {"q": "停水", "v": 3}).context["outcome"].hits
    assert [h.title for h in hits] == [other.title]
    page.save_revision().publish()
    hits = client.get("/search/", {"q": "停水", "v": 4}).context["outcome"].hits
    assert {h.title for h in hits} == {page.title, other.title}
