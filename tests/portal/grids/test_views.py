"""The steward's site tools and the public "find my steward"."""

import datetime

from django.utils import timezone

from portal.accounts.models import AuditLog
from portal.grids.models import CareRecipient, Visit
from tests.factories import VisitFactory


def test_find_my_steward_shows_name_phone_and_party_badge(client, world):
    response = client.get("/find-my-steward/", {"building": world.unit_a.building.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "王红梅" in html and "0536-8101010" in html and "党员" in html
    assert client.get("/find-my-steward/", {"building": "abc"}).status_code == 400
    assert client.get("/find-my-steward/", {"building": "99999"}).status_code == 404


def test_household_list_is_scoped_and_masked(client, world):
    client.force_login(world.users["steward_a"])
    html = client.get("/steward/households/").content.decode()
    assert "138****1234" in html and "张**" in html
    assert "13812341234" not in html and "张三丰" not in html
    assert "502" not in html  # grid B's household
    manager_html = (client.force_login(world.users["manager"]) or client.get("/steward/households/")).content.decode()
    assert "139****5432" in manager_html and "138****1234" in manager_html


def test_household_list_filters_and_bad_grid(client, world):
    client.force_login(world.users["manager"])
    assert "502" not in client.get("/steward/households/", {"grid": world.grid_a.pk}).content.decode()
    assert client.get("/steward/households/", {"grid": "x"}).status_code == 404
    VisitFactory(household=world.household_a)
    html = client.get("/steward/households/", {"unvisited": "1"}).content.decode()
    assert "502" in html and "301" not in html
    assert "502" in client.get("/steward/households/", {"q": "5432"}).content.decode()


def test_reveal_shows_full_contact_and_is_audited(client, world):
    client.force_login(world.users["steward_a"])
    url = f"/steward/households/{world.household_a.pk}/"
    assert "13812341234" not in client.get(url).content.decode()
    assert client.get(url + "reveal/").status_code == 405
    response = client.post(url + "reveal/")
    assert response.status_code == 200
    assert "13812341234" in response.content.decode() and "张三丰" in response.content.decode()
    entry = AuditLog.objects.get(action=AuditLog.Action.REVEAL)
    assert (entry.actor, entry.object_id) == (world.users["steward_a"], str(world.household_a.pk))
    assert client.post(f"/steward/households/{world.household_b.pk}/reveal/").status_code == 404
    assert AuditLog.objects.filter(action=AuditLog.Action.REVEAL).count() == 1


def test_visit_by_qr_code(client, world):
    client.force_login(world.users["steward_a"])
    url = f"/steward/u/{world.unit_a.qr_token}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"household": world.household_a.pk, "visited_on": timezone.localdate(), "note": "好"})
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert (visit.method, visit.steward, visit.note) == ("qr", world.steward_a, "好")
    # Grid B's unit QR does not open for grid A's steward.
    assert client.get(f"/steward/u/{world.unit_b.qr_token}/").status_code == 403


def test_visit_by_picking_the_unit_rejects_bad_input(client, world):
    client.force_login(world.users["steward_a"])
    assert "1单元" in client.get("/steward/visits/new/").content.decode()
    url = f"/steward/units/{world.unit_a.pk}/visit/"
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert client.post(url, {"household": world.household_a.pk, "visited_on": tomorrow}).status_code == 400
    assert client.post(url, {"household": world.household_b.pk, "visited_on": timezone.localdate()}).status_code == 400
    assert Visit.objects.count() == 0
    ok = client.post(url, {"household": world.household_a.pk, "visited_on": timezone.localdate(), "problem": "漏水"})
    assert ok.status_code == 302 and Visit.objects.get().problem == "漏水"


def test_unit_qr_code_is_an_svg_for_own_units(client, world):
    client.force_login(world.users["steward_a"])
    response = client.get(f"/steward/units/{world.unit_a.pk}/qr.svg")
    assert response.status_code == 200 and response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<?xml")
    # another grid's unit and a unit that does not exist answer alike, as the visit page does (issue 16)
    assert client.get(f"/steward/units/{world.unit_b.pk}/qr.svg").status_code == 403
    assert client.get(f"/steward/units/{world.unit_b.pk}/visit/").status_code == 403
    assert client.get("/steward/units/999999/qr.svg").status_code == 403
    assert client.get("/steward/units/999999/visit/").status_code == 403
    assert client.get("/steward/u/00000000-0000-0000-0000-000000000000/").status_code == 403


def test_coverage_page(client, world):
    VisitFactory(household=world.household_a)
    client.force_login(world.users["manager"])
    html = client.get("/steward/coverage/").content.decode()
    assert "100%" in html and "0%" in html and "502" in html
    assert client.get("/steward/coverage/", {"quarter": "2026Q9"}).status_code == 400


def test_care_roster_access_is_audited_and_marks_overdue(client, world):
    VisitFactory(household=world.household_a, visited_on=timezone.localdate() - datetime.timedelta(days=30))
    client.force_login(world.users["steward_a"])
    html = client.get("/steward/care/").content.decode()
    assert "李奶奶" in html and "走访逾期" in html
    assert client.get(f"/steward/care/{world.care_a.pk}/").status_code == 200
    assert AuditLog.objects.filter(action=AuditLog.Action.ROSTER_VIEW, actor=world.users["steward_a"]).count() == 2
    assert "逾期" in client.get("/steward/").content.decode()


def test_care_roster_entry_needs_the_consent_box(client, world):
    client.force_login(world.users["steward_a"])
    data = {"household": world.household_a.pk, "name": "赵爷爷", "visit_every_days": 7, "consent_by": "本人"}
    response = client.post("/steward/care/new/", data)
    assert response.status_code == 400 and "单独同意" in response.content.decode()
    assert not CareRecipient.objects.filter(name="赵爷爷").exists()
    response = client.post("/steward/care/new/", {**data, "consent": "on"})
    assert response.status_code == 302
    assert CareRecipient.objects.filter(name="赵爷爷", consent_by="本人").exists()


def test_visit_problem_becomes_a_request_in_one_step(client, world):
    from portal.workorders.models import WorkOrder

    client.force_login(world.users["steward_a"])
    url = f"/steward/u/{world.unit_a.qr_token}/"
    data = {
        "household": world.household_a.pk,
        "visited_on": timezone.localdate(),
        "problem": "卫生间水管漏水",
        "make_request": "on",
        "category": world.category.pk,
    }
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    order = WorkOrder.objects.get(description="卫生间水管漏水")
    assert (order.channel, order.entered_by, order.grid, order.room) == (
        "visit",
        world.users["steward_a"],
        world.grid_a,
        "301",
    )
    assert order.phone == "13812341234" and order.extra["visit"] == Visit.objects.get().pk
    assert order.number in response.content.decode()


def test_visit_request_needs_category_and_a_mobile_and_saves_nothing_otherwise(client, world):
    from portal.workorders.models import WorkOrder

    client.force_login(world.users["steward_a"])
    url = f"/steward/units/{world.unit_a.pk}/visit/"
    data = {
        "household": world.household_a.pk,
        "visited_on": timezone.localdate(),
        "problem": "漏水",
        "make_request": "on",
    }
    assert client.post(url, data).status_code == 400  # no category
    world.household_a.phone = "0536-1234567"
    world.household_a.save()
    response = client.post(url, {**data, "category": world.category.pk})
    assert response.status_code == 400
    assert "手机号" in response.content.decode()
    assert not Visit.objects.exists()
    assert WorkOrder.objects.filter(channel="visit").count() == 0


def test_find_my_steward_card_lists_the_grids_buildings_not_a_queryset(client, world):
    """Issue 15 item 1: the card printed the view's `buildings` QuerySet repr a screen long."""
    building = world.unit_a.building
    html = client.get("/find-my-steward/", {"building": building.pk}).content.decode()
    assert "QuerySet" not in html and "&lt;Building" not in html
    numbers = "、".join(str(n) for n in building.grid.buildings.order_by("number").values_list("number", flat=True))
    assert f"{numbers}号楼" in html
    # The select and the button are the theme's own field and button (44 px targets, elder mode).
    assert '<div class="field">' in html and 'class="button button--primary" type="submit"' in html


def test_find_my_steward_bad_choice_is_a_field_error(client, world):
    html = client.get("/find-my-steward/", {"building": "abc"}).content.decode()
    assert 'aria-invalid="true"' in html and 'id="id_building_error"' in html


def test_admin_pickers_list_only_the_users_grids(client, world):
    """Issue 16 item 14: the steward, building and unit choosers and the assign list of a grid steward
    show their own grid (and general stewards), never another grid's; a manager's show every grid."""
    client.force_login(world.users["steward_a"])
    stewards = client.get("/admin/snippets/choose/grids/steward/").json()["html"]
    assert "王红梅" in stewards and "周明" in stewards and "李建国" not in stewards
    units = client.get("/admin/snippets/choose/grids/unit/").json()["html"]
    assert str(world.unit_a) in units and str(world.unit_b) not in units
    buildings = client.get("/admin/snippets/choose/grids/building/").json()["html"]
    assert str(world.unit_a.building) in buildings and str(world.unit_b.building) not in buildings
    chosen = client.get(f"/admin/snippets/choose/grids/unit/chosen/{world.unit_b.pk}/")
    assert chosen.status_code == 404
    inspect = client.get(f"/admin/workorders/workorder/inspect/{world.order_a.pk}/").content.decode()
    assert f'value="{world.steward_a.pk}"' in inspect and f'value="{world.steward_b.pk}"' not in inspect

    client.force_login(world.users["manager"])
    stewards = client.get("/admin/snippets/choose/grids/steward/").json()["html"]
    assert "王红梅" in stewards and "李建国" in stewards
