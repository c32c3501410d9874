import datetime
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.accounts import audit
from portal.accounts.models import AuditLog
from portal.grids.models import Grid
from portal.workorders.models import WorkOrder

from . import access, charts, export, figures, hotline


def dashboard_required(check):
    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not check(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def period_from(request):
    """(start, end, grids) from ?from=YYYY-MM&to=YYYY-MM&grid=<id>, or ?month=YYYY-MM for one month;
    ValueError on bad input."""
    today = timezone.localdate()
    if request.GET.get("month"):
        if request.GET.get("from") or request.GET.get("to"):
            raise ValueError("month with from/to")
        first = last = figures.parse_month(request.GET["month"])
    else:
        first = figures.parse_month(request.GET.get("from"), default=(today.year, 1))
        last = figures.parse_month(request.GET.get("to"), default=(today.year, today.month))
    start = figures.month_bounds(*first)[0]
    end = figures.month_bounds(*last)[1]
    if start > end:
        raise ValueError("from after to")
    grids = Grid.objects.select_related("community").order_by("number")
    raw = request.GET.get("grid", "")
    if raw:
        if not raw.isdigit() or not grids.filter(pk=int(raw)).exists():
            raise ValueError("grid")
        grids = grids.filter(pk=int(raw))
    return start, end, grids


def _bad_period(request):
    return render(
        request,
        "stats/dashboard.html",
        {"error": _("Choose months like 2026-03, the first not after the last, and a grid from the list.")},
        status=400,
    )


@dashboard_required(access.can_view)
def dashboard(request):
    try:
        start, end, grids = period_from(request)
    except ValueError:
        return _bad_period(request)
    data = figures.summary(start, end, grids)
    visits = data["visits"]
    chart_list = [
        charts.bar_chart(
            _("Visit coverage per grid (%)"),
            [(g["grid"], round((g["coverage"] or 0) * 100)) for g in visits["per_grid"]],
            "{}%",
            max_value=100,
        )
    ]
    if data["requests"]:
        req = data["requests"]
        chart_list = [
            charts.bar_chart(_("Requests per month"), [(r["label"], r["count"]) for r in req["per_month"]]),
            charts.bar_chart(_("Requests per category"), [(r["label"], r["count"]) for r in req["per_category"]]),
            charts.bar_chart(_("Requests per grid"), [(r["label"], r["count"]) for r in req["per_grid"]]),
            *chart_list,
        ]
    return render(
        request,
        "stats/dashboard.html",
        {
            "data": data,
            "charts": [chart for chart in chart_list if chart],
            "grids": Grid.objects.order_by("number"),
            "query": request.GET.urlencode(),
            "can_export": access.can_export(request.user),
        },
    )


@dashboard_required(access.can_export)
def export_xlsx(request):
    try:
        start, end, grids = period_from(request)
    except ValueError:
        return _bad_period(request)
    content = export.workbook_bytes(figures.summary(start, end, grids))
    audit.record(request.user, AuditLog.Action.EXPORT, None, f"statistics {start}..{end}")
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="statistics-{start:%Y%m}-{end:%Y%m}.xlsx"'
    return response


@dashboard_required(access.can_view)
def cases(request):
    """Drill-down from a figure to the requests behind it, anonymised: no name, phone, room or text."""
    from .requests import anonymised_cases

    try:
        start, end, grids = period_from(request)
        category = _optional_int(request.GET.get("category"))
        status = request.GET.get("status", "")
        if status and status not in WorkOrder.Status.values:
            raise ValueError("status")
    except ValueError:
        return _bad_period(request)
    rows = anonymised_cases(
        start, end, grids, category=category, status=status, overdue=bool(request.GET.get("overdue"))
    )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "stats/cases.html", {"page_obj": page, "start": start, "end": end})


def _optional_int(value):
    if not value:
        return None
    if not value.isdigit():
        raise ValueError(value)
    return int(value)


def _one_month(request):
    """(start, end) of ?month=YYYY-MM; without it the last whole month, the one an office reports on.
    ValueError on bad input."""
    first_of_this_month = timezone.localdate().replace(day=1)
    last_month = first_of_this_month - datetime.timedelta(days=1)
    year, month = figures.parse_month(request.GET.get("month") or None, default=(last_month.year, last_month.month))
    return figures.month_bounds(year, month)


def _bad_month(request):
    context = {"error": _("Choose a month like 2026-03."), "month": request.GET.get("month", "")[:7]}
    return render(request, "stats/hotline.html", context, status=400)


@dashboard_required(access.can_view)
def hotline_report(request):
    """The month's 12345 hotline orders: handled by the deadline? answered back in time?"""
    try:
        start, end = _one_month(request)
    except ValueError:
        return render(request, "stats/hotline.html", {"error": _("Choose a month like 2026-03.")}, status=400)
    data = hotline.report(start, end)
    totals = data["totals"]
    chart = charts.bar_chart(
        _("12345 orders this month"),
        [(label, totals[key]) for key, label in hotline.chart_labels()],
    )
    return render(
        request,
        "stats/hotline.html",
        {
            "data": data,
            "figures": [
                (label, "—" if totals[key] is None else f"{totals[key]:.0%}" if key == "reply_rate" else totals[key])
                for key, label in hotline.total_labels()
            ],
            "chart": chart,
            "month": f"{start:%Y-%m}",
            "can_export": access.can_export(request.user),
        },
    )


@dashboard_required(access.can_export)
def hotline_export(request):
    try:
        start, end = _one_month(request)
    except ValueError:
        return render(request, "stats/hotline.html", {"error": _("Choose a month like 2026-03.")}, status=400)
    content = hotline.workbook_bytes(hotline.report(start, end))
    audit.record(request.user, AuditLog.Action.EXPORT, None, f"12345 orders {start:%Y-%m}")
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="12345-orders-{start:%Y%m}.xlsx"'
    return response
