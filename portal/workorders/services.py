"""Every business action on a request, one function each.

Views, the Wagtail admin, the API, Open311, management commands and the demo loader call these and
nothing else changes a request's state. Each runs in one transaction, locks the row, checks the
transition table, writes one audit-trail line and queues the resident's notification in the outbox
(sent after commit).

Errors are `WorkflowError` (a wrong state, a refused action) or Django's `ValidationError` (bad
input), both with a message a resident can read.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cms.core.phone import validate_mobile
from portal.grids.models import Building
from portal.grids.routing import grid_for_building, steward_for_building
from portal.notifications import outbox

from .cleaning import clean_text
from .models import Category, DailySequence, MeToo, Rating, Transition, WorkOrder, WorkOrderPhoto
from .photos import CleanPhoto, clean_photos, delete_files, store_photos

S = WorkOrder.Status
NUMBER_PREFIX = "BY"

# action → (states it may start from, state it ends in)
TRANSITIONS = {
    "accept": ({S.SUBMITTED, S.REOPENED}, S.ACCEPTED),
    "assign": ({S.SUBMITTED, S.ACCEPTED, S.REOPENED, S.ASSIGNED}, S.ASSIGNED),
    "start": ({S.ASSIGNED}, S.IN_PROGRESS),
    "resolve": ({S.ACCEPTED, S.ASSIGNED, S.IN_PROGRESS}, S.RESOLVED),
    "close": ({S.RESOLVED}, S.CLOSED),
    "reopen": ({S.RESOLVED, S.CLOSED}, S.REOPENED),
    "reject": ({S.SUBMITTED, S.ACCEPTED, S.REOPENED}, S.REJECTED),
    "merge": ({S.SUBMITTED, S.ACCEPTED, S.ASSIGNED, S.REOPENED}, S.DUPLICATE),
}

ACTION_LABELS = {
    "submit": _("Submit"),
    "accept": _("Accept"),
    "assign": _("Assign"),
    "start": _("Start work"),
    "resolve": _("Mark resolved"),
    "close": _("Close"),
    "reopen": _("Reopen"),
    "reject": _("Reject"),
    "merge": _("Mark as duplicate"),
}

MAX_DESCRIPTION = 2000
MAX_NOTE = 1000


class WorkflowError(Exception):
    """An action that is not allowed now; `message` is for people, `code` for programs."""

    def __init__(self, message, code="invalid_transition"):
        super().__init__(str(message))
        self.message = str(message)
        self.code = code


def allowed_actions(work_order):
    return [action for action, (sources, _target) in TRANSITIONS.items() if work_order.status in sources]


# --- numbers ---------------------------------------------------------------------------------


def next_number(when=None):
    """BY-YYYYMMDD-NNNN for the day of `when` in local time: the day's counter, incremented.

    One statement (`INSERT … ON CONFLICT (day) DO UPDATE SET last = last + 1 RETURNING last`)
    creates the day's row or increments it and returns the new value, so two callers can never get
    the same number and the first request of a day needs no retry.

    The statement locks the day's row until its transaction ends. Called outside a transaction (as
    `submit` does), it commits at once and the lock lasts only that statement: submissions no longer
    wait for each other's whole transaction. The price is gaps: a number taken by a submission whose
    transaction then fails (a database error, a lost idempotency race) is never used. Called inside a
    transaction, the lock is held until that transaction commits (numbers stay gap-free there).
    """
    day = timezone.localdate(when or timezone.now())
    table = connection.ops.quote_name(DailySequence._meta.db_table)
    day_col = connection.ops.quote_name(DailySequence._meta.get_field("day").column)
    last_col = connection.ops.quote_name(DailySequence._meta.get_field("last").column)
    source = "VALUES (%s, 1)"
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        # Commit this one statement without waiting for its WAL flush (≈5 ms on this disk, during
        # which the row stays locked). Safe: the submission's own commit, later in the same WAL,
        # waits for the flush, so every number on a stored request has its increment on disk; a
        # crash can only lose increments whose numbers no stored request carries.
        source = "SELECT %s, 1 FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({day_col}, {last_col}) {source} "  # noqa: S608 - names from the model
            f"ON CONFLICT ({day_col}) DO UPDATE SET {last_col} = {table}.{last_col} + 1 RETURNING {last_col}",
            [day],
        )
        last = cursor.fetchone()[0]
    return f"{NUMBER_PREFIX}-{day:%Y%m%d}-{last:04d}"


# --- submit -----------------------------------------------------------------------------------


def by_unique_key(queryset):
    """The row a lookup by a unique key finds, or None. Unlike `first()`, no ORDER BY (neither the
    model's default ordering nor the primary key): part of what a submission costs is building SQL,
    and it asks three such questions."""
    return next(iter(queryset.order_by()[:1]), None)


def _replay(key):
    """The request already stored under idempotency key `key`, marked as a replay, or None.

    Nearly every submission brings a new key, so the question asks for the id alone (selecting the
    whole row cost a tenth of a submission's Python in building SQL); the row is read when found."""
    pk = by_unique_key(WorkOrder.objects.filter(idempotency_key=key).values_list("pk", flat=True))
    if pk is None:
        return None
    existing = WorkOrder.objects.get(pk=pk)
    existing.replayed = True
    return existing


def category_for_code(code):
    """The active category with this code."""
    return by_unique_key(Category.objects.filter(code=code, active=True))


def building_with_grid(pk):
    """The building with this id and its grid (routing needs both)."""
    return by_unique_key(Building.objects.select_related("grid").filter(pk=pk))


def _clean_submission(
    *, category, name, phone, description, building, unit, room, location, email, extra, consent, phone_required=True
):
    errors = {}
    cleaned = {}

    def run(field, func):
        try:
            cleaned[field] = func()
        except ValidationError as exc:
            errors[field] = exc.messages

    if not isinstance(category, Category):
        category = by_unique_key(Category.objects.filter(pk=category, active=True)) if category else None
    if category is None or not category.active:
        errors["category"] = [gettext("Please choose what your request is about.")]
    cleaned["category"] = category
    run("name", lambda: clean_text(name, max_length=50))
    if not errors.get("name") and not cleaned.get("name"):
        errors["name"] = [gettext("Please tell us your name.")]
    run("phone", lambda: validate_mobile(phone) if phone or phone_required else "")
    run("description", lambda: clean_text(description, multiline=True, max_length=MAX_DESCRIPTION))
    if not errors.get("description") and len(cleaned.get("description", "")) < 2:
        errors["description"] = [gettext("Please describe the problem.")]
    run("room", lambda: clean_text(room, max_length=10))
    run("location", lambda: clean_text(location, max_length=200))
    run("email", lambda: clean_text(email, max_length=254))
    if unit in ("", None):
        unit = None
    else:
        try:
            unit = int(unit)
            if not 1 <= unit <= 20:
                raise ValueError
        except (TypeError, ValueError):
            errors["unit"] = [gettext("Please choose a unit from the list.")]
            unit = None
    if building is not None and unit and building.units and unit > building.units:
        errors["unit"] = [gettext("This building has no such unit.")]
    cleaned["unit"] = unit
    cleaned["building"] = building
    if not consent:
        errors["consent"] = [gettext("Please agree to the privacy notice so that we can handle your request.")]
    clean_extra = {}
    for key, value in (extra or {}).items():
        key = clean_text(key)[:60]
        if isinstance(value, list | tuple):
            value = [clean_text(v)[:500] for v in value][:50]
        elif isinstance(value, bool | int | float) or value is None:
            pass
        else:
            value = clean_text(value, multiline=True)[:2000]
        clean_extra[key] = value
    cleaned["extra"] = clean_extra
    if errors:
        raise ValidationError(errors)
    return cleaned


def submit(
    *,
    category,
    name,
    phone,
    description,
    building=None,
    unit=None,
    room="",
    location="",
    email="",
    channel=WorkOrder.Channel.WEB,
    photos=(),
    extra=None,
    idempotency_key=None,
    resident=None,
    entered_by=None,
    service_page=None,
    form_page=None,
    consent=True,
    latitude=None,
    longitude=None,
    submitted_at=None,
    notify=True,
    rate_limit=None,
    phone_required=True,
):
    """Create a request (the stable entry point for every channel and app) and return it.

    `photos` are uploaded files or already cleaned `CleanPhoto`s (at most 4). With an
    `idempotency_key` already used, the existing request is returned unchanged and
    `work_order.replayed` is True. Raises ValidationError (a dict of field → messages) on bad input
    and `photos.PhotoStorageError` when photos cannot be written; nothing is kept in either case.
    `rate_limit`, a callable, runs once the request is known not to be a replay and before
    anything is checked or stored (the API passes `limits.check_submission_rate`): replays are not
    counted and the idempotency key is looked up once.
    """
    key = clean_text(idempotency_key)[:64] or None if idempotency_key else None
    if key and (existing := _replay(key)) is not None:
        return existing
    if rate_limit is not None:
        rate_limit()
    if channel not in WorkOrder.Channel.values:
        raise ValidationError({"channel": [gettext("Unknown channel.")]})
    data = _clean_submission(
        category=category,
        name=name,
        phone=phone,
        description=description,
        building=building,
        unit=unit,
        room=room,
        location=location,
        email=email,
        extra=extra,
        consent=consent,
        phone_required=phone_required,
    )
    photos = list(photos or [])
    if all(isinstance(p, CleanPhoto) for p in photos):
        if len(photos) > 4:
            raise ValidationError({"photos": [gettext("Please upload at most 4 photos.")]})
        cleaned_photos = photos
    else:
        try:
            cleaned_photos = clean_photos(photos)
        except ValidationError as exc:
            raise ValidationError({"photos": exc.messages}) from exc

    stored = store_photos(cleaned_photos)  # files first; removed again if the row is not written
    written = [n for image, thumb, _p in stored for n in (image, thumb)]
    now = submitted_at or timezone.now()
    category = data["category"]
    building = data["building"]
    try:
        # The number is taken before the transaction, in its own statement (see next_number):
        # submissions then do not queue on the day's counter row while each one's transaction runs.
        number = next_number(now)
        with transaction.atomic():
            order = WorkOrder(
                number=number,
                idempotency_key=key,
                category=category,
                channel=channel,
                urgent=category.is_emergency,
                name=data["name"],
                phone=data["phone"],
                email=data["email"],
                building=building,
                unit=data["unit"],
                room=data["room"],
                location=data["location"],
                latitude=latitude,
                longitude=longitude,
                description=data["description"],
                extra=data["extra"],
                grid=grid_for_building(building),
                steward=steward_for_building(building),
                resident=resident if resident is not None and resident.is_authenticated else None,
                entered_by=entered_by,
                service_page=service_page,
                form_page=form_page,
                consent_at=now if consent else None,
                submitted_at=now,
            )
            order.set_due_dates()
            order.save()
            WorkOrderPhoto.objects.bulk_create(
                WorkOrderPhoto(
                    work_order=order,
                    image=image,
                    thumbnail=thumb,
                    width=photo.width,
                    height=photo.height,
                    created_at=now,
                )
                for image, thumb, photo in stored
            )
            Transition.objects.create(
                work_order=order,
                action="submit",
                from_status="",
                to_status=S.SUBMITTED,
                actor=entered_by,
                actor_label=_actor_label(entered_by),
                by_resident=entered_by is None,
                note=gettext("Entered by staff (%(channel)s).") % {"channel": order.get_channel_display()}
                if entered_by
                else "",
                created_at=now,
            )
            if notify:
                _notify(order, "submitted")
                _notify_partner(order)
                if order.urgent:
                    _notify_staff_urgent(order)
    except IntegrityError:
        delete_files(written)
        if key and (existing := _replay(key)) is not None:
            return existing
        raise
    except BaseException:
        delete_files(written)
        raise
    order.replayed = False
    return order


# --- transitions ------------------------------------------------------------------------------


def _actor_label(actor):
    if actor is None:
        return ""
    return actor.get_full_name() or actor.get_username()


def _locked(work_order):
    pk = work_order.pk if isinstance(work_order, WorkOrder) else work_order
    return (
        WorkOrder.objects.select_for_update(of=("self",)).select_related("category", "assignee", "building").get(pk=pk)
    )


def _transition(work_order, action, *, actor=None, note="", at=None, resident=False, notify=True, apply=None):
    sources, target = TRANSITIONS[action]
    note = clean_text(note, multiline=True, max_length=MAX_NOTE)
    at = at or timezone.now()
    with transaction.atomic():
        order = _locked(work_order)
        if order.status not in sources:
            raise WorkflowError(
                gettext("A request that is “%(status)s” cannot be changed with “%(action)s”.")
                % {"status": order.get_status_display(), "action": ACTION_LABELS[action]}
            )
        previous = order.status
        order.status = target
        if apply is not None:
            apply(order, at)
        order.save()
        Transition.objects.create(
            work_order=order,
            action=action,
            from_status=previous,
            to_status=target,
            actor=actor,
            actor_label=_actor_label(actor),
            by_resident=resident,
            note=note,
            created_at=at,
        )
        if notify:
            _notify(order, action)
    return order


def accept(work_order, *, actor=None, note="", at=None, notify=True):
    def apply(order, at):
        order.accepted_at = order.accepted_at or at

    return _transition(work_order, "accept", actor=actor, note=note, at=at, notify=notify, apply=apply)


def assign(work_order, steward, *, actor=None, note="", at=None, notify=True):
    if steward is None or not steward.active:
        raise WorkflowError(gettext("Please choose an active steward."), code="invalid_steward")

    def apply(order, at):
        order.assignee = steward
        order.accepted_at = order.accepted_at or at
        order.assigned_at = at

    return _transition(work_order, "assign", actor=actor, note=note, at=at, notify=notify, apply=apply)


def start(work_order, *, actor=None, note="", at=None, notify=True):
    def apply(order, at):
        order.started_at = at

    return _transition(work_order, "start", actor=actor, note=note, at=at, notify=notify, apply=apply)


def resolve(work_order, *, actor=None, note="", at=None, notify=True):
    def apply(order, at):
        order.resolved_at = at
        order.rating_reminder_at = None
        order.resolution_note = clean_text(note, multiline=True, max_length=MAX_NOTE)

    return _transition(work_order, "resolve", actor=actor, note=note, at=at, notify=notify, apply=apply)


def close(work_order, *, actor=None, note="", at=None, notify=True):
    def apply(order, at):
        order.closed_at = at

    return _transition(work_order, "close", actor=actor, note=note, at=at, notify=notify, apply=apply)


def reopen(work_order, *, actor=None, note="", at=None, resident=False, notify=True):
    """ "Not fixed": back to the queue with fresh SLA targets. Residents must say why."""
    if resident and not clean_text(note):
        raise ValidationError({"note": [gettext("Please tell us what is still wrong.")]})

    def apply(order, at):
        order.closed_at = None
        order.response_due = at + timedelta(hours=order.category.response_hours)
        order.resolution_due = at + timedelta(hours=order.category.resolution_hours)

    return _transition(
        work_order, "reopen", actor=actor, note=note, at=at, resident=resident, notify=notify, apply=apply
    )


def reject(work_order, *, actor=None, note="", at=None, notify=True):
    if not clean_text(note):
        raise ValidationError({"note": [gettext("Please give the resident a reason.")]})

    def apply(order, at):
        order.closed_at = at

    return _transition(work_order, "reject", actor=actor, note=note, at=at, notify=notify, apply=apply)


def merge(work_order, original, *, actor=None, note="", at=None, notify=True):
    """Mark `work_order` a duplicate of `original` (which must be a different, non-duplicate request)."""
    original_pk = original.pk if isinstance(original, WorkOrder) else original
    work_pk = work_order.pk if isinstance(work_order, WorkOrder) else work_order
    original = WorkOrder.objects.filter(pk=original_pk).first()
    if original is None or original.pk == work_pk or original.status == S.DUPLICATE:
        raise WorkflowError(gettext("Please choose another request that is not a duplicate."), code="invalid_original")

    def apply(order, at):
        order.duplicate_of = original
        order.closed_at = at

    note = note or gettext("Duplicate of %(number)s.") % {"number": original.number}
    return _transition(work_order, "merge", actor=actor, note=note, at=at, notify=notify, apply=apply)


# --- the satisfaction loop --------------------------------------------------------------------


def rate(work_order, *, speed, quality, attitude, comment="", actor=None, at=None, notify=True):
    """The resident rates a resolved request once per resolution; a resolved request is then closed."""
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
        order = _locked(work_order)
        if order.status not in (S.RESOLVED, S.CLOSED) or order.resolved_at is None:
            raise WorkflowError(gettext("Only a resolved request can be rated."), code="not_resolved")
        if order.ratings.filter(created_at__gte=order.resolved_at).exists():
            raise WorkflowError(gettext("This request has already been rated."), code="already_rated")
        rating = Rating.objects.create(work_order=order, comment=comment, created_at=at, **scores)
        if order.status == S.RESOLVED:
            _transition(
                order,
                "close",
                actor=actor,
                note=gettext("Closed after the resident's rating."),
                at=at,
                resident=actor is None,
                notify=False,
                apply=_set_closed,
            )
    return rating


def _set_closed(order, at):
    order.closed_at = at


def me_too(work_order, *, phone, user=None, at=None):
    """A neighbour adds "me too" to an open public-area request; returns (count, created)."""
    phone = validate_mobile(phone)
    with transaction.atomic():
        order = _locked(work_order)
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
        order = _locked(work_order)
        if order.status != S.RESOLVED or order.rating_reminder_at is not None:
            return False
        if order.ratings.filter(created_at__gte=order.resolved_at).exists():
            return False
        order.rating_reminder_at = at
        order.save(update_fields=["rating_reminder_at", "updated_at"])
        _notify(order, "reminder")
    return True


# --- notifications ----------------------------------------------------------------------------


def _notify(order, event):
    """Queue the resident's message about `order` (the kinds and their texts: portal.notifications.kinds)."""
    if event not in RESIDENT_KINDS:
        return
    kind = event
    service = order.service_page.title if order.service_page_id else ""
    if service and event == "accept" and order.category.kind == order.category.Kind.SERVICE_BOOKING:
        kind = "booking_confirmed"
    last = order.transitions.order_by("-pk").first() if event == "reject" else None
    params = {
        "number": order.number,
        "token": order.lookup_token,
        "steward": order.assignee.name if order.assignee_id else "",
        "steward_phone": order.assignee.phone if order.assignee_id else "",
        "note": last.note if last else "",
        "original": order.duplicate_of.number if order.duplicate_of_id else "",
        "service": service,
    }
    outbox.queue_message(kind, params, phone=order.phone, email=order.email, user=order.resident, work_order=order)


def _notify_partner(order):
    """A booking of a partner's service: tell the partner (by SMS to its contact phone)."""
    if not order.service_page_id:
        return
    partner = getattr(order.service_page.specific, "partner", None)
    if partner is None or not getattr(partner, "contact_phone", ""):
        return
    outbox.queue_message(
        "booking_received",
        {"number": order.number, "service": order.service_page.title},
        phone=partner.contact_phone,
        work_order=order,
    )


RESIDENT_KINDS = {"submitted", "accept", "assign", "resolve", "reject", "merge", "reminder", "reopen"}


def _notify_staff_urgent(order):
    from django.contrib.auth import get_user_model

    from portal.accounts import roles

    User = get_user_model()
    recipients = set(
        User.objects.filter(groups__name=roles.MANAGER, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if order.steward_id and order.steward.user_id and order.steward.user.email:
        recipients.add(order.steward.user.email)
    params = {
        "number": order.number,
        "category": order.category.name,
        "address": order.address_display,
        "description": order.description[:200],
    }
    for email in sorted(recipients):
        outbox.queue_message("urgent", params, email=email, work_order=order)
