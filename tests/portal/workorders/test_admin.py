"""Staff work requests in the Wagtail admin: list, detail with audit trail, transitions, staff entry."""

import pytest

from portal.accounts import roles
from portal.workorders import services
from portal.workorders.models import WorkOrder
from tests.factories import BuildingFactory, UserFactory, submission


def staff(role, username):
    user = UserFactory(username=username)
    user.groups.add(roles.ensure_roles()[role])
    return user


@pytest.fixture
def manager(db):
    return staff(roles.MANAGER, "manager1")


def test_list_flags_overdue_and_masks_phones(client, manager, category, building):
    late = services.submit(submission(category, building), notify=False)
    WorkOrder.objects.filter(pk=late.pk).update(response_due="2020-01-01T00:00:00Z")
    client.force_login(manager)
    response = client.get("/admin/workorders/workorder/")
    assert response.status_code == 200
    html = response.content.decode()
    assert late.number in html
    assert "138****1234" in html and "13800001234" not in html


def test_detail_shows_the_trail_and_transitions_call_the_services(client, manager, category, building, steward):
    order = services.submit(submission(category, building), notify=False)
    client.force_login(manager)
    detail = client.get(f"/admin/workorders/workorder/inspect/{order.pk}/")
    assert detail.status_code == 200
    assert "处理记录" in detail.content.decode()
    url = f"/admin/workorders/{order.pk}/transition/"
    client.post(url, {"action": "accept", "note": "已电话联系"})
    client.post(url, {"action": "assign", "steward": steward.pk})
    client.post(url, {"action": "start"})  # refused silently? no: start is valid after assign
    client.post(url, {"action": "resolve", "note": "已修好"})
    order.refresh_from_db()
    assert order.status == "resolved"
    assert list(order.transitions.values_list("to_status", flat=True)) == [
        "submitted",
        "accepted",
        "assigned",
        "in_progress",
        "resolved",
    ]
    # an invalid action now is refused and changes nothing
    response = client.post(url, {"action": "accept"}, follow=True)
    assert "不可执行" in response.content.decode() or "不能" in response.content.decode()
    order.refresh_from_db()
    assert order.status == "resolved"


def test_steward_sees_only_their_grid(client, category, building, steward):
    steward.user.groups.add(roles.ensure_roles()[roles.STEWARD])
    mine = services.submit(submission(category, building), notify=False)
    other = services.submit(submission(category, BuildingFactory()), notify=False)
    client.force_login(steward.user)
    html = client.get("/admin/workorders/workorder/").content.decode()
    assert mine.number in html and other.number not in html
    assert client.get(f"/admin/workorders/workorder/inspect/{other.pk}/").status_code == 404
    assert client.post(f"/admin/workorders/{other.pk}/transition/", {"action": "accept"}).status_code == 404


def test_official_cannot_see_requests(client, category, building):
    official = staff(roles.OFFICIAL, "street1")
    services.submit(submission(category, building), notify=False)
    client.force_login(official)
    assert client.get("/admin/workorders/workorder/").status_code in (302, 403)


def test_staff_enter_a_phoned_in_request(client, manager, category, building, steward):
    client.force_login(manager)
    response = client.post(
        "/admin/workorders/enter/",
        {
            "channel": "phone",
            "category": category.pk,
            "name": "孙大爷",
            "phone": "137 0000 2222",
            "building": building.pk,
            "unit": 2,
            "room": "402",
            "description": "电话反映：卫生间下水堵塞",
            "consent": "on",
        },
    )
    assert response.status_code == 302
    order = WorkOrder.objects.get()
    assert order.channel == "phone" and order.entered_by == manager and order.phone == "13700002222"
    assert order.transitions.get().actor == manager
    bad = client.post("/admin/workorders/enter/", {"channel": "phone", "category": category.pk, "phone": "1"})
    assert bad.status_code == 400
    assert WorkOrder.objects.count() == 1


def test_categories_sla_is_editable_by_managers(client, manager, category):
    client.force_login(manager)
    response = client.get(f"/admin/workorders/category/edit/{category.pk}/")
    assert response.status_code == 200
    assert "响应时限" in response.content.decode()


def test_admin_links_to_a_request_open_its_inspect_view(client, manager, category, building):
    """Admin pages that link to a request (a category's or steward's usage list) need a URL that exists:
    requests have no edit view, so the link is the inspect view, and it opens for the manager."""
    from wagtail.admin.admin_url_finder import AdminURLFinder

    order = services.submit(submission(category, building), notify=False)
    url = AdminURLFinder(manager).get_edit_url(order)
    assert url == f"/admin/workorders/workorder/inspect/{order.pk}/"
    client.force_login(manager)
    assert client.get(url).status_code == 200


def test_inspect_masks_contact_and_reveals_only_through_the_audited_step(client, category, building, steward):
    """Issue 16 item 2: the admin's detail masks name and phone like the worklist; the reveal is a POST
    that writes an audit row."""
    from portal.accounts.models import AuditLog

    steward.user.groups.add(roles.ensure_roles()[roles.STEWARD])
    order = services.submit(submission(category, building, name="李秀英"), notify=False)
    url = f"/admin/workorders/workorder/inspect/{order.pk}/"
    client.force_login(steward.user)
    html = client.get(url).content.decode()
    assert "138****1234" in html
    assert "13800001234" not in html and "李秀英" not in html and ">301<" not in html
    assert not AuditLog.objects.filter(action="reveal").exists()

    revealed = client.post(url)
    assert revealed.status_code == 200
    html = revealed.content.decode()
    assert "13800001234" in html and "李秀英" in html
    row = AuditLog.objects.get(action="reveal")
    assert row.actor == steward.user and row.object_id == str(order.pk)


def test_inspect_reveal_is_refused_to_staff_not_handling_the_request(client, category, building, steward):
    from portal.accounts.models import AuditLog
    from tests.factories import StewardFactory

    order = services.submit(submission(category, building), notify=False)
    assert order.steward == steward
    other = StewardFactory(name="赵丽", grids=[building.grid])  # the same grid, not this request's steward
    other.user.groups.add(roles.ensure_roles()[roles.STEWARD])
    client.force_login(other.user)
    url = f"/admin/workorders/workorder/inspect/{order.pk}/"
    page = client.get(url)
    assert page.status_code == 200 and "138****1234" in page.content.decode()
    assert "显示联系方式" not in page.content.decode()
    response = client.post(url)
    assert response.status_code in (302, 403)
    assert "13800001234" not in response.content.decode()
    assert not AuditLog.objects.filter(action="reveal").exists()


def test_api_key_listing_opens_for_a_superuser(client, db):
    """Keys are issued on the command line: the listing offers no "add" (it answered 500 to a superuser)."""
    client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    response = client.get("/admin/workorders/apitoken/")
    assert response.status_code == 200
    assert "/admin/workorders/apitoken/new/" not in response.content.decode()
