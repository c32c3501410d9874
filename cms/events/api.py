"""Sign-up and cancellation over the portal API, for the company's app."""

from uuid import UUID

import ninja
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Path, Status

from portal.api.errors import StrictSchema

from .forms import SignupForm
from .models import EventPage
from .services import SignupError, cancel, sign_up

router = ninja.Router(tags=["events"])
PREFIX = "/events/"


class SignupIn(StrictSchema):
    name: str = ""
    phone: str = ""
    party_size: str | int = 1
    consent: bool = False


class SignupOut(ninja.Schema):
    code: str
    token: UUID
    status: str
    status_label: str
    event_id: int
    event_title: str
    party_size: int


class ErrorOut(ninja.Schema):
    detail: str
    errors: dict[str, list[str]] = {}


class EventAvailabilityOut(ninja.Schema):
    id: int
    title: str
    capacity: int
    remaining_places: int
    accepts_signups: bool


def _out(signup):
    return {
        "code": signup.code,
        "token": signup.token,
        "status": signup.status,
        "status_label": str(signup.get_status_display()),
        "event_id": signup.event_id,
        "event_title": signup.event.title,
        "party_size": signup.party_size,
    }


# Ids and tokens are plain path parameters (not Django's int/uuid converters), so a malformed one
# reaches django-ninja and is answered in JSON (422) instead of falling through to the site's 404 page.
PAGE_ID = Path(..., ge=1, le=2**31 - 1)


@router.get("/{page_id}/", response={200: EventAvailabilityOut, 404: ErrorOut}, summary="Places left for an event")
def availability(request, page_id: int = PAGE_ID):
    event = get_object_or_404(EventPage.objects.live().public(), pk=page_id)
    return {
        "id": event.pk,
        "title": event.title,
        "capacity": event.capacity,
        "remaining_places": event.remaining_places,
        "accepts_signups": event.accepts_signups,
    }


@router.post(
    "/{page_id}/signups/",
    response={201: SignupOut, 400: ErrorOut, 404: ErrorOut},
    summary="Sign up for an event (waiting list when full)",
)
def create_signup(request, payload: SignupIn, page_id: int = PAGE_ID):
    event = EventPage.objects.live().public().filter(pk=page_id).first()
    if event is None:
        return Status(404, {"detail": _("No such event.")})
    form = SignupForm(payload.dict(), event=event)
    if not form.is_valid():
        errors = {field: [str(e) for e in errs] for field, errs in form.errors.items()}
        return Status(400, {"detail": _("Please correct the errors below."), "errors": errors})
    try:
        signup = sign_up(event, registered_by=None, **form.signup_data())
    except SignupError as exc:
        return Status(400, {"detail": exc.message})
    return Status(201, _out(signup))


@router.post(
    "/signups/{token}/cancel/",
    response={200: SignupOut, 400: ErrorOut, 404: ErrorOut},
    summary="Cancel a sign-up with its private token",
)
def cancel_signup(request, token: UUID):
    try:
        signup = cancel(token)
    except SignupError as exc:
        return Status(404 if exc.code == "not_found" else 400, {"detail": exc.message})
    return Status(200, _out(signup))
