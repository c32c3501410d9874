"""One function per sign-up action; the page, the steward view, the admin, the API and the reminder
command all call these.

Capacity is counted in people (party sizes) over confirmed sign-ups. Each action locks the event's
row, so two residents cannot take the last seat at once.
"""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.notifications import outbox

from .models.signups import EventSignup

# A freed place is offered to the next person on the waiting list, who has this long to confirm
# (less when the event is close); then it goes to the person after them.
OFFER_TIME = timedelta(hours=12)
OFFER_CLOSES_BEFORE_START = timedelta(hours=2)


class SignupError(Exception):
    """A sign-up action refused for a reason the resident can read."""

    def __init__(self, message, code="refused"):
        super().__init__(message)
        self.message = message
        self.code = code


def _locked_event(event):
    # Locking the page row serialises sign-ups for this event (PostgreSQL; SQLite locks the file).
    # The page model is the sign-up's foreign key target: the event page's own routes call this
    # module, so it does not import the page module back (no import circle).
    event_model = EventSignup._meta.get_field("event").related_model
    return event_model.objects.select_for_update().get(pk=event.pk)


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


def promote_waiting(event, now=None):
    """Offer freed places to waiting sign-ups, oldest first, while they fit, each with a deadline to
    confirm and a text message; call inside the caller's transaction. Close to the start there is
    no time to ask: the place is confirmed at once."""
    now = now or timezone.now()
    deadline = min(now + OFFER_TIME, event.start - OFFER_CLOSES_BEFORE_START)
    promoted = []
    remaining = event.remaining_places
    for signup in event.signups.filter(status=EventSignup.Status.WAITING).order_by("created_at", "pk"):
        if signup.party_size <= remaining:
            signup.promoted_at = now
            if deadline > now:
                signup.status, signup.offer_expires_at = EventSignup.Status.OFFERED, deadline
                _queue_offer(signup, event)
            else:
                signup.status = EventSignup.Status.CONFIRMED
            signup.save(update_fields=["status", "promoted_at", "offer_expires_at"])
            remaining -= signup.party_size
            promoted.append(signup)
    return promoted


def _queue_offer(signup, event):
    params = {
        "title": event.title,
        "time": timezone.localtime(event.start).strftime("%m-%d %H:%M"),
        "deadline": timezone.localtime(signup.offer_expires_at).strftime("%m-%d %H:%M"),
        "code": signup.code,
    }
    outbox.queue_message("waitlist_offer", params, phone=signup.phone)


@transaction.atomic
def confirm_offer(code, phone, now=None):
    """The resident takes the place offered to them (by sign-up code and mobile number)."""
    now = now or timezone.now()
    code = (code or "").strip().upper()
    signup = EventSignup.objects.filter(code=code, phone=(phone or "").strip()).select_related("event").first()
    if signup is None:
        raise SignupError(_("No sign-up has this code and mobile number."), "not_found")
    _locked_event(signup.event)
    signup = EventSignup.objects.select_for_update().get(pk=signup.pk)
    if signup.status == EventSignup.Status.CONFIRMED:
        return signup
    if signup.status != EventSignup.Status.OFFERED:
        raise SignupError(_("No place is offered to this sign-up."), "not_offered")
    if signup.offer_expires_at <= now:
        raise SignupError(_("The time to confirm this place has passed; it went to the next person."), "expired")
    signup.status = EventSignup.Status.CONFIRMED
    signup.save(update_fields=["status"])
    return signup


def expire_offers(now=None):
    """Offers not confirmed in time: the place goes to the next person. Returns how many expired."""
    now = now or timezone.now()
    expired = 0
    for pk in EventSignup.objects.filter(status=EventSignup.Status.OFFERED, offer_expires_at__lte=now).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            signup = EventSignup.objects.select_related("event").get(pk=pk)
            event = _locked_event(signup.event)
            signup = EventSignup.objects.select_for_update().get(pk=pk)
            if signup.status != EventSignup.Status.OFFERED or signup.offer_expires_at > now:
                continue
            signup.status, signup.cancelled_at = EventSignup.Status.CANCELLED, now
            signup.save(update_fields=["status", "cancelled_at"])
            if not event.is_past:
                promote_waiting(event, now)
            expired += 1
    return expired


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
def send_reminder(signup):
    """Queue the day-before reminder (time and place) in the outbox and record it, in one transaction,
    so it is never queued twice; the outbox sends it after commit."""
    event = signup.event
    params = {
        "title": event.title,
        "time": timezone.localtime(event.start).strftime("%m-%d %H:%M"),
        "place": event.place,
        "code": signup.code,
    }
    rows = outbox.queue_message("event_reminder", params, phone=signup.phone)
    signup.reminded_at = timezone.now()
    signup.save(update_fields=["reminded_at"])
    return rows
