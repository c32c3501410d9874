"""The scoped request worklist: grid A's steward works grid A only; managers see all; general stewards
what is assigned to them; personal data masked, revealed only with an audit entry."""

import io

from django.utils import timezone
from openpyxl import load_workbook

from portal.accounts.models import AuditLog
from portal.workorders import services as wo
from portal.workorders.models import WorkOrder
from tests.factories import submit_request


def numbers(response):
    return {n for n in (response.context["page_obj"] or []) for n in [n.number]}


def test_steward_sees_only_own_grid_masked(client, world):
    client.force_login(world.users["steward_a"])
    response = client.get("/steward/requests/")
    html = response.content.decode()
    assert numbers(response) == {world.order_a.number}
    assert "138****1234" in html and "张**" in html
    assert "13812341234" not in html and world.order_b.number not in html


def test_manager_sees_all_and_general_steward_only_assigned(client, world):
    client.force_login(world.users["manager"])
    assert numbers(client.get("/steward/requests/")) == {world.order_a.number, world.order_b.number}
    client.force_login(world.users["general"])
    assert numbers(client.get("/steward/requests/")) == set()
    wo.assign(world.order_b, world.general, actor=world.users["manager"])
    assert numbers(client.get("/steward/requests/")) == {world.order_b.number}
    assert client.get(f"/steward/requests/{world.order_a.number}/").status_code == 404


def test_filters_and_search(client, world):
    other = submit_request(world, world.unit_a, phone="13655556666", room="102")
    client.force_login(world.users["steward_a"])
    assert numbers(client.get("/steward/requests/", {"q": "6666"})) == {other.number}
    assert numbers(client.get("/steward/requests/", {"q": "13655556666"})) == {other.number}
    assert numbers(client.get("/steward/requests/", {"q": world.order_a.number})) == {world.order_a.number}
    wo.accept(other, actor=world.users["steward_a"])
    assert numbers(client.get("/steward/requests/", {"status": "accepted"})) == {other.number}
    assert numbers(client.get("/steward/requests/", {"category": world.category.pk})) == {
        other.number,
        world.order_a.number,
    }
    WorkOrder.objects.filter(pk=world.order_a.pk).update(response_due=timezone.now() - timezone.timedelta(hours=1))
    assert numbers(client.get("/steward/requests/", {"overdue": "1"})) == {world.order_a.number}
    today = timezone.localdate().isoformat()
    assert len(numbers(client.get("/steward/requests/", {"from": today, "to": today}))) == 2
    for bad in ({"status": "flying"}, {"category": "x"}, {"from": "yesterday"}, {"category": "999"}):
        assert client.get("/steward/requests/", bad).status_code == 400, bad


def test_bulk_assignment_calls_the_service_and_respects_scope(client, world):
    second = submit_request(world, world.unit_a, room="102")
    client.force_login(world.users["steward_a"])
    response = client.post(
        "/steward/requests/assign/", {"orders": [world.order_a.number, second.number], "steward": world.general.pk}
    )
    assert response.status_code == 302
    for order in (world.order_a, second):
        order.refresh_from_db()
        assert (order.status, order.assignee) == ("assigned", world.general)
        assert order.transitions.filter(action="assign", actor=world.users["steward_a"]).exists()
    # Grid B's request is not in grid A's steward's list: nothing is assigned at all.
    response = client.post("/steward/requests/assign/", {"orders": [world.order_b.number], "steward": world.general.pk})
    assert response.status_code == 400
    # The error comes in the site's one error summary (focused by portal.js, count in the title).
    assert "data-error-summary" in response.content.decode() and 'data-error-count="1"' in response.content.decode()
    world.order_b.refresh_from_db()
    assert world.order_b.assignee is None
    client.force_login(world.users["general"])
    assert client.post("/steward/requests/assign/", {"orders": [second.number], "steward": 1}).status_code == 403


def test_bulk_assignment_is_all_or_nothing(client, world):
    rejected = submit_request(world, world.unit_a, room="103")
    wo.reject(rejected, actor=world.users["manager"], note="重复提交")
    client.force_login(world.users["manager"])
    response = client.post(
        "/steward/requests/assign/", {"orders": [world.order_a.number, rejected.number], "steward": world.general.pk}
    )
    assert response.status_code == 400
    world.order_a.refresh_from_db()
    assert world.order_a.assignee is None


def test_excel_export_respects_scope_and_masks(client, world):
    client.force_login(world.users["steward_a"])
    response = client.get("/steward/requests/export.xlsx")
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 2 and rows[1][0] == world.order_a.number
    assert rows[1][8] == "138****1234" and "13812341234" not in str(rows)
    assert AuditLog.objects.filter(action=AuditLog.Action.EXPORT, actor=world.users["steward_a"]).exists()


