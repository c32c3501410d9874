"""Visit plans, visit logging within scope, coverage and overdue care visits."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from portal.accounts.models import AuditLog
from portal.grids import scope, services
from portal.grids.models import CareRecipient, Visit, current_quarter, quarter_bounds
from tests.factories import HouseholdFactory, VisitFactory


def test_quarter_bounds():
    assert quarter_bounds(2026, 1) == (datetime.date(2026, 1, 1), datetime.date(2026, 3, 31))
    assert quarter_bounds(2026, 4) == (datetime.date(2026, 10, 1), datetime.date(2026, 12, 31))
    assert current_quarter(datetime.date(2026, 11, 25)) == (2026, 4)


def test_plan_holds_the_occupied_households_of_the_stewards_grids(world):
    empty = HouseholdFactory(unit=world.unit_a, room="999", active=False)
    plan = services.plan_quarter(world.steward_a, 2026, 4)
    assert set(plan.households.all()) == {world.household_a}
    assert empty not in plan.households.all()
    assert services.plan_quarter(world.steward_a, 2026, 4).pk == plan.pk  # idempotent


def test_steward_logs_a_visit_in_own_grid_only(world):
    user = world.users["steward_a"]
    visit = services.log_visit(user, world.household_a, note=" 一切正常 ", method=Visit.Method.QR)
    assert visit.steward == world.steward_a and visit.note == "一切正常" and visit.method == "qr"
    with pytest.raises(PermissionDenied):
        services.log_visit(user, world.household_b)
    with pytest.raises(PermissionDenied):
        services.log_visit(world.users["official"], world.household_a)
    with pytest.raises(ValidationError):
        services.log_visit(user, world.household_a, visited_on=timezone.localdate() + datetime.timedelta(days=1))
    assert Visit.objects.count() == 1


def test_coverage_counts_occupied_households_visited_this_quarter(world):
    HouseholdFactory(unit=world.unit_a, room="302")
    HouseholdFactory(unit=world.unit_a, room="303", active=False)
    VisitFactory(household=world.household_a)
    VisitFactory(household=world.household_a)  # twice counts once
    year, quarter = current_quarter()
    start, _end = quarter_bounds(year, quarter)
    VisitFactory(household=world.household_b, visited_on=start - datetime.timedelta(days=1))  # last quarter
    rows = {r["grid"].number: r for r in services.coverage()}
    assert (rows[1]["households"], rows[1]["visited"], rows[1]["rate"]) == (2, 1, 0.5)
    assert (rows[2]["households"], rows[2]["visited"], rows[2]["rate"]) == (1, 0, 0.0)
    missing = services.households_not_visited(scope.households_for(world.users["manager"]))
    assert {h.room for h in missing} == {"302", "502"}


def test_care_visit_overdue_after_its_interval(world):
    recipient = world.care_a
    today = timezone.localdate()
    VisitFactory(household=recipient.household, visited_on=today - datetime.timedelta(days=8))
    assert services.is_overdue(recipient) is True
    assert [r.pk for r in services.overdue_care(CareRecipient.objects.all())] == [recipient.pk]
    VisitFactory(household=recipient.household, visited_on=today - datetime.timedelta(days=2))
    assert services.overdue_care(CareRecipient.objects.all()) == []


def test_care_roster_needs_separate_consent_and_the_grids_own_steward(world):
    household = world.household_a
    with pytest.raises(ValidationError):
        services.enrol_care_recipient(
            world.users["steward_a"], household, name="王大爷", consent=False, consent_by="本人"
        )
    with pytest.raises(PermissionDenied):
        services.enrol_care_recipient(
            world.users["steward_b"], household, name="王大爷", consent=True, consent_by="本人"
        )
    with pytest.raises(PermissionDenied):
        services.enrol_care_recipient(world.users["general"], household, name="王大爷", consent=True, consent_by="本人")
    recipient = services.enrol_care_recipient(
        world.users["steward_a"], household, name="王大爷", consent=True, consent_by="女儿 王芳"
    )
    assert recipient.consent_by == "女儿 王芳" and recipient.consent_given_at is not None
    assert AuditLog.objects.filter(action=AuditLog.Action.ROSTER_CHANGE, object_id=str(recipient.pk)).exists()


def test_scope_per_role(world):
    users = world.users
    assert set(scope.grids_for(users["steward_a"])) == {world.grid_a}
    assert set(scope.grids_for(users["manager"])) == {world.grid_a, world.grid_b}
    assert set(scope.grids_for(users["general"])) == set()
    for name in ("resident", "partner", "official", "editor"):
        assert not scope.grids_for(users[name]).exists(), name
    assert set(scope.care_recipients_for(users["steward_a"])) == {world.care_a}
    assert not scope.care_recipients_for(users["steward_b"]).exists()
    assert not scope.care_recipients_for(users["official"]).exists()


def test_care_visit_alert_mail_has_count_and_link_but_no_names(world, mailoutbox):
    from django.core.management import call_command

    world.users["steward_a"].email = "a@example.com"
    world.users["steward_a"].save()
    world.users["steward_b"].email = "b@example.com"
    world.users["steward_b"].save()
    world.care_a.consent_given_at = timezone.now() - datetime.timedelta(days=30)
    world.care_a.save()
    call_command("care_visit_alerts")
    assert [m.to for m in mailoutbox] == [["a@example.com"]]
    assert "1" in mailoutbox[0].subject and "/steward/care/" in mailoutbox[0].body
    assert "李奶奶" not in mailoutbox[0].body
