"""Every action × every role through every channel: the same allow/deny answer everywhere.

The people and places are the authorization matrix's (`tests.factories.World`: grid A's and
grid B's stewards, a general steward, a manager, an official, an editor, a partner, a resident, plus the
branch secretary). The request is grid A's and assigned to the general steward, so that grid A's
steward, the general steward, the manager and the secretary all find it: what differs between them is
the permission, not the scope. Grid B's steward does not find it (refused as not found).

Channels: the service itself (`services.perform`), the steward's worklist (POST …/act/), the staff API
(POST …/transition with the role's key), the Wagtail admin (POST …/transition/); for entering a request
for a resident: the service (`submit` with `entered_by`), the admin's entry form and Open311.
"""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.utils import timezone

from portal.accounts import roles
from portal.workorders import permissions, services
from portal.workorders.models import ApiToken, WorkOrder
from tests.factories import World, user_with_role

ROLES = ("anonymous", "resident", "partner", "official", "editor", "steward_a", "steward_b", "general", "manager")
ROLES = (*ROLES, "secretary")
WORKERS = {"steward_a", "general", "manager", "secretary"}
DISPATCHERS = {"steward_a", "manager", "secretary"}
ENTERERS = {"steward_a", "steward_b", "general", "manager", "secretary"}
ACTIONS = tuple(services.TRANSITIONS)

# The state each action starts from (and what else the row needs for it).
START = {
    "accept": {"status": "submitted"},
    "assign": {"status": "submitted"},
    "start": {"status": "assigned"},
    "resolve": {"status": "in_progress"},
    "close": {"status": "resolved"},
    "reopen": {"status": "resolved"},
    "reject": {"status": "submitted"},
    "merge": {"status": "submitted"},
}


def expected(action):
    return DISPATCHERS if action in ("assign", "merge") else WORKERS


@pytest.fixture
def world(db, home_page):
    world = World()
    world.users["secretary"] = user_with_role("secretary", roles.SECRETARY)
    world.tokens = {role: ApiToken.issue(user, role)[1] for role, user in world.users.items() if user is not None}
    return world


def prepare(world, action):
    """Grid A's request, assigned to the general steward, in the state `action` starts from."""
    WorkOrder.objects.filter(pk=world.order_a.pk).update(
        assignee=world.general,
        duplicate_of=None,
        resolved_at=timezone.now(),
        closed_at=None,
        **START[action],
    )
    return WorkOrder.objects.get(pk=world.order_a.pk)


def params(world, action):
    return {
        "note": "不属于物业服务范围" if action == "reject" else "",
        "steward": world.general.pk if action == "assign" else None,
        "original": world.order_b.number if action == "merge" else None,
    }


def done(world, action):
    return WorkOrder.objects.get(pk=world.order_a.pk).status == services.TRANSITIONS[action][1]


def refused(response):
    """A refusal as each channel answers one: 401/403/404, or the login page or the admin's dashboard."""
    if response.status_code in (301, 302):
        return "login" in response["Location"] or response["Location"] == "/admin/"
    return response.status_code in (401, 403, 404)


def _login(client, world, role):
    client.logout()
    if world.users[role] is not None:
        client.force_login(world.users[role])


def via_service(client, world, role, action):
    order = prepare(world, action)
    user = world.users[role] or AnonymousUser()
    try:
        services.perform(order, action, actor=user, **params(world, action))
    except services.ActionDenied:
        assert not done(world, action)
        return False
    return done(world, action)


def via_worklist(client, world, role, action):
    order = prepare(world, action)
    _login(client, world, role)
    body = {"action": action, **{k: v for k, v in params(world, action).items() if v is not None}}
    response = client.post(f"/steward/requests/{order.number}/act/", body)
    if done(world, action):
        assert response.status_code == 302
        return True
    assert refused(response), (role, action, response.status_code)
    return False


def via_api(client, world, role, action):
    order = prepare(world, action)
    client.logout()
    headers = {"Authorization": f"Bearer {world.tokens[role]}"} if role in world.tokens else {}
    body = {"action": action, **{k: v for k, v in params(world, action).items() if v is not None}}
    response = client.post(
        f"/api/portal/workorders/staff/requests/{order.number}/transition",
        body,
        content_type="application/json",
        headers=headers,
    )
    if done(world, action):
        assert response.status_code == 200
        return True
    assert refused(response), (role, action, response.status_code, response.content)
    return False


