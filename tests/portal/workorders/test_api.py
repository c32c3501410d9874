"""The request API journey for the company's app, and staff access with an API key."""

import io

import pytest
from PIL import Image

from portal.workorders import services
from portal.workorders.models import ApiToken, WorkOrder, WorkOrderPhoto

from .factories import UserFactory, jpeg_with_gps, submission

BASE = "/api/portal/workorders"


def submit_form(category, building, **overrides):
    data = {
        "category": category.code,
        "name": "王大爷",
        "phone": "+86 139 0000 1111",
        "description": "卫生间墙面裂缝",
        "building": building.pk,
        "unit": 1,
        "room": "502",
        "consent": True,
    }
    data.update(overrides)
    return data


@pytest.fixture
def staff_key(db):
    from portal.accounts import roles

    user = UserFactory(username="manager7", first_name="赵经理")
    user.groups.add(roles.ensure_roles()[roles.MANAGER])
    _token, raw = ApiToken.issue(user, "app")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def test_categories_are_listed(client, category, emergency_category):
    body = client.get(f"{BASE}/categories").json()
    assert {c["code"]: c["is_emergency"] for c in body} == {"water-leak": False, "gas-smell": True}


def test_resident_journey_over_the_api(client, category, building, steward, staff_key):
    response = client.post(
        f"{BASE}/requests",
        submit_form(category, building, photos=[jpeg_with_gps()]),
        HTTP_IDEMPOTENCY_KEY="app-uuid-1",
    )
    assert response.status_code == 201, response.content
    receipt = response.json()
    assert receipt["number"].startswith("BY-") and receipt["replayed"] is False
    order = WorkOrder.objects.get()
    assert order.channel == "app" and order.phone == "13900001111"
    with Image.open(WorkOrderPhoto.objects.get().image.path) as image:
        assert not image.getexif()

    again = client.post(f"{BASE}/requests", submit_form(category, building), HTTP_IDEMPOTENCY_KEY="app-uuid-1")
    assert again.status_code == 200 and again.json()["number"] == receipt["number"] and again.json()["replayed"]
    assert WorkOrder.objects.count() == 1

    number, code = receipt["number"], receipt["lookup_code"]
    assert client.get(f"{BASE}/requests/{number}", {"code": "WRONGCODE"}).status_code == 404
    looked = client.get(f"{BASE}/requests/{number}", {"code": code}).json()
    assert looked["status"] == "submitted" and looked["can_rate"] is False

    for action, extra in [("accept", {}), ("assign", {"steward": steward.pk}), ("start", {}), ("resolve", {})]:
        r = client.post(
            f"{BASE}/staff/requests/{number}/transition",
            {"action": action, "note": "ok", **extra},
            content_type="application/json",
            **staff_key,
        )
        assert r.status_code == 200, r.content
    assert r.json()["status"] == "resolved"

    reopened = client.post(
        f"{BASE}/requests/{number}/reopen", {"lookup_code": code, "note": "还有裂缝"}, content_type="application/json"
    )
    assert reopened.json()["status"] == "reopened"
    client.post(
        f"{BASE}/staff/requests/{number}/transition",
        {"action": "resolve", "note": ""},
        content_type="application/json",
        **staff_key,
    )
    bad = client.post(
        f"{BASE}/staff/requests/{number}/transition",
        {"action": "resolve"},
        content_type="application/json",
        **staff_key,
    )
    assert bad.status_code == 409  # resolving twice
    assert client.post(
        f"{BASE}/staff/requests/{number}/transition",
        {"action": "resolve"},
        content_type="application/json",
        **staff_key,
    ).status_code in (400, 409)
    # reopened → resolve is refused, accept first
    client.post(
        f"{BASE}/staff/requests/{number}/transition", {"action": "accept"}, content_type="application/json", **staff_key
    )
    client.post(
        f"{BASE}/staff/requests/{number}/transition",
        {"action": "resolve"},
        content_type="application/json",
        **staff_key,
    )
    rated = client.post(
        f"{BASE}/requests/{number}/rate",
        {"lookup_code": code, "speed": 5, "quality": 5, "attitude": 4, "comment": "谢谢"},
        content_type="application/json",
    )
    assert rated.status_code == 200, rated.content
    assert rated.json()["status"] == "closed"
    twice = client.post(
        f"{BASE}/requests/{number}/rate",
        {"lookup_code": code, "speed": 5, "quality": 5, "attitude": 5},
        content_type="application/json",
    )
    assert twice.status_code == 409 and twice.json()["code"] == "already_rated"


