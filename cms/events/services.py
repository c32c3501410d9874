"""One function per sign-up action; the page, the steward view, the admin, the API and the reminder
command all call these.

Capacity is counted in people (party sizes) over confirmed sign-ups. Each action locks the event's
row, so two residents cannot take the last seat at once.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import EventPage, EventSignup


class SignupError(Exception):
    """A sign-up action refused for a reason the resident can read."""

    def __init__(self, message, code="refused"):
        super().__init__(message)
        self.message = message
        self.code = code


def _locked_event(event):
    # Locking the page row serialises sign-ups for this event (PostgreSQL; SQLite locks the file).
    return EventPage.objects.select_for_update().get(pk=event.pk)


@transaction.atomic
def sign_up(event, *, name, phone, party_size=1, registered_by=None):
    """Sign up `name`; confirmed while places last, otherwise on the waiting list."""
    event = _locked_event(event)
    if not event.live:
        raise SignupError(_("This event is not published."), "not_live")
    if not event.signup_enabled:
        raise SignupError(_("Sign-up is closed for this event."), "closed")
    if event.is_past:
        raise SignupError(_("This event has already ended."), "past")
    if party_size < 1 or party_size > event.max_party_size:
        raise SignupError(
            _("At most %(count)s people per sign-up for this event.") % {"count": event.max_party_size}, "party_size"
        )
    active = event.signups.exclude(status=EventSignup.Status.CANCELLED)
    if active.filter(phone=phone).exists():
        raise SignupError(_("This mobile number has already signed up for this event."), "duplicate")
    status = EventSignup.Status.CONFIRMED if party_size <= event.remaining_places else EventSignup.Status.WAITING
    return EventSignup.objects.create(
        event=event,
        name=name,
        phone=phone,
        party_size=party_size,
        status=status,
        registered_by=registered_by if registered_by and registered_by.is_authenticated else None,
        consent_at=timezone.now(),
    )


def promote_waiting(event):
    """Confirm waiting sign-ups, oldest first, while they fit; call inside the caller's transaction."""
    promoted = []
    remaining = event.remaining_places
    for signup in event.signups.filter(status=EventSignup.Status.WAITING).order_by("created_at", "pk"):
        if signup.party_size <= remaining:
            signup.status = EventSignup.Status.CONFIRMED
            signup.promoted_at = timezone.now()
            signup.save(update_fields=["status", "promoted_at"])
            remaining -= signup.party_size
            promoted.append(signup)
    return promoted


@transaction.atomic
def cancel(token):
    """Cancel by the private token of the confirmation link; frees places for the waiting list."""
    signup = EventSignup.objects.select_related("event").filter(token=token).first()
    if signup is None:
        raise SignupError(_("This sign-up link is not valid."), "not_found")
    event = _locked_event(signup.event)
    signup = EventSignup.objects.select_for_update().get(pk=signup.pk)
    if signup.status == EventSignup.Status.CANCELLED:
        raise SignupError(_("This sign-up is already cancelled."), "cancelled")
    if event.is_past:
        raise SignupError(_("This event has already ended."), "past")
    signup.status = EventSignup.Status.CANCELLED
    signup.cancelled_at = timezone.now()
    signup.save(update_fields=["status", "cancelled_at"])
    promote_waiting(event)
    return signup


@transaction.atomic
def mark_attended(code, by):
    """Staff scanned the sign-up code at the door."""
    signup = EventSignup.objects.select_for_update().select_related("event").filter(code=(code or "").upper()).first()
    if signup is None:
        raise SignupError(_("No sign-up has this code."), "not_found")
    if signup.status != EventSignup.Status.CONFIRMED:
        raise SignupError(_("This sign-up is not confirmed (waiting list or cancelled)."), "not_confirmed")
    if signup.attended_at is None:
        signup.attended_at = timezone.now()
        signup.checked_in_by = by
        signup.save(update_fields=["attended_at", "checked_in_by"])
    return signup


def due_reminders(now=None):
    """Confirmed, not yet reminded sign-ups for live events that start tomorrow (local time)."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    return (
        EventSignup.objects.filter(
            status=EventSignup.Status.CONFIRMED,
            reminded_at__isnull=True,
            event__live=True,
            event__start__date=tomorrow,
        )
        .select_related("event")
        .order_by("event", "pk")
    )


@transaction.atomic
def send_reminder(signup, send):
    """Send one reminder with `send(phone, text)` and record it, so it is never sent twice."""
    event = signup.event
    text = _("Reminder: %(title)s starts at %(start)s, %(place)s. Your sign-up code is %(code)s.") % {
        "title": event.title,
        "start": timezone.localtime(event.start).strftime("%m-%d %H:%M"),
        "place": event.place,
        "code": signup.code,
    }
    send(signup.phone, text)
    signup.reminded_at = timezone.now()
    signup.save(update_fields=["reminded_at"])
    return text
