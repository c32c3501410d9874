"""Anonymous pages are cached by wagtail-cache (cms/core/caching.py), the same for every visitor,
and emptied only when something a visitor can see changes. The test settings run this same code
(on local memory instead of Redis)."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from cms.core.models import BrandSettings
from cms.news.models import NewsIndexPage, NewsPage
from tests.factories import BuildingFactory, CategoryFactory, StewardFactory, VisitFactory

pytestmark = pytest.mark.django_db


def state(client, url="/"):
    response = client.get(url)
    return response.status_code, response.get("X-Wagtail-Cache")


@pytest.fixture
def news(home_page):
    index = home_page.add_child(instance=NewsIndexPage(title="新闻动态", slug="news"))
    index.save_revision().publish()
    article = index.add_child(instance=NewsPage(title="停水通知", slug="water", date=timezone.localdate()))
    article.save_revision().publish()
    return index, article


def test_an_anonymous_page_is_stored_then_served_from_the_cache(client, home_page):
    assert state(client) == (200, "miss")
    response = client.get("/")
    assert response["X-Wagtail-Cache"] == "hit"
    # Browsers revalidate (a resident who signs in sees their own page at once); an edge keeps it.
    assert response["Cache-Control"] == "public, max-age=0, s-maxage=600"
    assert "Expires" not in response


def test_every_visitor_gets_the_same_page(home_page):
    first, second = Client(), Client()
    second.cookies["elder_mode"] = "1"  # the old per-visitor cookie: no longer changes the page
    a = first.get("/")
    b = second.get("/")
    assert (a["X-Wagtail-Cache"], b["X-Wagtail-Cache"]) == ("miss", "hit")
    assert a.content == b.content
    assert "csrfmiddlewaretoken" not in a.content.decode() and not a.cookies


def test_languages_are_cached_apart(client, home_page):
    assert state(client, "/") == (200, "miss")
    zh = client.get("/").content.decode()
    # /en/ without an English home page falls back; either way it is its own entry, in English.
    en = client.get("/en/")
    assert en.get("X-Wagtail-Cache") != "hit"
    assert en.content.decode() != zh


def test_signed_in_users_never_read_or_fill_the_cache(client, home_page):
    assert state(client) == (200, "miss")  # an anonymous copy is stored
    user = get_user_model().objects.create_user("editor", password="pw-123456!")
    client.force_login(user)
    response = client.get("/")
    assert response["X-Wagtail-Cache"] == "skip"
    assert "public" not in response.get("Cache-Control", "")


def test_a_visitor_with_a_session_or_a_message_is_not_served_from_the_cache(home_page):
    Client().get("/")
    with_session = Client()
    with_session.cookies["sessionid"] = "anything"
    assert with_session.get("/")["X-Wagtail-Cache"] == "skip"
    with_message = Client()
    with_message.cookies["messages"] = "x"
    assert with_message.get("/")["X-Wagtail-Cache"] == "skip"


def test_a_page_with_a_form_is_never_stored_and_each_visitor_gets_their_own_token(home_page):
    from cms.forms.models import RequestFormPage

    form_page = home_page.add_child(instance=RequestFormPage(title="报事报修", slug="report"))
    form_page.save_revision().publish()
    CategoryFactory(code="water-leak", name="水管漏水")
    first, second = Client(), Client()
    a = first.get("/report/")
    b = second.get("/report/")
    assert a.status_code == b.status_code == 200
    assert (a["X-Wagtail-Cache"], b["X-Wagtail-Cache"]) == ("skip", "skip")
    assert "public" not in b.get("Cache-Control", "")
    assert a.cookies["csrftoken"].value != b.cookies["csrftoken"].value


def test_an_event_page_with_open_sign_up_is_never_shared_but_a_past_one_is(tree):
    """The sign-up form carries each visitor's CSRF token: that page stays per visitor."""
    from datetime import timedelta

    from tests.cms.factories import EventPageFactory

    open_event = EventPageFactory(parent=tree["events"], title="博悦大讲堂", capacity=5)
    past = EventPageFactory(parent=tree["events"], title="近邻议事厅", start=timezone.now() - timedelta(days=3))
    first, second = Client(), Client()
    a, b = first.get(open_event.url), second.get(open_event.url)
    assert (a["X-Wagtail-Cache"], b["X-Wagtail-Cache"]) == ("skip", "skip")
    assert "public" not in a.get("Cache-Control", "")
    assert a.cookies["csrftoken"].value != b.cookies["csrftoken"].value
    assert (first.get(past.url)["X-Wagtail-Cache"], second.get(past.url)["X-Wagtail-Cache"]) == ("miss", "hit")


def test_a_private_page_is_not_cached(client, news):
    index, _article = news
    PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/news/")
    assert response.status_code == 302  # to the login page
    assert client.get("/news/").get("X-Wagtail-Cache") != "hit"


def test_api_answers_are_never_cached(client, home_page):
    """The staff API authenticates by header, not by session: its answers must never be shared."""
    for _ in range(2):
        response = client.get("/api/portal/workorders/categories")
        assert response.get("X-Wagtail-Cache") != "hit"
    response = client.get("/api/portal/workorders/staff/requests", HTTP_AUTHORIZATION="Bearer nope")
    assert response.status_code in (401, 403)


def _cached(client, url):
    client.get(url)
    assert client.get(url)["X-Wagtail-Cache"] == "hit"


