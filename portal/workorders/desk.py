"""The steward's request desk: which requests a staff member sees and works, the filters, and the
request made from a problem found on a household visit.

Scope (`portal.grids.scope.request_filter`, the same rule as the admin and the API):
- managers, branch secretaries (and superusers) see every request;
- a grid steward sees the requests of their own grid(s) and those assigned to them;
- a general steward sees what is assigned to them;
- everybody else sees none.
Full name and phone are shown only on the detail view, after an audited reveal, to the steward
handling the request (`portal.grids.worklist.can_handle`).

The pages are `desk_views` (at /steward/requests/, beside the steward's other tools); grids knows
no requests, so the visit form finds `visit_request_categories` and `request_from_visit` here by
name (`portal.grids.bridge`).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .models import Category, WorkOrder


class FilterError(ValueError):
    pass


def requests_for(user):
    return WorkOrder.objects.for_user(user).select_related(
        "category", "grid", "building__community", "assignee", "steward"
    )


def _date(value, field):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise FilterError(_("%(field)s must be a date like 2026-03-01.") % {"field": field}) from exc


def apply_filters(qs, params):
    """Filter by status, category, overdue, date range and a search by number or phone (digits)."""
    status = params.get("status", "")
    if status:
        if status not in WorkOrder.Status.values:
            raise FilterError(_("Unknown status."))
        qs = qs.filter(status=status)
    category = params.get("category", "")
    if category:
        if not category.isdigit() or not Category.objects.filter(pk=int(category)).exists():
            raise FilterError(_("Unknown category."))
        qs = qs.filter(category_id=int(category))
    if params.get("overdue"):
        qs = qs.overdue()
    tz = timezone.get_current_timezone()
    if params.get("from"):
        start = _date(params["from"], _("From"))
        qs = qs.filter(submitted_at__gte=timezone.make_aware(datetime.datetime.combine(start, datetime.time.min), tz))
    if params.get("to"):
        end = _date(params["to"], _("To"))
        qs = qs.filter(submitted_at__lte=timezone.make_aware(datetime.datetime.combine(end, datetime.time.max), tz))
    q = params.get("q", "").strip()[:30]
    if q:
        digits = "".join(ch for ch in q if ch.isdigit())
        condition = Q(number__iexact=q) | Q(number__icontains=q)
        if len(digits) >= 4 and digits == q:
            condition |= Q(phone=digits) | Q(phone__endswith=digits)
        qs = qs.filter(condition)
    return qs


def visit_request_categories():
    """The categories a steward may file a visit's problem under."""
    return Category.objects.filter(active=True).order_by("sort_order", "name")


def request_from_visit(user, visit, category):
    """Submit a request for the visited household's problem, entered by the steward; returns its number.

    Raises ValidationError with readable messages (for example when the household has no mobile number).
    """
    household = visit.household
    try:
        order = services.submit(
            services.Submission(
                category=category,
                name=household.head_name or _("Resident"),
                phone=household.phone,
                description=visit.problem,
                building=household.unit.building,
                unit=household.unit.number,
                room=household.room,
                channel=WorkOrder.Channel.VISIT,
                entered_by=user,
                consent=True,  # the household agreed during the visit; the steward records it for them
                extra={"visit": visit.pk},
            )
        )
    except ValidationError as exc:
        messages = []
        for field, errors in getattr(exc, "message_dict", {"": exc.messages}).items():
            label = _("household phone") if field == "phone" else field
            messages.extend(f"{label}: {e}" if label else e for e in errors)
        raise ValidationError(messages) from exc
    return order.number
