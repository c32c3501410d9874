"""The request API for the company's app (django-ninja, in the portal's one OpenAPI document).

Residents (no login): categories, submit with photos and an idempotency key, look up by number +
lookup code, rate, reopen ("not fixed"), me too. Staff: `Authorization: Bearer <API key>` (keys
from `manage.py workorder_token <username> <purpose>`), list with filters and transitions.
Every action calls `portal.workorders.services`.
"""

import secrets
from datetime import datetime
from typing import Annotated

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from ninja.security import HttpBearer
from pydantic import BeforeValidator, Field

from portal.api.errors import StrictSchema, unknown_fields_error, unknown_form_fields
from portal.grids import scope

from . import limits, services
from .booking import bookable_page
from .models import ApiToken, Category, WorkOrder
from .photos import PhotoStorageError

PREFIX = "/workorders/"
router = Router(tags=["requests"])


class ErrorOut(Schema):
    detail: str
    code: str = "invalid"
    errors: dict[str, list[str]] = {}


class CategoryOut(Schema):
    code: str
    name: str
    kind: str
    kind_label: str
    description: str
    is_emergency: bool
    response_hours: int
    resolution_hours: int


def _blank_to_none(value):
    """A form cannot carry JSON null: an empty field or the text "null" means "not given"."""
    if isinstance(value, str) and value.strip().lower() in ("", "null"):
        return None
    return value


# An optional id or number in a form body (an empty form field arrives as "", which means "not given").
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]
OptionalFormId = Annotated[Id | None, BeforeValidator(_blank_to_none)]
Required = Annotated[str, Field(min_length=1)]


class SubmitIn(StrictSchema):
    category: Required
    name: Required
    phone: Required
    description: Required
    building: OptionalFormId = None
    unit: Annotated[Annotated[int, Field(ge=1, le=20)] | None, BeforeValidator(_blank_to_none)] = None
    room: str = ""
    location: str = ""
    consent: bool = False
    idempotency_key: str = ""
    service_page: OptionalFormId = None


SUBMIT_FIELDS = {*SubmitIn.model_fields, "photos"}


class ReceiptOut(Schema):
    number: str
    lookup_code: str
    status: str
    urgent: bool
    lookup_url: str
    replayed: bool


class TransitionOut(Schema):
    action: str
    from_status: str
    to_status: str
    note: str
    created_at: datetime


class WorkOrderOut(Schema):
    number: str
    status: str
    status_label: str
    category: str
    urgent: bool
    address: str
    submitted_at: datetime
    resolved_at: datetime | None
    steward: str | None
    duplicate_of: str | None
    me_too: int
    can_rate: bool
    trail: list[TransitionOut]


class RateIn(StrictSchema):
    lookup_code: str
    speed: int
    quality: int
    attitude: int
    comment: str = ""


class ReopenIn(StrictSchema):
    lookup_code: str
    note: str


class MeTooIn(StrictSchema):
    phone: str


class MeTooOut(Schema):
    number: str
    me_too: int
    added: bool


class StaffWorkOrderOut(Schema):
    number: str
    status: str
    category: str
    urgent: bool
    overdue: bool
    channel: str
    grid: str | None
    assignee: str | None
    phone: str
    address: str
    submitted_at: datetime
    response_due: datetime | None
    resolution_due: datetime | None


class StaffPageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[StaffWorkOrderOut]


class TransitionIn(StrictSchema):
    action: str
    note: str = ""
    steward: Id | None = None
    original: str | None = None


class ApiKeyAuth(HttpBearer):
    def authenticate(self, request, token):
        user = ApiToken.authenticate(token)
        if user is not None:
            request.user = user
        return user


def _error(status, detail, code="invalid", errors=None):
    return Status(status, {"detail": str(detail), "code": code, "errors": errors or {}})


def _validation(exc):
    errors = {k: [str(m) for m in v] for k, v in exc.message_dict.items()} if hasattr(exc, "error_dict") else {}
    return _error(400, " ".join(exc.messages), "invalid", errors)