class TestWhatEmptiesTheCache:
    def test_publishing_a_change(self, client, news):
        _index, article = news
        _cached(client, "/news/")
        article.title = "停水通知（更新）"
        article.save_revision().publish()
        response = client.get("/news/")
        assert response["X-Wagtail-Cache"] == "miss"
        assert "停水通知（更新）" in response.content.decode()

    def test_unpublishing(self, client, news):
        _index, article = news
        _cached(client, "/news/water/")
        article.unpublish()
        assert client.get("/news/water/").status_code == 404

    def test_moving(self, client, news, home_page):
        index, article = news
        _cached(client, "/news/water/")
        article.move(home_page, pos="last-child")
        moved = client.get("/news/water/")  # not the cached page: Wagtail's redirect to the new place
        assert moved.status_code == 301 and moved["Location"] == "/water/"
        assert client.get("/water/").status_code == 200

    def test_deleting(self, client, news):
        _index, article = news
        _cached(client, "/news/water/")
        Page.objects.get(pk=article.pk).delete()
        assert client.get("/news/water/").status_code == 404

    def test_site_settings(self, client, home_page):
        _cached(client, "/")
        settings_row = BrandSettings.objects.get()
        settings_row.brand_name = "新的品牌名"
        settings_row.save()
        response = client.get("/")
        assert response["X-Wagtail-Cache"] == "miss" and "新的品牌名" in response.content.decode()

    def test_the_menu(self, client, news):
        index, _article = news
        _cached(client, "/")
        index.show_in_menus = True
        index.save_revision().publish()
        response = client.get("/")
        assert response["X-Wagtail-Cache"] == "miss" and 'href="/news/"' in response.content.decode()

    def test_a_direct_save_of_a_live_page(self, client, news):
        """Code that saves a live page's fields (not a draft) changes what visitors see."""
        _index, article = news
        _cached(client, "/news/water/")
        article.title = "停水通知（直接保存）"
        article.save()
        assert "停水通知（直接保存）" in client.get("/news/water/").content.decode()

    def test_a_view_restriction(self, client, news):
        index, _article = news
        _cached(client, "/news/water/")
        PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
        assert client.get("/news/water/").status_code == 302


class TestWhatLeavesTheCacheAlone:
    """The working day: visits, requests and ratings show on no public page."""

    def test_a_visit_logged(self, client, news):
        _cached(client, "/news/")
        VisitFactory()
        assert client.get("/news/")["X-Wagtail-Cache"] == "hit"

    def test_a_request_submitted_and_rated(self, client, news):
        from portal.workorders import services

        _cached(client, "/news/")
        category = CategoryFactory(code="water-leak", name="水管漏水")
        order = services.submit(
            services.Submission(
                category=category,
                name="王大爷",
                phone="13900001111",
                description="厨房漏水",
                building=BuildingFactory(),
            )
        )
        assert client.get("/news/")["X-Wagtail-Cache"] == "hit"
        services.accept(order)
        services.assign(order, StewardFactory(grids=[order.building.grid]))
        services.start(order)
        services.resolve(order)
        services.rate(order, speed=5, quality=5, attitude=5)
        assert client.get("/news/")["X-Wagtail-Cache"] == "hit"

    def test_a_draft_saved(self, client, news):
        _index, article = news
        _cached(client, "/news/water/")
        article.title = "草稿标题"
        article.save_revision()
        response = client.get("/news/water/")
        assert response["X-Wagtail-Cache"] == "hit" and "草稿标题" not in response.content.decode()


def test_pages_are_served_while_redis_is_down(client, home_page, settings):
    """django-redis with IGNORE_EXCEPTIONS: nothing listens on port 1, every read is a miss."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        },
    }
    assert caches["pages"].get("anything") is None
    for _ in range(2):
        response = client.get("/")
        assert response.status_code == 200 and response["X-Wagtail-Cache"] == "miss"


@pytest.fixture
def edge(settings):
    """A loopback HTTP server that records PURGE requests, as Varnish would receive them."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    purged = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 - the HTTP method's name
            purged.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield purged
    server.shutdown()


def test_the_edge_is_purged_on_publish_and_on_a_settings_change(edge, news):
    _index, article = news
    edge.clear()
    article.title = "停水通知（更新）"
    article.save_revision().publish()
    assert "/news/water/" in edge  # Wagtail's own purge of the page
    assert "/news/" in edge and "/" in edge  # the pages that list it
    edge.clear()
    settings_row = BrandSettings.objects.get()
    settings_row.hotline = "0536-1234567"
    settings_row.save()
    assert {"/", "/news/"} <= set(edge)


def test_search_results_are_shared_by_anonymous_visitors_only(client, news):
    url = "/search/?q=%E5%81%9C%E6%B0%B4"
    assert state(client, url) == (200, "miss")
    assert state(client, url) == (200, "hit")
    user = get_user_model().objects.create_user("resident", password="pw-123456!")
    signed_in = Client()
    signed_in.force_login(user)
    response = signed_in.get(url)
    assert response["X-Wagtail-Cache"] == "skip" and "public" not in response.get("Cache-Control", "")


def test_clearing_the_page_cache_on_redis_leaves_other_keys(settings):
    """The pages share a Redis database with rate-limit counters: only the pages' keys go."""
    import os

    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL not set")
    from cms.core import caching

    redis = {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": os.environ["REDIS_URL"]}
    settings.CACHES = {
        "default": {**redis, "KEY_PREFIX": "test-default"},
        "pages": {**redis, "KEY_PREFIX": "test-pages"},
    }
    caches["default"].set("wo-rate:ip:x", 3)
    caches["pages"].set("some-page", b"<html>")
    caching._clear_now()
    assert caches["pages"].get("some-page") is None
    assert caches["default"].get("wo-rate:ip:x") == 3
    caches["default"].delete("wo-rate:ip:x")
