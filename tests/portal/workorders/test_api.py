"""The request API journey for the company's app, and staff access with an API key."""

import io

import pytest
from PIL import Image

from portal.workorders import services
from portal.workorders.models import ApiToken, WorkOrder, WorkOrderPhoto
from tests.factories import jpeg_with_gps, submission

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
    order = services.submit(submission(public_category, building, location="2号楼路灯"), notify=False)
    url = f"{BASE}/requests/{order.number}/me-too"
    assert client.post(url, {"phone": "13700000001"}, content_type="application/json").json()["me_too"] == 1
    assert client.post(url, {"phone": "bad"}, content_type="application/json").status_code == 400


def test_staff_endpoints_need_a_key_and_refuse_unknown_filters(client, category, building, staff_key):
    services.submit(submission(category, building), notify=False)
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
    from tests.factories import BuildingFactory

    services.submit(submission(category, building), notify=False)
    services.submit(submission(category, BuildingFactory()), notify=False)
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
    order = services.submit(submission(category, building), notify=False)
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


def _redis_cache(settings, location):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "test-rate-limits",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.3, "SOCKET_TIMEOUT": 0.5},
        },
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "rl-pages"},
    }
    from django.core.cache import cache

    cache.clear()
    return cache


def _rate_limit_journey(client, category, building, settings):
    """Two new requests per hour from this IP: replays are answered and never counted."""
    settings.WORKORDER_RATE_LIMITS = {"ip_per_hour": 2, "phone_per_hour": 100}
    first = client.post(f"{BASE}/requests", submit_form(category, building), HTTP_IDEMPOTENCY_KEY="rl-1")
    assert first.status_code == 201, first.content
    for _ in range(3):  # a resident tapping "send" again is not locked out
        again = client.post(f"{BASE}/requests", submit_form(category, building), HTTP_IDEMPOTENCY_KEY="rl-1")
        assert again.status_code == 200 and again.json()["number"] == first.json()["number"]
    second = client.post(f"{BASE}/requests", submit_form(category, building), HTTP_IDEMPOTENCY_KEY="rl-2")
    assert second.status_code == 201
    refused = client.post(f"{BASE}/requests", submit_form(category, building), HTTP_IDEMPOTENCY_KEY="rl-3")
    assert refused.status_code == 429 and refused.json()["code"] == "rate_limited"
    assert "24" in refused.json()["detail"]  # zh-hans: points to the 24-hour hotline
    assert WorkOrder.objects.count() == 2  # nothing half-saved by the refused one
    # The limit does not stop a replay of a request that was stored.
    replay = client.post(f"{BASE}/requests", submit_form(category, building), HTTP_IDEMPOTENCY_KEY="rl-2")
    assert replay.status_code == 200 and replay.json()["number"] == second.json()["number"]


def test_rate_limit_counts_new_requests_not_replays(client, category, building, settings):
    _rate_limit_journey(client, category, building, settings)


def test_rate_limit_on_redis(client, category, building, settings):
    """The same journey on the real Redis backend (one pipelined round trip per counter)."""
    import os

    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL not set")
    cache = _redis_cache(settings, os.environ["REDIS_URL"])
    try:
        _rate_limit_journey(client, category, building, settings)
        # The counter expires an hour after the first count, like add(key, 0, 3600) + incr; several
        # counters are counted in one round trip, each on its own.
        from portal.workorders import limits

        assert limits._redis_counts(["probe"], 3600) == [1]
        assert limits._redis_counts(["probe", "other"], 3600) == [2, 1]
        assert 3590 < cache.ttl("probe") <= 3600
    finally:
        cache.clear()


def test_rate_limit_fails_open_when_redis_is_down(client, category, building, settings):
    """Nothing listens on port 1: counts cannot be kept, residents are not refused."""
    _redis_cache(settings, "redis://127.0.0.1:1/0")
    settings.WORKORDER_RATE_LIMITS = {"ip_per_hour": 1, "phone_per_hour": 1}
    form = submit_form(category, building)
    statuses = [client.post(f"{BASE}/requests", form, HTTP_IDEMPOTENCY_KEY=f"k{i}").status_code for i in range(3)]
    assert statuses == [201, 201, 201]
