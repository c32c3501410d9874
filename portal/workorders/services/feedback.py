"""The satisfaction loop: the resident's rating (which closes a resolved request), the one reminder to
rate, and a neighbour's "me too" on an open public-area request."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from portal.common.phone import validate_mobile

from .. import permissions
from ..cleaning import clean_text
from ..models import MeToo, Rating, WorkOrder
from . import notify
from .common import WorkflowError, locked
from .lifecycle import _transition, set_closed

S = WorkOrder.Status


def rating_refusal(order):
    """Why `order` cannot be rated now, as a WorkflowError, or None (the rule: `WorkOrder.rating_obstacle`)."""
    obstacle = order.rating_obstacle()
    if obstacle == WorkOrder.NOT_RESOLVED:
        return WorkflowError(gettext("Only a resolved request can be rated."), code="not_resolved")
    if obstacle == WorkOrder.ALREADY_RATED:
        return WorkflowError(gettext("This request has already been rated."), code="already_rated")
    return None


def rate(work_order, *, speed, quality, attitude, comment="", actor=None, at=None, notify=True):
    """The resident rates a resolved request once per resolution; a resolved request is then closed."""
    permissions.check(actor, "rate", work_order)
    scores = {}
    errors = {}
    for field, value in (("speed", speed), ("quality", quality), ("attitude", attitude)):
        try:
            value = int(value)
            if not 1 <= value <= 5:
                raise ValueError
            scores[field] = value
        except (TypeError, ValueError):
            errors[field] = [gettext("Please give 1 to 5 stars.")]
    try:
        comment = clean_text(comment, multiline=True, max_length=500)
    except ValidationError as exc:
        errors["comment"] = exc.messages
    if errors:
        raise ValidationError(errors)
    at = at or timezone.now()
    with transaction.atomic():
        order = locked(work_order)
        refusal = rating_refusal(order)
        if refusal is not None:
            raise refusal
        rating = Rating.objects.create(work_order=order, comment=comment, created_at=at, **scores)
        if order.status == S.RESOLVED:
            _transition(
                order,
                "close",
                actor=actor,
                note=gettext("Closed after the resident's rating."),
                at=at,
                resident=actor is None,
                notify_resident=False,
                apply=set_closed,
            )
    return rating


def me_too(work_order, *, phone, user=None, at=None):
    """A neighbour adds "me too" to an open public-area request; returns (count, created)."""
    permissions.check(user if user is not None and user.is_authenticated else None, "me_too", work_order)
    phone = validate_mobile(phone)
    with transaction.atomic():
        order = locked(work_order)
        if not order.category.is_public_area:
            raise WorkflowError(gettext("“Me too” is only for public-area requests."), code="not_public_area")
        if not order.is_open:
            raise WorkflowError(gettext("This request is no longer open."), code="not_open")
        if order.phone == phone:
            raise WorkflowError(gettext("This is your own request."), code="own_request")
        _obj, created = MeToo.objects.get_or_create(
            work_order=order,
            phone=phone,
            defaults={"user": user if user and user.is_authenticated else None, "created_at": at or timezone.now()},
        )
        return order.me_toos.count(), created


def remind_unrated(work_order, *, at=None):
    """Send the one reminder to rate a resolved, unrated request; False when not due."""
    at = at or timezone.now()
    with transaction.atomic():
        order = locked(work_order)
        if order.status != S.RESOLVED or order.rating_reminder_at is not None or not order.can_be_rated():
            return False
        order.rating_reminder_at = at
        order.save(update_fields=["rating_reminder_at", "updated_at"])
        notify.resident(order, "reminder")
    return True
