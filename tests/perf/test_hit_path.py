"""The cache-hit path's speed-ups keep their promises: the faster CSRF token is a valid Django token
with uniformly random characters, and the Redis backend's reused client survives a lost connection."""

import os
from collections import Counter

import pytest
from django.middleware.csrf import CSRF_ALLOWED_CHARS, _does_token_match
from django.test import RequestFactory

from portal.pagecache.middleware import issue_csrf_token

REDIS_URL = os.environ.get("PAGECACHE_TEST_REDIS_URL", "redis://127.0.0.1:6379/6")


def test_new_visitor_gets_a_secret_and_a_matching_token():
    request = RequestFactory().get("/")
    token = issue_csrf_token(request)
    secret = request.META["CSRF_COOKIE"]
    assert len(token) == 64 and len(secret) == 32
    assert set(token + secret) <= set(CSRF_ALLOWED_CHARS)
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True
    assert _does_token_match(token, secret)


def test_returning_visitor_keeps_their_secret_and_tokens_differ_each_time():
    request = RequestFactory().get("/")
    request.META["CSRF_COOKIE"] = secret = "a" * 16 + "Z9" * 8
    first, second = issue_csrf_token(request), issue_csrf_token(request)
    assert request.META["CSRF_COOKIE"] == secret
    assert first != second
    assert _does_token_match(first, secret) and _does_token_match(second, secret)
    assert not _does_token_match(first, "b" * 32)


def test_token_characters_are_uniform():
    """A modulo bias (256 % 62 = 8) would make 8 characters 25% more frequent than the rest."""
    counts = Counter()
    for _ in range(3200):
        counts.update(issue_csrf_token(RequestFactory().get("/")))  # 64 characters each
    expected = 3200 * 64 / len(CSRF_ALLOWED_CHARS)
    assert set(counts) == set(CSRF_ALLOWED_CHARS)
    assert all(abs(n - expected) < 0.1 * expected for n in counts.values()), counts


@pytest.fixture
def redis_cache():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.3).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL}")
    from portal.pagecache.backends import ResilientRedisCache

    cache = ResilientRedisCache(REDIS_URL, {"KEY_PREFIX": "test-hit-path", "OPTIONS": {"socket_timeout": 0.5}})
    yield cache
    cache.delete_many(["a", "n"])


def test_redis_backend_reuses_its_client_and_survives_a_dropped_connection(redis_cache):
    redis_cache.set("a", {"page": "内容"}, 60)
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client() is client  # one client, not one per call
    assert redis_cache.get("a") == {"page": "内容"}
    # Redis drops our connection (restart, idle timeout): the next call reconnects.
    client.client_kill_filter(_id=client.client_id())
    assert redis_cache.get("a") == {"page": "内容"}
    assert redis_cache.add("n", 0, 60) is True
    assert redis_cache.incr("n") == 1
    assert redis_cache.incr("n") == 2


@pytest.mark.django_db
def test_menu_fragment_is_shared_by_every_query_string_of_a_page(rf, page_cache):
    """?page=2, ?q=… or a tracking parameter do not change the menu: one fragment per page path."""
    from django.contrib.auth.models import AnonymousUser
    from django.template import Context, Template

    template = Template('{% load pagecache %}{% cachedfragment "main-menu" %}{{ value }}{% endcachedfragment %}')

    def render(url, value):
        request = rf.get(url)
        request.user = AnonymousUser()
        return template.render(Context({"request": request, "value": value}))

    assert render("/news/", "news menu") == "news menu"
    assert render("/news/?page=2", "other") == "news menu"
    assert render("/search/?q=%E5%81%9C%E6%B0%B4", "search menu") == "search menu"
    assert render("/search/?q=other", "other") == "search menu"
    assert render("/events/", "events menu") == "events menu"  # another page: its own menu
