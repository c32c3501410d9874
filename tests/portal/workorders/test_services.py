"""The request lifecycle through the service functions: states, audit trail, numbers, ratings."""

import itertools
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from portal.accounts import roles
from portal.workorders import services
from portal.workorders.models import MeToo, Rating, Transition, WorkOrder, satisfaction_rate
from tests.factories import StewardFactory, UserFactory, submission

S = WorkOrder.Status


def test_submit_numbers_routes_and_audits(category, building, steward):
    order = services.submit(submission(category, building))
    today = timezone.localdate()
    assert order.number == f"BY-{today:%Y%m%d}-0001"
    assert order.status == S.SUBMITTED
    assert order.grid == building.grid
    assert order.steward == steward
    assert order.response_due == order.submitted_at + timedelta(hours=2)
    assert order.resolution_due == order.submitted_at + timedelta(hours=24)
    assert len(order.lookup_token) == 10
    second = services.submit(submission(category, building, phone="139 0000 5678"))
    assert second.number == f"BY-{today:%Y%m%d}-0002"
    assert list(order.transitions.values_list("from_status", "to_status")) == [("", "submitted")]


def test_numbers_restart_each_local_day(category, building):
    day1 = timezone.make_aware(timezone.datetime(2026, 3, 1, 23, 30))
    day2 = day1 + timedelta(hours=1)
    a = services.submit(submission(category, building, submitted_at=day1), notify=False)
    b = services.submit(submission(category, building, submitted_at=day2), notify=False)
    assert a.number == "BY-20260301-0001"
    assert b.number == "BY-20260302-0001"


def test_whole_lifecycle_with_rating(category, building, steward, sms_outbox, django_capture_on_commit_callbacks):
    staff = UserFactory(username="manager1", first_name="张经理")
    staff.groups.add(roles.ensure_roles()[roles.MANAGER])
    steward.user.groups.add(roles.ensure_roles()[roles.STEWARD])
    with django_capture_on_commit_callbacks(execute=True):
        order = services.submit(submission(category, building))
    with django_capture_on_commit_callbacks(execute=True):
        services.accept(order, actor=staff)
        services.assign(order, steward, actor=staff, note="请尽快上门")
        services.start(order, actor=steward.user)
        services.resolve(order, actor=steward.user, note="已更换水管接头")
    order.refresh_from_db()
    assert order.status == S.RESOLVED
    assert order.assignee == steward
    assert order.resolution_note == "已更换水管接头"
    rating = services.rate(order, speed=5, quality=4, attitude=5, comment="师傅很负责")
    order.refresh_from_db()
    assert order.status == S.CLOSED
    assert rating.satisfied
    trail = list(order.transitions.values_list("action", "from_status", "to_status", "actor_label", "by_resident"))
    assert trail == [
        ("submit", "", "submitted", "", True),
        ("accept", "submitted", "accepted", "张经理", False),
        ("assign", "accepted", "assigned", "张经理", False),
        ("start", "assigned", "in_progress", steward.user.username, False),
        ("resolve", "in_progress", "resolved", steward.user.username, False),
        ("close", "resolved", "closed", "", True),
    ]
    texts = [text for phone, text in sms_outbox]
    assert all(phone == "13800001234" for phone, _text in sms_outbox)
    assert any(order.number in t and order.lookup_token in t for t in texts)
    assert any("王红梅" in t for t in texts)  # assigned, with the steward's name
    assert any("评价" in t for t in texts)  # resolved asks for a rating


def test_resident_reopens_when_not_fixed(category, building, steward):
    order = services.submit(submission(category, building), notify=False)
    services.assign(order, steward, notify=False)
    services.resolve(order, notify=False)
    with pytest.raises(ValidationError):
        services.reopen(order, resident=True, note="  ")
    services.reopen(order, resident=True, note="还在漏水")
    order.refresh_from_db()
    assert order.status == S.REOPENED
    assert order.response_due > timezone.now()
    services.assign(order, steward, notify=False)
    services.resolve(order, notify=False)
    services.rate(order, speed=2, quality=2, attitude=3)
    assert not Rating.objects.get().satisfied


ALL_STATES = list(S.values)


@pytest.mark.parametrize(
    ("action", "state"),
    [
        (action, state)
        for action, state in itertools.product(services.TRANSITIONS, ALL_STATES)
        if state not in services.TRANSITIONS[action][0]
    ],
)
def test_every_invalid_transition_is_refused(action, state, category, building, steward):
    order = services.submit(submission(category, building), notify=False)
    WorkOrder.objects.filter(pk=order.pk).update(status=state)
    other = services.submit(submission(category, building), notify=False)
    call = {
        "accept": lambda: services.accept(order),
        "assign": lambda: services.assign(order, steward),
        "start": lambda: services.start(order),
        "resolve": lambda: services.resolve(order),
        "close": lambda: services.close(order),
        "reopen": lambda: services.reopen(order, note="x"),
        "reject": lambda: services.reject(order, note="不属于物业范围"),
        "merge": lambda: services.merge(order, other),
    }[action]
    with pytest.raises(services.WorkflowError):
        call()
    order.refresh_from_db()
    assert order.status == state
    assert order.transitions.count() == 1


