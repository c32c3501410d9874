"""Intake: a new request from any channel, described by one `Submission`, cleaned and stored in one
transaction with its photos, its first audit line and its messages."""

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from portal.common.phone import validate_mobile
from portal.grids.models import Building
from portal.grids.routing import grid_for_building, steward_for_building

from .. import permissions
from ..cleaning import clean_text
from ..models import Category, Transition, WorkOrder, WorkOrderPhoto
from ..photos import CleanPhoto, clean_photos, delete_files, store_photos
from . import notify as messages
from .common import actor_label, by_unique_key
from .numbers import next_number

S = WorkOrder.Status
MAX_DESCRIPTION = 2000


@dataclass(frozen=True, kw_only=True)
class Submission:
    """What a channel knows about a new request: the one input of `submit`.

    `category` is a Category (or its id); `building` a Building or None; `photos` uploaded files or
    already cleaned `CleanPhoto`s (at most 4); `extra` the answers of fields an editor added to a form.
    `resident` is the signed-in resident (if any); `entered_by` the member of staff entering the
    request for a resident (the admin, Open311, a steward's visit), whose right to do so is checked.
    `phone_required` is False only where a channel's rules let a report come without a contact
    (Open311 public-area faults). `submitted_at` is for imports and the demo (default: now).
    """

    category: Any
    name: str
    phone: str
    description: str
    building: Building | None = None
    unit: int | str | None = None
    room: str = ""
    location: str = ""
    email: str = ""
    channel: str = WorkOrder.Channel.WEB
    photos: tuple | list = ()
    extra: dict = field(default_factory=dict)
    idempotency_key: str | None = None
    resident: Any = None
    entered_by: Any = None
    service_page: Any = None
    form_page: Any = None
    consent: bool = True
    latitude: Any = None
    longitude: Any = None
    submitted_at: datetime | None = None
    phone_required: bool = True

    # The answers every request form asks for (the core fields of the web form and the staff entry form).
    ANSWERS: ClassVar[tuple] = ("category", "name", "phone", "description", "building", "unit", "room", "location")

    @classmethod
    def from_data(cls, data, **given):
        """A submission from a form's `cleaned_data`: the core `ANSWERS` present and not None are
        taken (fields an editor added never reach the other fields); `given` sets the rest."""
        values = {k: data[k] for k in cls.ANSWERS if data.get(k) is not None}
        return cls(**{**values, **given})


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


def _clean_submission(data):
    errors = {}
    cleaned = {}
    category, name, phone, description = data.category, data.name, data.phone, data.description
    building, unit, room, location, email = data.building, data.unit, data.room, data.location, data.email
    extra, consent, phone_required = data.extra, data.consent, data.phone_required

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


def submit(data, /, *, notify=True, rate_limit=None):
    """Create a request from a `Submission` (the stable entry point for every channel) and return it.

    With an `idempotency_key` already used, the existing request is returned unchanged and
    `work_order.replayed` is True. Raises ValidationError (a dict of field → messages) on bad input,
    `permissions.ActionDenied` when `entered_by` may not enter requests, and
    `photos.PhotoStorageError` when photos cannot be written; nothing is kept in any case.
    `rate_limit`, a callable, runs once the request is known not to be a replay and before
    anything is checked or stored (the API passes `limits.check_submission_rate`): replays are not
    counted and the idempotency key is looked up once. `notify=False` queues no messages
    (the demo loader, imports).
    """
    if not isinstance(data, Submission):
        raise TypeError("submit() takes a Submission")
    permissions.check(data.entered_by, "enter" if data.entered_by is not None else "submit")
    key = clean_text(data.idempotency_key)[:64] or None if data.idempotency_key else None
    if key and (existing := _replay(key)) is not None:
        return existing
    if rate_limit is not None:
        rate_limit()
    channel = data.channel
    if channel not in WorkOrder.Channel.values:
        raise ValidationError({"channel": [gettext("Unknown channel.")]})
    cleaned = _clean_submission(data)
    photos = list(data.photos or [])
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
    now = data.submitted_at or timezone.now()
    category = cleaned["category"]
    building = cleaned["building"]
    entered_by = data.entered_by
    resident = data.resident
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
                name=cleaned["name"],
                phone=cleaned["phone"],
                email=cleaned["email"],
                building=building,
                unit=cleaned["unit"],
                room=cleaned["room"],
                location=cleaned["location"],
                latitude=data.latitude,
                longitude=data.longitude,
                description=cleaned["description"],
                extra=cleaned["extra"],
                grid=grid_for_building(building),
                steward=steward_for_building(building),
                resident=resident if resident is not None and resident.is_authenticated else None,
                entered_by=entered_by,
                service_page=data.service_page,
                form_page=data.form_page,
                consent_at=now if data.consent else None,
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
                actor_label=actor_label(entered_by),
                by_resident=entered_by is None,
                note=gettext("Entered by staff (%(channel)s).") % {"channel": order.get_channel_display()}
                if entered_by
                else "",
                created_at=now,
            )
            if notify:
                messages.resident(order, "submitted")
                messages.partner(order)
                if order.urgent:
                    messages.staff_urgent(order)
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
