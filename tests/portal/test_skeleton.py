"""The skeleton a newcomer meets: the home page, the admin, both APIs."""

import pytest


def test_home_page_answers_in_chinese_with_the_brand(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="zh-hans">' in html
    assert "枝叶关情 潍美家园" in html
    assert '<main id="main-content"' in html
    assert "跳到主要内容" in html  # the skip link, translated


def test_admin_login_page_answers_in_chinese(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "登录" in response.content.decode()


def test_admin_accepts_a_staff_login(client, django_user_model, home_page):
    django_user_model.objects.create_superuser("boss", "boss@example.com", "a-long-password-1")
    response = client.post("/admin/login/", {"username": "boss", "password": "a-long-password-1"}, follow=True)
    assert response.status_code == 200
    assert response.wsgi_request.user.is_authenticated
    assert response.redirect_chain[-1][0] == "/admin/"


@pytest.mark.parametrize("url", ["/api/portal/openapi.json", "/api/v2/pages/"])
def test_both_apis_answer_json(client, home_page, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")


def test_wagtail_api_lists_the_home_page(client, home_page):
    titles = [item["title"] for item in client.get("/api/v2/pages/").json()["items"]]
    assert "枝叶关情 潍美家园" in titles


def test_unknown_page_is_a_404(client, home_page):
    assert client.get("/no-such-page/").status_code == 404