def _find(number, code):
    order = (
        WorkOrder.objects.select_related("category", "building__community", "assignee", "duplicate_of")
        .filter(number=number.upper()[:20])
        .first()
    )
    if order is None or not secrets.compare_digest(order.lookup_token, (code or "").upper()[:16]):
        raise Http404
    return order


def _public(order):
    return {
        "number": order.number,
        "status": order.status,
        "status_label": order.get_status_display(),
        "category": order.category.name,
        "urgent": order.urgent,
        "address": order.address_display,
        "submitted_at": order.submitted_at,
        "resolved_at": order.resolved_at,
        "steward": order.assignee.name if order.assignee_id else None,
        "duplicate_of": order.duplicate_of.number if order.duplicate_of_id else None,
        "me_too": order.me_toos.count(),
        "can_rate": order.status in (WorkOrder.Status.RESOLVED, WorkOrder.Status.CLOSED)
        and order.resolved_at is not None
        and not order.ratings.filter(created_at__gte=order.resolved_at).exists(),
        "trail": list(order.transitions.values("action", "from_status", "to_status", "note", "created_at")),
    }


@router.get("/categories", response=list[CategoryOut], summary="Request categories", auth=None)
def categories(request):
    return [
        {
            "code": c.code,
            "name": c.name,
            "kind": c.kind,
            "kind_label": c.get_kind_display(),
            "description": c.description,
            "is_emergency": c.is_emergency,
            "response_hours": c.response_hours,
            "resolution_hours": c.resolution_hours,
        }
        for c in Category.objects.filter(active=True)
    ]


@router.post(
    "/requests",
    response={201: ReceiptOut, 200: ReceiptOut, 400: ErrorOut, 422: ErrorOut, 429: ErrorOut, 503: ErrorOut},
    summary="Submit a request (multipart, up to 4 photos)",
    description="Send `Idempotency-Key` as a header or the `idempotency_key` field: a retry returns the same "
    "request with status 200 and `replayed: true`. Optional numbers may be left empty; a field the "
    "operation does not know is refused (422, code `unknown_field`).",
)
def submit(request, payload: Form[SubmitIn], photos: File[list[UploadedFile]] = None):
    unknown = unknown_form_fields(request, SUBMIT_FIELDS)
    if unknown:
        return Status(422, unknown_fields_error(unknown))
    key = (request.headers.get("Idempotency-Key") or payload.idempotency_key or "").strip()[:64] or None
    category = services.category_for_code(payload.category)
    building = services.building_with_grid(payload.building) if payload.building else None
    if payload.building and building is None:
        msg = _("Please choose a building from the list.")
        return _error(400, msg, "invalid", {"building": [msg]})
    service_page = None
    if payload.service_page:
        service_page = bookable_page(payload.service_page)
        if service_page is None:
            msg = _("This service cannot be booked.")
            return _error(400, msg, "invalid", {"service_page": [msg]})
    from cms.core.phone import validate_mobile

    try:
        phone = validate_mobile(payload.phone)
    except ValidationError:
        phone = None
    try:
        order = services.submit(
            category=category,
            name=payload.name,
            phone=payload.phone,
            description=payload.description,
            building=building,
            unit=payload.unit,
            room=payload.room,
            location=payload.location,
            channel=WorkOrder.Channel.APP,
            photos=photos or [],
            idempotency_key=key,
            resident=request.user if request.user.is_authenticated else None,
            service_page=service_page,
            consent=payload.consent,
            rate_limit=lambda: limits.check_submission_rate(request, phone),
        )
    except limits.RateLimited as exc:
        return _error(429, exc.messages[0], "rate_limited")
    except ValidationError as exc:
        return _validation(exc)
    except PhotoStorageError:
        return _error(
            503, _("We could not save your photos just now. Nothing was sent; please try again."), "storage_unavailable"
        )
    receipt = {
        "number": order.number,
        "lookup_code": order.lookup_token,
        "status": order.status,
        "urgent": order.urgent,
        "lookup_url": request.build_absolute_uri(reverse("workorders:detail", args=[order.number, order.lookup_token])),
        "replayed": order.replayed,
    }
    return Status(200 if order.replayed else 201, receipt)


