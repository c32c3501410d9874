"""Who may do what to a request is decided once, inside the business action (portal.workorders.permissions),
so every channel refuses the same things with the same message."""

import pytest

from portal.workorders import services
from portal.workorders.models import ApiToken
from portal.workorders.permissions import ActionDenied
from tests.factories import World, submit_request


@pytest.fixture
def world(db, home_page):
    return World()


def _api(client, world, role, order, body):
    _token, raw = ApiToken.issue(world.users[role], role)
    return client.post(
        f"/api/portal/workorders/staff/requests/{order.number}/transition",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {raw}"},
    )


def test_a_general_steward_cannot_reassign_or_merge_their_own_request_through_the_api(client, world):
    """The bug issue 17 found: the worklist refused the general steward's assignment, the API did not."""
    manager, general = world.users["manager"], world.users["general"]
    services.assign(world.order_b, world.general, actor=manager)
    other = submit_request(world, world.unit_b, room="503")
    services.assign(other, world.general, actor=manager)

    reassign = _api(client, world, "general", world.order_b, {"action": "assign", "steward": world.steward_b.pk})
    assert reassign.status_code == 403, reassign.content
    assert reassign.json()["code"] == "permission_denied"
    assert "指派" in reassign.json()["detail"]
    merged = _api(client, world, "general", world.order_b, {"action": "merge", "original": other.number})
    assert merged.status_code == 403, merged.content
    world.order_b.refresh_from_db()
    assert (world.order_b.status, world.order_b.assignee) == ("assigned", world.general)
    assert not world.order_b.transitions.filter(actor=general).exists()
    # The same refusal from the service itself, whoever calls it.
    with pytest.raises(ActionDenied):
        services.assign(world.order_b, world.steward_b, actor=general)
    with pytest.raises(ActionDenied):
        services.merge(world.order_b, other, actor=general)
    # What a general steward may do with their own request is still allowed.
    started = _api(client, world, "general", world.order_b, {"action": "start"})
    assert started.status_code == 200, started.content
