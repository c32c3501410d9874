"""Whole-page cache: hits for anonymous visitors, never for logged-in users or private responses,
invalidated by publish, unpublish, sign-up and settings changes; varies by language and elder mode."""

import re

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token

from cms.core.models import BrandSettings
from portal.pagecache import generation
from portal.pagecache.middleware import PageCacheMiddleware
from tests.cms.factories import make_event, make_news, make_tree, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def tree(home_page):
    return make_tree(home_page)


def get(client, url, **extra):
    response = client.get(url, **extra)
    return response, response.headers.get("X-Page-Cache")


def test_anonymous_second_visit_is_a_hit_with_the_same_page(client, tree):
    make_news(tree["news"], title="党群联席会召开")
    first, state1 = get(client, tree["news"].url)
    second, state2 = get(client, tree["news"].url)
    assert (first.status_code, state1) == (200, "miss")
    assert (second.status_code, state2) == (200, "hit")
    token = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')
    assert token.sub(b"", second.content) == token.sub(b"", first.content)  # same page, own CSRF token
    assert "党群联席会召开" in second.content.decode()


def test_hit_runs_no_sql(client, tree, django_assert_num_queries):
    get(client, tree["news"].url)
    with django_assert_num_queries(0):
        _, state = get(client, tree["news"].url)
    assert state == "hit"


def test_logged_in_users_are_never_served_or_stored(client, tree):
    get(client, tree["news"].url)  # cached for anonymous visitors
    client.force_login(make_user("editor1"))
    response, state = get(client, tree["news"].url)
    assert response.status_code == 200
    assert state is None  # the middleware did not even look
    client.logout()
    client.cookies.clear()
    assert get(client, tree["news"].url)[1] == "hit"


def test_publish_invalidates(client, tree):
    get(client, tree["news"].url)
    make_news(tree["news"], title="新的通知：停水安排")
    response, state = get(client, tree["news"].url)
    assert state == "miss"
    assert "新的通知：停水安排" in response.content.decode()


def test_unpublish_invalidates(client, tree):
    news = make_news(tree["news"], title="即将撤下的新闻")
    assert "即将撤下的新闻" in get(client, tree["news"].url)[0].content.decode()
    news.unpublish()
    response, state = get(client, tree["news"].url)
    assert state == "miss"
    assert "即将撤下的新闻" not in response.content.decode()
    assert client.get(news.url).status_code == 404


def test_editing_a_draft_and_publishing_it_invalidates(client, tree):
    news = make_news(tree["news"], title="旧标题")
    get(client, news.url)
    news.title = "新标题"
    news.save_revision().publish()
    response, state = get(client, news.url)
    assert state == "miss"
    assert "新标题" in response.content.decode()


def test_site_settings_change_invalidates(client, tree, home_page):
    get(client, tree["news"].url)
    brand = BrandSettings.objects.get()
    brand.brand_name = "红管家测试品牌"
    brand.save()
    response, state = get(client, tree["news"].url)
    assert state == "miss"
    assert "红管家测试品牌" in response.content.decode()


def test_event_sign_up_invalidates_listing(client, tree):
    from cms.events.models import EventSignup

    event = make_event(tree["events"], title="博悦大讲堂", capacity=10)
    get(client, tree["events"].url)
    assert get(client, tree["events"].url)[1] == "hit"
    before = generation.current()
    EventSignup.objects.create(event=event, name="张三", phone="13800001234", party_size=2)
    assert generation.current() != before
    assert get(client, tree["events"].url)[1] == "miss"


def test_varies_by_language(client, tree):
    zh, state = get(client, "/")
    assert state == "miss"
    en, state = get(client, "/en/")
    assert state != "hit"
    assert get(client, "/")[1] == "hit"
    assert zh.headers.get("Content-Language") != en.headers.get("Content-Language") or zh.content != en.content


def test_varies_by_elder_mode(client, tree):
    assert get(client, tree["news"].url)[1] == "miss"
    client.cookies["elder_mode"] = "1"
    assert get(client, tree["news"].url)[1] == "miss"
    assert get(client, tree["news"].url)[1] == "hit"
    del client.cookies["elder_mode"]
    assert get(client, tree["news"].url)[1] == "hit"


def test_query_string_is_part_of_the_key(client, tree):
    get(client, tree["news"].url)
    assert get(client, tree["news"].url + "?page=2")[1] == "miss"


def test_posts_and_api_and_admin_are_not_cached(client, tree):
    assert get(client, "/api/portal/ping")[1] is None
    assert get(client, "/healthz")[1] is None
    assert get(client, "/admin/login/")[1] is None


def _middleware(view):
    return PageCacheMiddleware(view)


def _anonymous(request):
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    return request


