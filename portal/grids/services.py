"""Business actions on households, visits and the care roster. Views, admin, API and commands call these."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.accounts import audit
from portal.accounts.models import AuditLog

from . import scope
from .models import CareRecipient, Grid, Household, Steward, Visit, VisitPlan, current_quarter, quarter_bounds


@transaction.atomic
def plan_quarter(steward, year=None, quarter=None):
    """Create (or refresh) a steward's visit plan: every occupied household of their grids."""
    if year is None or quarter is None:
        year, quarter = current_quarter()
    plan, _created = VisitPlan.objects.get_or_create(steward=steward, year=year, quarter=quarter)
    plan.households.add(*Household.objects.active().in_grids(steward.grids.all()))
    return plan


@transaction.atomic
def log_visit(user, household, *, note="", problem="", method=Visit.Method.PICK, visited_on=None):
    """Log a visit by the user's steward record; refused outside the user's grids."""
    if not scope.households_for(user).filter(pk=household.pk).exists():
        raise PermissionDenied(_("This household is not in your grids."))
    visited_on = visited_on or timezone.localdate()
    if visited_on > timezone.localdate():
        raise ValidationError(_("A visit cannot be in the future."))
    return Visit.objects.create(
        household=household,
        steward=scope.steward_of(user),
        visited_on=visited_on,
        method=method,
        note=note.strip(),
        problem=problem.strip(),
    )


def coverage(grids=None, year=None, quarter=None):
    """Per grid: occupied households, households visited in the quarter and the ratio (走访覆盖率)."""
    if year is None or quarter is None:
        year, quarter = current_quarter()
    start, end = quarter_bounds(year, quarter)
    grids = Grid.objects.all() if grids is None else grids
    rows = []
    for grid in grids.select_related("community").annotate(
        total=Count("buildings__unit_set__households", filter=Q(buildings__unit_set__households__active=True))
    ):
        visited = Household.objects.active().filter(unit__building__grid=grid).visited_between(start, end).count()
        rows.append(
            {
                "grid": grid,
                "households": grid.total,
                "visited": visited,
                "rate": round(visited / grid.total, 4) if grid.total else None,
            }
        )
    return rows


def households_not_visited(households, year=None, quarter=None):
    if year is None or quarter is None:
        year, quarter = current_quarter()
    start, end = quarter_bounds(year, quarter)
    return households.active().not_visited_between(start, end)


def care_with_last_visit(queryset):
    return queryset.annotate(last_visit=Max("household__visits__visited_on"))


def is_overdue(recipient, today=None):
    """Overdue when the household has not been visited within the recipient's visit interval."""
    today = today or timezone.localdate()
    last = getattr(recipient, "last_visit", None)
    if last is None:
        last = recipient.household.visits.aggregate(m=Max("visited_on"))["m"]
    reference = last or timezone.localtime(recipient.consent_given_at).date()
    return today - reference > datetime.timedelta(days=recipient.visit_every_days)


def overdue_care(queryset, today=None):
    return [r for r in care_with_last_visit(queryset.filter(active=True)) if is_overdue(r, today)]


@transaction.atomic
def enrol_care_recipient(
    user, household, *, name, consent, consent_by, birth_year=None, needs="", emergency_contact="", visit_every_days=7
):
    """Put a person on the care roster; refused without separate consent or outside the user's roster."""
    if not consent:
        raise ValidationError(_("Separate consent is required before recording a care-roster entry."))
    if not consent_by.strip():
        raise ValidationError(_("Say who gave consent."))
    if not scope.roster_grids_for(user).filter(pk=getattr(household.grid, "pk", None)).exists():
        raise PermissionDenied(_("You may not keep the care roster of this household's grid."))
    recipient = CareRecipient.objects.create(
        household=household,
        name=name.strip(),
        birth_year=birth_year,
        needs=needs.strip(),
        emergency_contact=emergency_contact.strip(),
        visit_every_days=visit_every_days,
        consent_given_at=timezone.now(),
        consent_by=consent_by.strip(),
    )
    audit.record(user, AuditLog.Action.ROSTER_CHANGE, recipient, "enrol")
    return recipient


def stewards_for_grid(grid):
    return Steward.objects.filter(grids=grid, active=True)
