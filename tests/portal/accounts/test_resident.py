"""A resident binds their login to a household after staff approval, downloads and deletes their data."""

import json

from django.contrib.auth import get_user_model

from portal.accounts.models import AuditLog, ResidentProfile


def binding_form(world, **extra):
    return {
        "building": world.unit_a.building.pk,
        "unit": 1,
        "room": "301",
        "real_name": "张三丰",
        "phone": "13812341234",
        "consent": "on",
        **extra,
    }


def test_binding_waits_for_staff_approval(client, world):
    resident = world.users["resident"]
    client.force_login(resident)
    assert client.post("/my/household/", binding_form(world)).status_code == 302
    profile = ResidentProfile.objects.get(user=resident)
    assert profile.household == world.household_a and profile.bound_household is None
    client.force_login(world.users["manager"])
    assert "张三丰" in client.get("/admin/accounts/bindings/").content.decode()
    client.post(f"/admin/accounts/bindings/{profile.pk}/", {"decision": "approve"})
    profile.refresh_from_db()
    assert profile.bound_household == world.household_a and profile.decided_by == world.users["manager"]
    assert AuditLog.objects.filter(action=AuditLog.Action.BINDING).exists()


def test_binding_rejects_unknown_home_and_missing_consent(client, world):
    client.force_login(world.users["resident"])
    assert client.post("/my/household/", binding_form(world, room="999")).status_code == 400
    assert client.post("/my/household/", binding_form(world, consent="")).status_code == 400
    assert client.post("/my/household/", binding_form(world, phone="12")).status_code == 400
    assert not ResidentProfile.objects.exists()


def test_resident_cannot_decide_bindings(client, world):
    client.force_login(world.users["resident"])
    assert client.get("/admin/accounts/bindings/").status_code == 302  # no admin at all


def test_download_own_data(client, world):
    client.force_login(world.users["resident"])
    client.post("/my/household/", binding_form(world))
    response = client.get("/my/data/download/")
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["username"] == "resident"
    assert data["resident_profile"]["phone"] == "13812341234"


def test_delete_own_data(client, world):
    resident = world.users["resident"]
    client.force_login(resident)
    client.post("/my/household/", binding_form(world))
    assert client.post("/my/data/delete/", {}).status_code == 400
    assert client.post("/my/data/delete/", {"confirm": "yes"}).status_code == 302
    assert not get_user_model().objects.filter(username="resident").exists()
    assert not ResidentProfile.objects.exists()
    entry = AuditLog.objects.get(action=AuditLog.Action.OWN_DATA_DELETE)
    assert "resident" not in entry.actor_name


def test_staff_cannot_delete_themselves_here(client, world):
    client.force_login(world.users["steward_a"])
    assert client.post("/my/data/delete/", {"confirm": "yes"}).status_code == 403
    assert get_user_model().objects.filter(username="steward_a").exists()


def test_own_data_includes_requests_and_deleting_scrubs_them(client, world):
    from portal.workorders.models import WorkOrder
    from tests.factories import submit_request

    resident = world.users["resident"]
    order = submit_request(world, world.unit_a, name="业主甲", phone="13577778888", resident=resident)
    client.force_login(resident)
    data = json.loads(client.get("/my/data/download/").content)
    assert data["requests"][0]["number"] == order.number and data["requests"][0]["phone"] == "13577778888"
    client.post("/my/data/delete/", {"confirm": "yes"})
    order = WorkOrder.objects.get(pk=order.pk)
    assert (order.name, order.phone, order.resident) == ("", "", None)
    assert order.number and order.category == world.category