def test_page_with_a_form_is_shared_but_each_visitor_gets_their_own_csrf_token(rf):
    from django.middleware.csrf import _does_token_match

    def view(request):
        token = get_token(request)
        return HttpResponse(
            f'<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="{token}"></form>',
            content_type="text/html",
        )

    middleware = _middleware(view)
    first_visitor = _anonymous(rf.get("/form-page/"))
    first = middleware(first_visitor)
    visitor = _anonymous(rf.get("/form-page/"))
    second = middleware(visitor)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    token = re.search(r'value="([A-Za-z0-9]{64})"', second.content.decode()).group(1)
    cookie = second.cookies["csrftoken"].value
    assert cookie != first_visitor.META["CSRF_COOKIE"]  # a secret of their own
    assert not _does_token_match(token, first_visitor.META["CSRF_COOKIE"])
    assert _does_token_match(token, cookie)
    assert "pagecache-csrf" not in second.content.decode()


def test_page_showing_the_token_outside_a_form_field_is_not_stored(rf):
    def view(request):
        return HttpResponse(f"<script>const token = '{get_token(request)}';</script>", content_type="text/html")

    middleware = _middleware(view)
    middleware(_anonymous(rf.get("/script-token/")))
    assert middleware(_anonymous(rf.get("/script-token/")))["X-Page-Cache"] == "skip"


def test_cached_elder_switch_still_posts(client, tree):
    from django.test import Client

    get(client, tree["news"].url)
    strict = Client(enforce_csrf_checks=True)
    page = strict.get(tree["news"].url)
    assert page.headers["X-Page-Cache"] == "hit"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode()).group(1)
    response = strict.post("/elder-mode/", {"elder": "1", "next": tree["news"].url, "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert strict.cookies["elder_mode"].value == "1"


def test_response_setting_a_cookie_is_never_stored(rf):
    def view(request):
        response = HttpResponse("<p>hello</p>", content_type="text/html")
        response.set_cookie("tracking", "abc")
        return response

    middleware = _middleware(view)
    middleware(_anonymous(rf.get("/cookie-page/")))
    assert middleware(_anonymous(rf.get("/cookie-page/")))["X-Page-Cache"] == "skip"


@pytest.mark.parametrize("cache_control", ["private", "no-cache", "no-store, max-age=0"])
def test_private_responses_are_never_stored(cache_control, rf):
    def view(request):
        response = HttpResponse("<p>mine</p>", content_type="text/html")
        response["Cache-Control"] = cache_control
        return response

    middleware = _middleware(view)
    middleware(_anonymous(rf.get("/private/")))
    assert middleware(_anonymous(rf.get("/private/")))["X-Page-Cache"] == "skip"


def test_visitor_with_a_session_cookie_is_not_served_from_cache(rf):
    calls = []

    def view(request):
        calls.append(1)
        return HttpResponse("<p>page</p>", content_type="text/html")

    middleware = _middleware(view)
    middleware(_anonymous(rf.get("/p/")))
    request = _anonymous(rf.get("/p/"))
    request.COOKIES["sessionid"] = "x"
    response = middleware(request)
    assert "X-Page-Cache" not in response
    assert len(calls) == 2


def test_another_worker_bump_is_seen_within_a_second(rf):
    calls = []

    def view(request):
        calls.append(1)
        return HttpResponse(f"<p>{len(calls)}</p>", content_type="text/html")

    middleware = _middleware(view)
    middleware(_anonymous(rf.get("/w/")))
    assert middleware(_anonymous(rf.get("/w/")))["X-Page-Cache"] == "hit"
    # Another process bumps the shared counter; this process's memo lasts at most 0.5 s.
    cache.incr(generation.KEY)
    import time

    time.sleep(0.6)
    assert middleware(_anonymous(rf.get("/w/")))["X-Page-Cache"] == "miss"


def test_cache_outage_serves_pages_uncached(client, tree, settings):
    """Redis refusing connections (nothing listens on port 1): pages still render, uncached."""
    settings.CACHES = {
        "default": {"BACKEND": "portal.pagecache.backends.ResilientRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    try:
        generation.forget_local()
        response, state = get(client, tree["news"].url)
        assert response.status_code == 200
        assert state == "off"
        assert generation.bump() is None  # remembered, not raised
    finally:
        generation.forget_local()


def test_fragment_is_cached_until_content_changes(rf, tree):
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    template = Template('{% load pagecache %}{% cachedfragment "menu" %}{{ value }}{% endcachedfragment %}')
    request = rf.get("/news/")
    request.user = AnonymousUser()
    assert template.render(Context({"request": request, "value": "first"})) == "first"
    assert template.render(Context({"request": request, "value": "second"})) == "first"  # served from cache
    make_news(tree["news"], title="菜单变化")  # any content change
    assert template.render(Context({"request": request, "value": "third"})) == "third"
    request.user = make_user("staff1")
    assert template.render(Context({"request": request, "value": "fourth"})) == "fourth"  # never for users


def test_sitewide_fragment_is_shared_between_pages(rf, tree):
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    template = Template('{% load pagecache %}{% cachedfragment "footer" sitewide %}{{ value }}{% endcachedfragment %}')
    first, second = rf.get("/news/"), rf.get("/events/")
    first.user = second.user = AnonymousUser()
    assert template.render(Context({"request": first, "value": "a"})) == "a"
    assert template.render(Context({"request": second, "value": "b"})) == "a"
