"""Hardening from the probe of issue 16: oversized bodies, error details, bookable pages."""

import pytest
from django.utils import translation

from portal.workorders.models import WorkOrder

from .test_api import BASE, submit_form

MB = 1024 * 1024


# --- item 9: a 30 MB body answers 413 with a message, never 500 ------------------------------------


@pytest.mark.parametrize(
    "content_type",
    ["application/x-www-form-urlencoded", "application/json", "multipart/form-data; boundary=xyz"],
)
def test_30_mb_to_the_request_api_is_413_with_a_message(client, db, content_type):
    body = b"a" * (30 * MB if "multipart" not in content_type else 50 * MB)
    response = client.generic("POST", f"{BASE}/requests", body, content_type=content_type)
    assert response.status_code == 413
    assert "MB" in response.json()["detail"] and "过大" in response.json()["detail"]
    assert WorkOrder.objects.count() == 0


def test_a_too_large_form_post_is_413_in_the_users_language(client, home_page):
    body = b"a" * (30 * MB)
    zh = client.generic("POST", "/accounts/login/", body, content_type="application/x-www-form-urlencoded")
    assert zh.status_code == 413 and "过大" in zh.content.decode()
    en = client.generic(
        "POST", "/en/accounts/login/", body, content_type="application/x-www-form-urlencoded", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert en.status_code == 413 and "too large" in en.content.decode()


def test_a_too_large_open311_post_answers_the_spec_error_list(client, db):
    response = client.generic("POST", "/open311/v2/requests.json", b"a" * (30 * MB), content_type="text/plain")
    assert response.status_code == 413 and response.json()[0]["code"] == 413


def test_a_chunked_body_without_length_still_answers_413_in_the_api(client, db, settings):
    """What slips past the length check (no Content-Length) is caught by the API's own handler."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client.post(f"{BASE}/requests", {"description": "x" * 4096, "name": "a"})
    assert response.status_code == 413 and response.json()["code"] == "too_large"


# --- item 10: error details are strings -------------------------------------------------------------


def test_unknown_building_detail_is_a_plain_message(client, category, building):
    with translation.override("zh-hans"):
        response = client.post(f"{BASE}/requests", {**submit_form(category, building), "building": "99999"})
    body = response.json()
    assert response.status_code == 400
    assert body["detail"] == body["errors"]["building"][0]
    assert not body["detail"].startswith("(")


# --- item 14: only service pages can be booked -------------------------------------------------------


def test_the_api_books_only_service_pages(client, category, building, home_page):
    from wagtail.models import Page

    for page_id in (home_page.pk, Page.objects.get(depth=1).pk):
        response = client.post(f"{BASE}/requests", submit_form(category, building, service_page=str(page_id)))
        assert response.status_code == 400, response.content
        body = response.json()
        assert body["detail"] == body["errors"]["service_page"][0] == "该服务暂不能预约。"
    assert WorkOrder.objects.count() == 0
