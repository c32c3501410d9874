"""The resident's endpoints: categories, submit (multipart, photos, idempotency key), look up by number
and lookup code, rate, reopen ("not fixed") and "me too". No login: the lookup code is the key."""

import secrets

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import File, Form, Status
from ninja.files import UploadedFile

from portal.api.errors import unknown_fields_error, unknown_form_fields

from .. import limits, services
from ..booking import bookable_page
from ..models import Category, WorkOrder
from ..photos import PhotoStorageError
from .base import error, router, validation
from .schemas import (
    SUBMIT_FIELDS,
    CategoryOut,
    ErrorOut,
    MeTooIn,
    MeTooOut,
    RateIn,
    ReceiptOut,
    ReopenIn,
    SubmitIn,
    WorkOrderOut,
)


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
        "can_rate": order.can_be_rated(),
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
        return error(400, msg, "invalid", {"building": [msg]})
    service_page = None
    if payload.service_page:
        service_page = bookable_page(payload.service_page)
        if service_page is None:
            msg = _("This service cannot be booked.")
            return error(400, msg, "invalid", {"service_page": [msg]})
    from portal.common.phone import validate_mobile

    try:
        phone = validate_mobile(payload.phone)
    except ValidationError:
        phone = None
    try:
        order = services.submit(
            services.Submission(
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
            ),
            rate_limit=lambda: limits.check_submission_rate(request, phone),
        )
    except limits.RateLimited as exc:
        return error(429, exc.messages[0], "rate_limited")
    except ValidationError as exc:
        return validation(exc)
    except PhotoStorageError:
        return error(
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
        return validation(exc)
    except services.WorkflowError as exc:
        return error(409, exc.message, exc.code)
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
        return validation(exc)
    except services.WorkflowError as exc:
        return error(409, exc.message, exc.code)
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
        return error(400, " ".join(exc.messages), "invalid_phone", {"phone": exc.messages})
    except services.WorkflowError as exc:
        return error(409, exc.message, exc.code)
    return {"number": order.number, "me_too": count, "added": created}
