"""One brute-force policy for every log-in form (issue 16 item 11): django-axes with its database
handler, per account and per address, a clear message in both languages, working with Redis down."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

PASSWORD = "right-pass-123"  # noqa: S105


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.com", PASSWORD)


def wagtail_login(client, password, username="chief", **extra):
    return client.post("/admin/login/", {"username": username, "password": password}, **extra)


def site_login(client, password, login="chief", **extra):
    return client.post("/accounts/login/", {"login": login, "password": password}, **extra)


def test_wagtail_admin_login_locks_after_repeated_wrong_passwords(client, admin_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert wagtail_login(client, "wrong").status_code == 200
    assert wagtail_login(client, "wrong").status_code == 429  # the limit-th failure locks
    locked = wagtail_login(client, PASSWORD)
    assert locked.status_code == 429
    assert "登录已暂停" in locked.content.decode() and "15 分钟" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username="chief").exists()  # in the database, not the cache


def test_the_site_login_shares_the_account_count_and_speaks_english(client, admin_user, settings):
    for i in range(settings.AXES_FAILURE_LIMIT):
        # half on the admin form, half on the site's, from different addresses: one count per account
        post = wagtail_login if i % 2 else site_login
        post(client, "wrong", REMOTE_ADDR=f"10.0.0.{i + 1}")
    locked = client.post(
        "/en/accounts/login/",
        {"login": "Chief", "password": PASSWORD},
        REMOTE_ADDR="10.0.1.1",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert locked.status_code == 429
    assert "Signing in is paused" in locked.content.decode() and "15 minutes" in locked.content.decode()


def test_one_address_trying_many_accounts_is_locked(client, admin_user, settings):
    for i in range(settings.AXES_FAILURE_LIMIT):
        wagtail_login(client, "wrong", username=f"guess{i}", REMOTE_ADDR="10.9.9.9")
    assert wagtail_login(client, PASSWORD, REMOTE_ADDR="10.9.9.9").status_code == 429
    ok = wagtail_login(client, PASSWORD, REMOTE_ADDR="10.9.9.10")  # the account itself is not locked
    assert ok.status_code == 302


def test_a_success_before_the_limit_resets_the_count(client, admin_user, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        wagtail_login(client, "wrong")
    assert wagtail_login(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        wagtail_login(client, "wrong")
    assert wagtail_login(client, PASSWORD).status_code == 302


def test_lockout_holds_with_the_cache_down(client, admin_user, settings):
    """Redis down or flushed: a cache that keeps nothing (what the resilient Redis backend degrades
    to) loses no count, since the lockout lives in the database."""
    down = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    settings.CACHES = {"default": down, "pages": down}  # both aliases live in the same Redis
    for _ in range(settings.AXES_FAILURE_LIMIT):
        wagtail_login(client, "wrong")
    assert wagtail_login(client, PASSWORD).status_code == 429
