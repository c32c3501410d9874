"""Staff endpoints (`Authorization: Bearer <API key>`): the scoped list with filters, and transitions
through `services.perform`, the dispatcher the admin and the worklist use too."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import services
from ..models import WorkOrder
from .base import ApiKeyAuth, denied, error, router, validation
from .schemas import ErrorOut, StaffPageOut, StaffWorkOrderOut, TransitionIn

# --- staff ------------------------------------------------------------------------------------

STAFF_FILTERS = {"status", "category", "grid", "channel", "overdue", "urgent", "page", "q"}


def _staff_row(order, now):
    return {
        "number": order.number,
        "status": order.status,
        "category": order.category.code,
        "urgent": order.urgent,
        "overdue": order.is_overdue(now),
        "channel": order.channel,
        "grid": order.grid.name if order.grid_id else None,
        "assignee": order.assignee.name if order.assignee_id else None,
        "phone": order.masked_phone,
        "address": order.address_display,
        "submitted_at": order.submitted_at,
        "response_due": order.response_due,
        "resolution_due": order.resolution_due,
    }


def _bool(value, field):
    if value in ("true", "1"):
        return True
    if value in ("false", "0"):
        return False
    raise ValidationError({field: [_("Use true or false.")]})


@router.get(
    "/staff/requests",
    auth=ApiKeyAuth(),
    response={200: StaffPageOut, 400: ErrorOut},
    summary="Staff: list requests (filters: status, category, grid, channel, overdue, urgent, q, page)",
)
def staff_list(request):
    unknown = sorted(set(request.GET) - STAFF_FILTERS)
    if unknown:
        return error(
            400,
            _("Unknown filters: %(names)s") % {"names": ", ".join(unknown)},
            "unknown_filter",
            {k: [_("Unknown filter.")] for k in unknown},
        )
    params = request.GET
    qs = WorkOrder.objects.for_user(request.user).select_related("category", "grid", "assignee", "building__community")
    now = timezone.now()
    try:
        if "status" in params:
            statuses = params.getlist("status")
            bad = [s for s in statuses if s not in WorkOrder.Status.values]
            if bad:
                raise ValidationError({"status": [_("Unknown status: %(names)s") % {"names": ", ".join(bad)}]})
            qs = qs.filter(status__in=statuses)
        if "category" in params:
            qs = qs.filter(category__code__in=params.getlist("category"))
        if "channel" in params:
            qs = qs.filter(channel__in=params.getlist("channel"))
        if "grid" in params:
            if not params["grid"].isdigit():
                raise ValidationError({"grid": [_("Use the grid id (a number).")]})
            qs = qs.filter(grid_id=int(params["grid"]))
        if "overdue" in params:
            overdue = WorkOrder.objects.overdue_condition(now)
            qs = qs.filter(overdue) if _bool(params["overdue"], "overdue") else qs.exclude(overdue)
        if "urgent" in params:
            qs = qs.filter(urgent=_bool(params["urgent"], "urgent"))
        if params.get("q"):
            qs = qs.filter(number__icontains=params["q"][:20])
        page_number = params.get("page", "1")
        if not page_number.isdigit() or int(page_number) < 1:
            raise ValidationError({"page": [_("The page must be a positive whole number.")]})
    except ValidationError as exc:
        return validation(exc)
    paginator = Paginator(qs.order_by("-submitted_at", "-pk"), 50)
    page = paginator.get_page(int(page_number))
    return {
        "count": paginator.count,
        "page": page.number,
        "pages": paginator.num_pages,
        "results": [_staff_row(o, now) for o in page],
    }


@router.post(
    "/staff/requests/{number}/transition",
    auth=ApiKeyAuth(),
    response={200: StaffWorkOrderOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Staff: accept, assign, start, resolve, close, reopen, reject or merge a request",
)
def staff_transition(request, number: str, payload: TransitionIn):
    order = WorkOrder.objects.for_user(request.user).filter(number=number.upper()[:20]).first()
    if order is None:
        raise Http404
    action = payload.action
    if action not in services.TRANSITIONS:
        return error(
            400,
            _("Unknown action: %(action)s") % {"action": action[:30]},
            "unknown_action",
            {"action": list(services.TRANSITIONS)},
        )
    try:
        services.perform(
            order, action, actor=request.user, note=payload.note, steward=payload.steward, original=payload.original
        )
    except services.ActionDenied as exc:
        return denied(exc)
    except ValidationError as exc:
        return validation(exc)
    except services.WorkflowError as exc:
        return error(409, exc.message, exc.code)
    order = WorkOrder.objects.select_related("category", "grid", "assignee", "building__community").get(pk=order.pk)
    return _staff_row(order, timezone.now())
