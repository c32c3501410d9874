"""12345 hotline orders: a request received from the city hotline carries the hotline's ticket, its
deadline and the reply the company owes back. `enter_hotline_order` takes the request and its ticket
in one step (both or neither); `reply_to_hotline` records the reply sent back to the hotline."""

import dataclasses

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from .. import permissions
from ..cleaning import clean_text
from ..models import HotlineOrder, WorkOrder
from ..photos import delete_files
from .intake import Submission, submit

MAX_REPLY = 2000


def _clean_ticket(ticket, deadline, reply_due):
    errors = {}
    ticket = clean_text(ticket or "", max_length=40).strip()
    if not ticket:
        errors["ticket"] = [gettext("Please enter the 12345 ticket number.")]
    else:
        taken = HotlineOrder.objects.filter(ticket=ticket).select_related("work_order").first()
        if taken is not None:
            errors["ticket"] = [
                gettext("12345 ticket %(ticket)s is already recorded as request %(number)s.")
                % {"ticket": ticket, "number": taken.work_order.number}
            ]
    if deadline is None:
        errors["deadline"] = [gettext("Please enter the hotline's deadline.")]
    if reply_due is None:
        errors["reply_due"] = [gettext("Please enter when the reply to the hotline is due.")]
    if errors:
        raise ValidationError(errors)
    return ticket


def enter_hotline_order(data, /, *, ticket, deadline, reply_due, notify=True):
    """Create the request of a 12345 order (channel 12345, entered by `data.entered_by`) and its ticket.

    Raises ValidationError (field → messages: the ticket's first, then the request's) or
    `permissions.ActionDenied`; nothing is stored unless both are. `notify=False` as for `submit`.
    """
    if not isinstance(data, Submission):
        raise TypeError("enter_hotline_order() takes a Submission")
    permissions.check(data.entered_by, "enter")
    if data.entered_by is None and data.idempotency_key is None:
        raise ValueError("a 12345 order is entered by a member of staff or imported with an idempotency key")
    ticket = _clean_ticket(ticket, deadline, reply_due)
    written = []  # the photo files the request wrote, removed again if the ticket cannot be stored
    try:
        with transaction.atomic():
            order = submit(dataclasses.replace(data, channel=WorkOrder.Channel.HOTLINE), notify=notify)
            if order.replayed:
                return order
            written = [name for photo in order.photos.all() for name in (photo.image.name, photo.thumbnail.name)]
            HotlineOrder.objects.create(
                work_order=order, ticket=ticket, deadline=deadline, reply_due=reply_due, created_at=order.submitted_at
            )
    except IntegrityError as exc:
        # Another member of staff recorded the same ticket a moment earlier: the request is rolled
        # back with it, and the photo files it wrote are removed.
        delete_files(written)
        raise ValidationError({"ticket": [gettext("This 12345 ticket was recorded a moment ago.")]}) from exc
    return order


def reply_to_hotline(order, *, text, actor, at=None):
    """Record the reply sent back to the 12345 hotline for `order` (replaces an earlier one)."""
    permissions.check(actor, "hotline_reply", order)
    text = clean_text(text or "", multiline=True, max_length=MAX_REPLY).strip()
    if len(text) < 2:
        raise ValidationError({"reply": [gettext("Please write the reply sent to the hotline.")]})
    with transaction.atomic():
        hotline = HotlineOrder.objects.select_for_update().filter(work_order=order).first()
        if hotline is None:
            raise ValidationError({"reply": [gettext("This request did not come from the 12345 hotline.")]})
        hotline.reply = text
        hotline.replied_by = actor
        hotline.replied_at = at or timezone.now()
        hotline.save(update_fields=["reply", "replied_by", "replied_at"])
    return hotline
