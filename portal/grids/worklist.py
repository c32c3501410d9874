"""The steward's request worklist: which requests a staff member sees and works, and the filters.

Scope (`scope.request_filter`, the same rule as the admin and the API):
- managers, branch secretaries (and superusers) see every request;
- a grid steward sees the requests of their own grid(s) and those assigned to them;
- a general steward sees what is assigned to them;
- everybody else sees none.
Full name and phone are shown only on the detail view, after an audited reveal, to the steward
handling the request (routed grid steward or assignee), managers and branch secretaries.
"""

import datetime

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.workorders.models import Category, WorkOrder

from . import scope


class FilterError(ValueError):
    pass


def requests_for(user):
    return WorkOrder.objects.for_user(user).select_related(
        "category", "grid", "building__community", "assignee", "steward"
    )


def can_handle(user, order):
    """May see the full name and phone: the routed steward, the assignee, a manager or a secretary."""
    if scope.sees_all_requests(user):
        return True
    steward = scope.steward_of(user)
    return steward is not None and steward.pk in {order.steward_id, order.assignee_id}


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
