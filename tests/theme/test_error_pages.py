"""Branded error pages (issue 15 item 5): 404, 403, CSRF failure and 500 in the visitor's language,
inside the site's layout (the 500 without touching the database), and nothing of Django's debug pages."""

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.urls import path

from theme import views

pytestmark = pytest.mark.django_db


def test_404_is_branded_in_both_languages(client, home_page):
    zh = client.get("/no-such-page/")
    assert zh.status_code == 404
    html = zh.content.decode()
    assert '<html lang="zh-hans"' in html and "页面不存在" in html and 'id="main-content"' in html
    assert "site-header" in html and "site-footer" in html
    assert "URLconf" not in html and "django-admin" not in html  # never the debug list of URL patterns
    en = client.get("/en/no-such-page/")
    assert en.status_code == 404
    assert '<html lang="en"' in en.content.decode() and "Page not found" in en.content.decode()


def test_403_is_branded(client, home_page):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("plain", password="x-Pass-2026")
    client.force_login(user)
    response = client.get("/steward/")  # stewards only
    assert response.status_code == 403
    html = response.content.decode()
    assert "无权访问" in html and "site-header" in html


def test_csrf_failure_is_branded_and_says_what_to_do(home_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/elder-mode/", {"elder": "1"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "请重新提交" in html and "site-header" in html and "CSRF" not in html


def broken(request):
    raise RuntimeError("boom")


urlpatterns = [path("broken/", broken)]
handler500 = "theme.views.server_error"


@override_settings(ROOT_URLCONF=__name__)
def test_500_renders_without_the_database(rf, django_assert_num_queries):
    request = rf.get("/broken/")
    with django_assert_num_queries(0):
        response = views.server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert "出错了" in html and 'id="main-content"' in html and "viewport" in html
    client = Client(raise_request_exception=False)
    assert "出错了" in client.get("/broken/").content.decode()


def test_500_renders_even_when_the_database_is_gone(rf):
    request = rf.get("/en/broken/")
    from django.utils import translation

    with translation.override("en"), connection.execute_wrapper(refuse_queries):
        response = views.server_error(request)
    html = response.content.decode()
    assert '<html lang="en">' in html and "Something went wrong" in html and 'href="/en/"' in html
    assert "/static/theme/js/elder.js" in html  # elder mode, the browser's own choice, holds here too


def refuse_queries(execute, sql, params, many, context):
    raise AssertionError(f"the 500 page queried the database: {sql}")