def via_admin(client, world, role, action):
    order = prepare(world, action)
    _login(client, world, role)
    body = {"action": action, **{k: v or "" for k, v in params(world, action).items()}}
    response = client.post(f"/admin/workorders/{order.pk}/transition/", body)
    if done(world, action):
        assert response.status_code == 302 and "/inspect/" in response["Location"]
        return True
    assert refused(response), (role, action, response.status_code)
    return False


TRANSITION_CHANNELS = {"service": via_service, "worklist": via_worklist, "api": via_api, "admin": via_admin}


@pytest.mark.parametrize("channel", sorted(TRANSITION_CHANNELS))
def test_every_staff_action_gets_the_same_answer_in_every_channel(client, world, channel):
    attempt = TRANSITION_CHANNELS[channel]
    got = {action: {role for role in ROLES if attempt(client, world, role, action)} for action in ACTIONS}
    assert got == {action: expected(action) for action in ACTIONS}
    # What the channels offer agrees with what they allow.
    for action in ACTIONS:
        order = prepare(world, action)
        offered = {role for role in ROLES if permissions.can(world.users[role] or AnonymousUser(), action, order)}
        assert offered == expected(action), action


def test_the_refusal_reads_the_same_in_every_channel(client, world):
    """The general steward may work their request but not reassign it: one message, four channels."""
    order = prepare(world, "assign")
    general = world.users["general"]
    with pytest.raises(services.ActionDenied) as refusal:
        services.perform(order, "assign", actor=general, steward=world.steward_a.pk)
    message = refusal.value.message
    assert "指派" in message

    client.force_login(general)
    page = client.post(f"/steward/requests/{order.number}/act/", {"action": "assign", "steward": world.general.pk})
    assert page.status_code == 403 and message in page.content.decode()
    admin = client.post(f"/admin/workorders/{order.pk}/transition/", {"action": "assign", "steward": world.general.pk})
    assert admin["Location"] == "/admin/"
    assert [str(m) for m in get_messages(admin.wsgi_request)] == [message]
    client.logout()
    api = client.post(
        f"/api/portal/workorders/staff/requests/{order.number}/transition",
        {"action": "assign", "steward": world.general.pk},
        content_type="application/json",
        headers={"Authorization": f"Bearer {world.tokens['general']}"},
    )
    assert api.status_code == 403 and api.json() == {"detail": message, "code": "permission_denied", "errors": {}}
    assert WorkOrder.objects.get(pk=order.pk).transitions.filter(actor=general).count() == 0


# --- entering a request for a resident ---------------------------------------------------------


def _count():
    return WorkOrder.objects.count()


def enter_via_service(client, world, role):
    before = _count()
    user = world.users[role] or AnonymousUser()
    try:
        services.submit(
            services.Submission(
                category=world.category,
                name="王大爷",
                phone="13900001111",
                description="楼道灯不亮",
                channel=WorkOrder.Channel.PHONE,
                entered_by=user,
            ),
            notify=False,
        )
    except services.ActionDenied:
        assert _count() == before
        return False
    return _count() == before + 1


def enter_via_admin(client, world, role):
    before = _count()
    _login(client, world, role)
    form = {
        "channel": WorkOrder.Channel.PHONE,
        "category": world.category.pk,
        "name": "王大爷",
        "phone": "13900001111",
        "description": "楼道灯不亮",
        "consent": "on",
    }
    response = client.post("/admin/workorders/enter/", form)
    if _count() == before + 1:
        assert response.status_code == 302
        return True
    assert refused(response), (role, response.status_code)
    return False


def enter_via_open311(client, world, role):
    before = _count()
    client.logout()
    form = {
        "service_code": world.category.code,
        "address_string": "1号楼",
        "phone": "13900001111",
        "description": "楼道灯不亮",
    }
    if role in world.tokens:
        form["api_key"] = world.tokens[role]
    response = client.post("/open311/v2/requests.json", form)
    if _count() == before + 1:
        assert response.status_code == 201
        return True
    assert response.status_code == 403, (role, response.status_code, response.content)
    return False


ENTRY_CHANNELS = {"service": enter_via_service, "admin": enter_via_admin, "open311": enter_via_open311}


@pytest.mark.parametrize("channel", sorted(ENTRY_CHANNELS))
def test_entering_a_request_for_a_resident_gets_the_same_answer_in_every_channel(client, world, channel):
    attempt = ENTRY_CHANNELS[channel]
    assert {role for role in ROLES if attempt(client, world, role)} == ENTERERS