def test_submit_errors_are_400_with_field_messages(client, category, building):
    response = client.post(f"{BASE}/requests", submit_form(category, building, phone="1234", consent=False))
    assert response.status_code == 400
    body = response.json()
    assert set(body["errors"]) == {"phone", "consent"}
    assert "手机号码" in body["errors"]["phone"][0]
    svg = io.BytesIO(b"<svg><script>alert(1)</script></svg>")
    svg.name = "x.svg"
    response = client.post(f"{BASE}/requests", {**submit_form(category, building), "photos": [svg]})
    assert response.status_code == 400 and "photos" in response.json()["errors"]
    assert WorkOrder.objects.count() == 0


def test_me_too_over_the_api(client, public_category, building):
    order = services.submit(**submission(public_category, building, location="2号楼路灯"), notify=False)
    url = f"{BASE}/requests/{order.number}/me-too"
    assert client.post(url, {"phone": "13700000001"}, content_type="application/json").json()["me_too"] == 1
    assert client.post(url, {"phone": "bad"}, content_type="application/json").status_code == 400


def test_staff_endpoints_need_a_key_and_refuse_unknown_filters(client, category, building, staff_key):
    services.submit(**submission(category, building), notify=False)
    assert client.get(f"{BASE}/staff/requests").status_code == 401
    assert client.get(f"{BASE}/staff/requests", HTTP_AUTHORIZATION="Bearer nope").status_code == 401
    listing = client.get(f"{BASE}/staff/requests", {"status": "submitted"}, **staff_key)
    assert listing.status_code == 200
    row = listing.json()["results"][0]
    assert row["phone"] == "138****1234"
    assert client.get(f"{BASE}/staff/requests", {"colour": "red"}, **staff_key).status_code == 400
    assert client.get(f"{BASE}/staff/requests", {"status": "lost"}, **staff_key).status_code == 400
    assert client.get(f"{BASE}/staff/requests", {"overdue": "maybe"}, **staff_key).status_code == 400
    assert client.get(f"{BASE}/staff/requests", {"overdue": "true"}, **staff_key).json()["count"] == 0


def test_steward_key_sees_only_their_grid(client, category, building, steward):
    from .factories import BuildingFactory

    services.submit(**submission(category, building), notify=False)
    services.submit(**submission(category, BuildingFactory()), notify=False)
    _token, raw = ApiToken.issue(steward.user, "phone")
    body = client.get(f"{BASE}/staff/requests", HTTP_AUTHORIZATION=f"Bearer {raw}").json()
    assert body["count"] == 1


def test_optional_numbers_may_be_left_empty_or_null_in_the_form(client, category, building):
    response = client.post(
        f"{BASE}/requests", submit_form(category, building, unit="", service_page="null", idempotency_key="k-null")
    )
    assert response.status_code == 201, response.content
    order = WorkOrder.objects.get(number=response.json()["number"])
    assert order.unit is None and order.service_page is None and order.building == building
    wrong = client.post(f"{BASE}/requests", submit_form(category, building, unit="一单元"))
    assert wrong.status_code == 422
    assert wrong.json()["errors"]["unit"] == ["请输入整数。"]


def test_unknown_form_field_is_refused_and_nothing_saved(client, category, building):
    response = client.post(f"{BASE}/requests", {**submit_form(category, building), "priority": "urgent"})
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "unknown_field" and "priority" in body["detail"] and "未知字段" in body["detail"]
    assert WorkOrder.objects.count() == 0


def test_unknown_json_field_is_refused_in_chinese(client, category, building):
    order = services.submit(**submission(category, building), notify=False)
    response = client.post(
        f"{BASE}/requests/{order.number}/reopen",
        {"lookup_code": order.lookup_token, "note": "没修好", "status": "closed"},
        content_type="application/json",
    )
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "unknown_field" and "status" in body["errors"]
    order.refresh_from_db()
    assert order.status == "submitted" and order.transitions.count() == 1