def test_reject_needs_a_reason_and_merge_links_the_original(category, building):
    order = services.submit(submission(category, building), notify=False)
    original = services.submit(submission(category, building), notify=False)
    with pytest.raises(ValidationError):
        services.reject(order, note="")
    with pytest.raises(services.WorkflowError):
        services.merge(order, order)
    services.merge(order, original)
    order.refresh_from_db()
    assert order.status == S.DUPLICATE
    assert order.duplicate_of == original
    with pytest.raises(services.WorkflowError):
        services.merge(original, order)  # cannot point at a duplicate


def test_rating_is_once_per_resolution_and_only_when_resolved(category, building, steward):
    order = services.submit(submission(category, building), notify=False)
    with pytest.raises(services.WorkflowError):
        services.rate(order, speed=5, quality=5, attitude=5)
    services.resolve(services.accept(order, notify=False), notify=False)
    with pytest.raises(ValidationError):
        services.rate(order, speed=6, quality=5, attitude=0)
    services.rate(order, speed=5, quality=5, attitude=5)
    with pytest.raises(services.WorkflowError):
        services.rate(order, speed=1, quality=1, attitude=1)
    assert Rating.objects.count() == 1


def test_satisfaction_rate_counts_ratings_averaging_four_or_more(category, building):
    assert satisfaction_rate() is None
    for scores in [(5, 5, 5), (4, 4, 4), (4, 4, 3), (3, 3, 3)]:
        order = services.submit(submission(category, building), notify=False)
        services.resolve(services.accept(order, notify=False), notify=False)
        services.rate(order, speed=scores[0], quality=scores[1], attitude=scores[2])
    assert satisfaction_rate() == 0.5


def test_idempotency_key_makes_a_double_submit_one_request(category, building):
    first = services.submit(submission(category, building, idempotency_key="abc-123"))
    again = services.submit(submission(category, building, idempotency_key="abc-123"))
    assert again.pk == first.pk
    assert again.replayed and not first.replayed
    assert WorkOrder.objects.count() == 1


def test_me_too_only_on_open_public_area_requests(public_category, category, building, steward):
    order = services.submit(submission(public_category, building, location="3号楼东侧路灯"), notify=False)
    assert services.me_too(order, phone="13900000001") == (1, True)
    assert services.me_too(order, phone="139 0000 0001") == (1, False)
    assert services.me_too(order, phone="+86 13900000002") == (2, True)
    with pytest.raises(services.WorkflowError):
        services.me_too(order, phone="13800001234")  # the reporter
    private = services.submit(submission(category, building), notify=False)
    with pytest.raises(services.WorkflowError):
        services.me_too(private, phone="13900000003")
    services.resolve(services.accept(order, notify=False), notify=False)
    with pytest.raises(services.WorkflowError):
        services.me_too(order, phone="13900000004")
    assert MeToo.objects.count() == 2


def test_audit_trail_cannot_be_edited_or_deleted(category, building):
    order = services.submit(submission(category, building), notify=False)
    entry = Transition.objects.get(work_order=order)
    entry.note = "改写历史"
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        entry.delete()
    assert Transition.objects.get(pk=entry.pk).note == ""


def test_emergency_is_urgent_and_alerts_managers(emergency_category, building, steward):
    from portal.accounts import roles
    from portal.notifications.models import Notification

    manager = UserFactory(username="boss", email="boss@example.com")
    manager.groups.add(roles.ensure_roles()[roles.MANAGER])
    order = services.submit(submission(emergency_category, building, description="楼道里有燃气味"))
    assert order.urgent
    staff_mail = Notification.objects.filter(event="urgent").values_list("recipient", flat=True)
    assert set(staff_mail) == {"boss@example.com", steward.user.email}


def test_assign_refuses_inactive_steward(category, building):
    order = services.submit(submission(category, building), notify=False)
    retired = StewardFactory(active=False)
    with pytest.raises(services.WorkflowError):
        services.assign(order, retired)


def test_a_submission_from_form_data_takes_the_core_answers_only(category, building):
    """Fields an editor adds to a form can never set who entered a request, its channel or its time."""
    data = {
        "category": category,
        "name": "王大爷",
        "phone": "13900001111",
        "description": "楼道灯不亮",
        "building": building,
        "room": None,
        "entered_by": "someone",
        "channel": "hotline12345",
        "submitted_at": "2020-01-01",
    }
    submission = services.Submission.from_data(data, consent=True)
    assert (submission.name, submission.building, submission.room) == ("王大爷", building, "")
    assert (submission.entered_by, submission.channel, submission.submitted_at) == (None, "web", None)
    with pytest.raises(TypeError):
        services.submit(data)