def test_detail_reveal_is_audited_and_only_for_the_handler(client, world):
    url = f"/steward/requests/{world.order_a.number}/"
    client.force_login(world.users["steward_a"])
    assert "13812341234" not in client.get(url).content.decode()
    response = client.post(url + "reveal/")
    assert response.status_code == 200 and "13812341234" in response.content.decode()
    assert AuditLog.objects.filter(action=AuditLog.Action.REVEAL, object_id=str(world.order_a.pk)).count() == 1
    client.force_login(world.users["steward_b"])
    assert client.post(url + "reveal/").status_code == 404
    # A second grid steward of grid A who is not the routed steward may list it but not reveal it.
    from portal.accounts import roles
    from tests.factories import StewardFactory, user_with_role

    deputy = user_with_role("deputy_a", roles.STEWARD)
    StewardFactory(user=deputy, name="副管家", grids=[world.grid_a])
    client.force_login(deputy)
    assert client.get(url).status_code == 200
    assert client.post(url + "reveal/").status_code == 403
    assert AuditLog.objects.filter(action=AuditLog.Action.REVEAL).count() == 1


def test_transitions_from_the_detail_view(client, world):
    url = f"/steward/requests/{world.order_a.number}/act/"
    client.force_login(world.users["steward_a"])
    assert client.post(url, {"action": "close"}).status_code == 409
    assert client.post(url, {"action": "reject"}).status_code == 400  # a reason is required
    assert client.post(url, {"action": "accept"}).status_code == 302
    world.order_a.refresh_from_db()
    assert world.order_a.status == "accepted"
    assert client.post(url, {"action": "explode"}).status_code == 404
    client.force_login(world.users["steward_b"])
    assert client.post(url, {"action": "resolve"}).status_code == 404


def test_branch_secretary_works_every_grid_audited_but_no_households_or_care_roster(client, world):
    """DESIGN.md: the branch secretary assigns and escalates requests and watches overdue ones."""
    from portal.accounts import roles
    from tests.factories import user_with_role

    secretary = user_with_role("secretary", roles.SECRETARY)
    client.force_login(secretary)
    response = client.get("/steward/requests/")
    assert numbers(response) == {world.order_a.number, world.order_b.number}
    html = response.content.decode()
    assert "13812341234" not in html  # masked in the list
    assert "/steward/households/" not in html and "/steward/care/" not in html  # no steward tools offered
    # Overdue requests of any grid.
    WorkOrder.objects.filter(pk=world.order_b.pk).update(response_due=timezone.now() - timezone.timedelta(hours=1))
    assert numbers(client.get("/steward/requests/", {"overdue": "1"})) == {world.order_b.number}
    # Assigns across grids, through the service (audited transition).
    response = client.post(
        "/steward/requests/assign/",
        {"orders": [world.order_a.number, world.order_b.number], "steward": world.general.pk},
    )
    assert response.status_code == 302
    world.order_b.refresh_from_db()
    assert world.order_b.assignee == world.general
    assert world.order_b.transitions.filter(action="assign", actor=secretary).exists()
    # Reveal like a manager's: allowed and written to the audit log.
    reveal = client.post(f"/steward/requests/{world.order_b.number}/reveal/")
    assert reveal.status_code == 200 and "13998765432" in reveal.content.decode()
    assert AuditLog.objects.filter(
        action=AuditLog.Action.REVEAL, actor=secretary, object_id=str(world.order_b.pk)
    ).exists()
    # The same scope in the admin and the staff API (one rule: portal.grids.scope.request_filter).
    assert set(WorkOrder.objects.for_user(secretary).values_list("number", flat=True)) >= {
        world.order_a.number,
        world.order_b.number,
    }
    # No households, visits or care roster: health and home data stay with the stewards and managers.
    for url in ("/steward/", "/steward/households/", "/steward/coverage/", "/steward/care/", "/steward/visits/new/"):
        assert client.get(url).status_code == 403, url
    assert client.get(f"/steward/care/{world.care_a.pk}/").status_code == 403


def test_general_steward_sees_only_assigned_requests_in_admin_and_api_too(client, world):
    """The admin list and the staff API use the worklist's rule, not a wider one."""
    from portal.workorders.models import ApiToken

    general = world.users["general"]
    assert WorkOrder.objects.for_user(general).count() == 0
    _token, raw = ApiToken.issue(general, "app")
    listed = client.get("/api/portal/workorders/staff/requests", headers={"Authorization": f"Bearer {raw}"})
    assert listed.status_code == 200 and listed.json()["count"] == 0
    wo.assign(world.order_b, world.general, actor=world.users["manager"])
    listed = client.get("/api/portal/workorders/staff/requests", headers={"Authorization": f"Bearer {raw}"})
    assert [row["number"] for row in listed.json()["results"]] == [world.order_b.number]
