"""The steward's request desk: the scoped worklist for stewards and managers (filters, search, bulk
assignment, Excel export, masked personal data with an audited reveal, state changes through
portal.workorders.services). At /steward/requests/ (`desk_urls`), beside the steward's other tools,
in their layout."""

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST
from openpyxl import Workbook
from openpyxl.styles import Font

from portal.accounts import audit
from portal.accounts.models import AuditLog
from portal.common.masking import mask_name, mask_phone
from portal.grids import scope, worklist
from portal.grids.views import requests_required

from . import desk, permissions
from . import services as wo
from .models import Category, WorkOrder

STAFF_ACTIONS = ("accept", "start", "resolve", "close", "reopen", "reject")


def _render(request, template, context, status=200):
    # The branch secretary works requests only: the steward tools (households, visits, roster) are not shown.
    context["grid_tools"] = scope.is_staff_worker(request.user)
    return render(request, template, context, status=status)


def _filtered(request):
    return desk.apply_filters(desk.requests_for(request.user), request.GET)


def _bad_filter(request, exc):
    return _render(request, "grids/worklist.html", {"error": str(exc), **_choices()}, status=400)


def _choices():
    return {
        "statuses": WorkOrder.Status.choices,
        "categories": Category.objects.order_by("sort_order", "name"),
    }


@requests_required
def worklist_view(request):
    try:
        orders = _filtered(request)
    except desk.FilterError as exc:
        return _bad_filter(request, exc)
    page = Paginator(orders.order_by("-submitted_at", "-pk"), 50).get_page(request.GET.get("page"))
    now = timezone.now()
    rows = [(o, o.is_overdue(now)) for o in page]
    return _render(
        request,
        "grids/worklist.html",
        {
            "page_obj": page,
            "rows": rows,
            "query": request.GET.urlencode(),
            "can_assign": permissions.can(request.user, "assign"),
            "can_enter": permissions.can(request.user, "enter"),
            "hotline_channel": WorkOrder.Channel.HOTLINE,
            "stewards": permissions.assignable_stewards(request.user).order_by("kind", "name")
            if permissions.can(request.user, "assign")
            else [],
            **_choices(),
        },
    )


@requests_required
@require_POST
def bulk_assign(request):
    try:
        permissions.check(request.user, "assign")
    except permissions.ActionDenied as exc:
        return _render(request, "grids/worklist.html", {"error": exc.message, **_choices()}, status=403)
    numbers = [n for n in request.POST.getlist("orders") if n][:200]
    steward_id = request.POST.get("steward", "")
    stewards = permissions.assignable_stewards(request.user)
    steward = stewards.filter(pk=int(steward_id)).first() if steward_id.isdigit() else None
    orders = list(desk.requests_for(request.user).filter(number__in=numbers))
    error = None
    if steward is None:
        error = _("Choose an active steward.")
    elif not numbers or len(orders) != len(set(numbers)):
        error = _("Choose requests from your list.")
    if error is None:
        try:
            with transaction.atomic():
                for order in orders:
                    wo.assign(order, steward, actor=request.user)
        except wo.WorkflowError as exc:
            error = _("Nothing was assigned: %(reason)s") % {"reason": exc.message}
    if error:
        return _render(request, "grids/worklist.html", {"error": error, **_choices()}, status=400)
    messages.success(
        request,
        _("%(count)s requests assigned to %(name)s.") % {"count": len(orders), "name": steward.name},
    )
    return redirect("desk:worklist")


@requests_required
def export_xlsx(request):
    try:
        orders = _filtered(request).order_by("-submitted_at")[:10000]
    except desk.FilterError as exc:
        return _bad_filter(request, exc)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = pgettext("count of requests", "Requests")[:31]
    sheet.append(
        [
            _("Number"),
            _("Category"),
            _("Grid"),
            _("Building"),
            _("Status"),
            _("Submitted"),
            _("Overdue"),
            _("Name"),
            _("Phone"),
            _("Assigned to"),
        ]
    )
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    now = timezone.now()
    count = 0
    for order in orders:
        count += 1
        sheet.append(
            [
                order.number,
                order.category.name,
                order.grid.name if order.grid_id else "",
                str(order.building) if order.building_id else "",
                order.get_status_display(),
                timezone.localtime(order.submitted_at).strftime("%Y-%m-%d %H:%M"),
                _("Yes") if order.is_overdue(now) else "",
                mask_name(order.name),
                mask_phone(order.phone),
                order.assignee.name if order.assignee_id else "",
            ]
        )
    audit.record(request.user, AuditLog.Action.EXPORT, None, f"worklist {count} rows")
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="requests-{timezone.localdate():%Y%m%d}.xlsx"'
    return response


def _order_in_scope(request, number):
    return get_object_or_404(desk.requests_for(request.user), number=number)


def _detail(request, order, revealed=False, error=None, status=200):
    return _render(
        request,
        "grids/worklist_detail.html",
        {
            "order": order,
            "revealed": revealed,
            "can_reveal": worklist.can_handle(request.user, order),
            "transitions": order.transitions.all(),
            "actions": [
                (a, wo.ACTION_LABELS[a]) for a in wo.allowed_actions(order, request.user) if a in STAFF_ACTIONS
            ],
            "overdue": order.is_overdue(),
            "error": error,
        },
        status=status,
    )


@requests_required
def request_detail(request, number):
    return _detail(request, _order_in_scope(request, number))


@requests_required
@require_POST
def request_reveal(request, number):
    order = _order_in_scope(request, number)
    if not worklist.can_handle(request.user, order):
        return _detail(
            request, order, error=_("Only the steward handling this request may see full details."), status=403
        )
    audit.record(request.user, AuditLog.Action.REVEAL, order, "request contact")
    return _detail(request, order, revealed=True)


@requests_required
@require_POST
def request_act(request, number):
    order = _order_in_scope(request, number)
    action = request.POST.get("action", "")
    if action not in wo.TRANSITIONS:
        raise Http404
    post = request.POST
    try:
        wo.perform(
            order, action, actor=request.user, note=post.get("note", ""), steward=post.get("steward"),
            original=post.get("original"),
        )  # fmt: skip
    except wo.ActionDenied as exc:
        return _detail(request, order, error=exc.message, status=403)
    except wo.WorkflowError as exc:
        return _detail(request, order, error=exc.message, status=409)
    except ValidationError as exc:
        return _detail(request, order, error=" ".join(exc.messages), status=400)
    messages.success(request, _("Done: %(action)s.") % {"action": wo.ACTION_LABELS[action]})
    return redirect("desk:request_detail", number=order.number)
