"""Sign-up and cancel through the portal API (django-ninja), in the one OpenAPI document."""

import pytest

from cms.events.models import EventSignup
from tests.cms.factories import EventPageFactory

pytestmark = pytest.mark.django_db

BODY = {"name": "王先生", "phone": "13812345678", "party_size": 1, "consent": True}


def post(client, url, body):
    return client.post(url, body, content_type="application/json")


def test_sign_up_and_cancel_over_the_api(client, tree):
    event = EventPageFactory(parent=tree["events"], capacity=1)
    response = post(client, f"/api/portal/events/{event.pk}/signups/", BODY)
    assert response.status_code == 201
    data = response.json()
    assert data["status"] == "confirmed" and len(data["code"]) == 8
    waiting = post(client, f"/api/portal/events/{event.pk}/signups/", {**BODY, "phone": "13812345679"}).json()
    assert waiting["status"] == "waiting"
    assert client.get(f"/api/portal/events/{event.pk}/").json()["remaining_places"] == 0
    cancelled = post(client, f"/api/portal/events/signups/{data['token']}/cancel/", {})
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert EventSignup.objects.get(token=waiting["token"]).status == "offered"  # to confirm by SMS code
    again = post(client, f"/api/portal/events/signups/{data['token']}/cancel/", {})
    assert again.status_code == 400
    assert "已经取消" in again.json()["detail"]


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({**BODY, "phone": "1381234"}, "phone", "11 位"),
        ({**BODY, "name": ""}, "name", "请填写姓名"),
        ({**BODY, "party_size": "两个"}, "party_size", "整数"),
        ({**BODY, "consent": False}, "consent", "同意"),
    ],
)
def test_bad_api_input_is_a_400_in_chinese_with_nothing_saved(client, tree, body, field, message):
    event = EventPageFactory(parent=tree["events"])
    response = post(client, f"/api/portal/events/{event.pk}/signups/", body)
    assert response.status_code == 400
    assert message in response.json()["errors"][field][0]
    assert EventSignup.objects.count() == 0


def test_unknown_event_is_404_and_paths_are_in_openapi(client, tree):
    assert post(client, "/api/portal/events/999999/signups/", BODY).status_code == 404
    paths = client.get("/api/portal/openapi.json").json()["paths"]
    assert "/api/portal/events/{page_id}/signups/" in paths
    assert "/api/portal/events/signups/{token}/cancel/" in paths


def test_staff_export_of_signups_masks_phones(client, tree):
    import io

    from openpyxl import load_workbook

    from cms.events.services import sign_up
    from tests.cms.factories import make_user

    event = EventPageFactory(parent=tree["events"])
    sign_up(event, name="甲", phone="13800000001")
    client.force_login(make_user("editor1", "editor"))
    listing = client.get("/admin/event_signups/")
    assert listing.status_code == 200
    assert "138****0001" in listing.content.decode() and "13800000001" not in listing.content.decode()
    export = client.get("/admin/event_signups/?export=xlsx")
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert any("138****0001" in row for row in rows)
    assert not any("13800000001" in row for row in rows)
    client.force_login(make_user("resident"))
    assert client.get("/admin/event_signups/").status_code in (302, 403)


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("get", "/api/portal/events/abc/", 422),
        ("get", "/api/portal/events/-1/", 422),
        ("get", "/api/portal/events/999999/", 404),
        ("post", "/api/portal/events/signups/00000000-0000-0000-0000-000000000000/cancel/", 404),
        ("post", "/api/portal/events/1.5/signups/", 422),
        ("post", "/api/portal/events/signups/not-a-token/cancel/", 422),
    ],
)
def test_malformed_ids_and_tokens_are_answered_in_json(client, tree, method, url, status):
    response = getattr(client, method)(url, *([BODY] if method == "post" else []), content_type="application/json")
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_unknown_signup_field_is_refused_and_nothing_saved(client, tree):
    event = EventPageFactory(parent=tree["events"])
    response = post(client, f"/api/portal/events/{event.pk}/signups/", {**BODY, "status": "confirmed"})
    assert response.status_code == 422
    assert response.json()["code"] == "unknown_field"
    assert "未知字段" in response.json()["detail"]
    assert EventSignup.objects.count() == 0