@router.get(
    "/requests/{number}",
    response={200: WorkOrderOut, 404: ErrorOut},
    summary="Look up a request by number and lookup code",
)
def lookup(request, number: str, code: str):
    return _public(_find(number, code))


@router.post("/requests/{number}/rate", response={200: WorkOrderOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut})
def rate(request, number: str, payload: RateIn):
    order = _find(number, payload.lookup_code)
    try:
        services.rate(
            order, speed=payload.speed, quality=payload.quality, attitude=payload.attitude, comment=payload.comment
        )
    except ValidationError as exc:
        return _validation(exc)
    except services.WorkflowError as exc:
        return _error(409, exc.message, exc.code)
    return _public(_find(number, payload.lookup_code))


@router.post(
    "/requests/{number}/reopen",
    response={200: WorkOrderOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Not fixed: reopen a resolved request",
)
def reopen(request, number: str, payload: ReopenIn):
    order = _find(number, payload.lookup_code)
    try:
        services.reopen(order, resident=True, note=payload.note)
    except ValidationError as exc:
        return _validation(exc)
    except services.WorkflowError as exc:
        return _error(409, exc.message, exc.code)
    return _public(_find(number, payload.lookup_code))


@router.post(
    "/requests/{number}/me-too",
    response={200: MeTooOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="A neighbour has the same problem (open public-area requests)",
)
def me_too(request, number: str, payload: MeTooIn):
    order = WorkOrder.objects.filter(number=number.upper()[:20]).first()
    if order is None:
        raise Http404
    try:
        count, created = services.me_too(order, phone=payload.phone, user=request.user)
    except ValidationError as exc:
        return _error(400, " ".join(exc.messages), "invalid_phone", {"phone": exc.messages})
    except services.WorkflowError as exc:
        return _error(409, exc.message, exc.code)
    return {"number": order.number, "me_too": count, "added": created}


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
    from django.utils import timezone

    unknown = sorted(set(request.GET) - STAFF_FILTERS)
    if unknown:
        return _error(
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
        return _validation(exc)
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
    response={200: StaffWorkOrderOut, 400: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Staff: accept, assign, start, resolve, close, reopen, reject or merge a request",
)
def staff_transition(request, number: str, payload: TransitionIn):
    from django.utils import timezone

    order = WorkOrder.objects.for_user(request.user).filter(number=number.upper()[:20]).first()
    if order is None:
        raise Http404
    action = payload.action
    if action not in services.TRANSITIONS:
        return _error(
            400,
            _("Unknown action: %(action)s") % {"action": action[:30]},
            "unknown_action",
            {"action": list(services.TRANSITIONS)},
        )
    try:
        if action == "assign":
            stewards = scope.stewards_for(request.user)
            steward = stewards.filter(pk=payload.steward).first() if payload.steward else None
            services.assign(order, steward, actor=request.user, note=payload.note)
        elif action == "merge":
            original = WorkOrder.objects.filter(number=(payload.original or "").upper()[:20]).first()
            if original is None:
                raise services.WorkflowError(
                    _("Please give the number of the original request."), code="invalid_original"
                )
            services.merge(order, original, actor=request.user, note=payload.note)
        else:
            getattr(services, action)(order, actor=request.user, note=payload.note)
    except ValidationError as exc:
        return _validation(exc)
    except services.WorkflowError as exc:
        return _error(409, exc.message, exc.code)
    order = WorkOrder.objects.select_related("category", "grid", "assignee", "building__community").get(pk=order.pk)
    return _staff_row(order, timezone.now())
