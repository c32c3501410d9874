"""Request figures from portal.workorders, for the data centre. Aggregates only, no personal data.

Definitions (as the street office reads them), over requests submitted in the period, leaving out
those marked duplicate of another:
- 响应率 response rate: accepted within the category's response target / all;
- 解决率 resolution rate: resolved (resolved or closed) / all except rejected;
- 满意率 satisfaction rate: ratings whose average is 4 or more / all ratings of these requests;
- median response / resolution time: hours from submission to acceptance / resolution;
- overdue: still open and past the response or resolution target now.
"""

import statistics
from datetime import datetime, time

from django.db.models import Count, F
from django.db.models.functions import TruncMonth
from django.utils import timezone

from portal.workorders.models import Rating, WorkOrder, satisfaction_rate

S = WorkOrder.Status


def period_queryset(start, end, grids=None):
    tz = timezone.get_current_timezone()
    since = timezone.make_aware(datetime.combine(start, time.min), tz)
    until = timezone.make_aware(datetime.combine(end, time.max), tz)
    qs = WorkOrder.objects.filter(submitted_at__range=(since, until)).exclude(status=S.DUPLICATE)
    if grids is not None:
        qs = qs.filter(grid__in=grids)
    return qs


def _hours(pairs):
    values = [(later - earlier).total_seconds() / 3600 for earlier, later in pairs if earlier and later]
    return round(statistics.median(values), 1) if values else None


def _rate(part, whole):
    return round(part / whole, 4) if whole else None


def figures(start, end, grids=None):
    qs = period_queryset(start, end, grids)
    total = qs.count()
    responded = qs.filter(accepted_at__isnull=False, accepted_at__lte=F("response_due")).count()
    decidable = qs.exclude(status=S.REJECTED)
    resolved = decidable.filter(resolved_at__isnull=False, status__in=[S.RESOLVED, S.CLOSED]).count()
    satisfaction = satisfaction_rate(Rating.objects.filter(work_order__in=qs))
    if satisfaction is not None:
        satisfaction = round(satisfaction, 4)
    per_month = (
        qs.annotate(month=TruncMonth("submitted_at")).values("month").annotate(count=Count("pk")).order_by("month")
    )
    per_category = (
        qs.values("category_id", "category__name").annotate(count=Count("pk")).order_by("-count", "category__name")
    )
    per_grid = qs.values("grid_id", "grid__number", "grid__name").annotate(count=Count("pk")).order_by("grid__number")
    per_status = qs.values("status").annotate(count=Count("pk")).order_by("status")
    status_labels = dict(S.choices)
    return {
        "totals": {
            "total": total,
            "response_rate": _rate(responded, total),
            "resolution_rate": _rate(resolved, decidable.count()),
            "satisfaction_rate": satisfaction,
            "median_response_hours": _hours(qs.values_list("submitted_at", "accepted_at")),
            "median_resolution_hours": _hours(qs.values_list("submitted_at", "resolved_at")),
            "overdue": qs.overdue().count(),
            "open": qs.open().count(),
        },
        "per_month": [
            {
                "label": timezone.localtime(r["month"]).strftime("%Y-%m")
                if timezone.is_aware(r["month"])
                else r["month"].strftime("%Y-%m"),
                "count": r["count"],
            }
            for r in per_month
            if r["month"]
        ],
        "per_category": [
            {"label": r["category__name"], "id": r["category_id"], "count": r["count"]} for r in per_category
        ],
        "per_grid": [{"label": r["grid__name"] or "—", "id": r["grid_id"], "count": r["count"]} for r in per_grid],
        "per_status": [
            {"label": str(status_labels.get(r["status"], r["status"])), "id": r["status"], "count": r["count"]}
            for r in per_status
        ],
    }


def anonymised_cases(start, end, grids=None, *, category=None, grid=None, status=None, overdue=False):
    """The drill-down: requests behind a figure, without name, phone, unit, room or free text."""
    qs = period_queryset(start, end, grids).select_related("category", "grid", "building__community")
    if category:
        qs = qs.filter(category_id=category)
    if grid:
        qs = qs.filter(grid_id=grid)
    if status:
        qs = qs.filter(status=status)
    if overdue:
        qs = qs.overdue()
    return qs.order_by("-submitted_at")
