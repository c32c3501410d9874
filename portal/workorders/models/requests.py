"""Categories with SLA targets, the day's number counter, requests (工单) and their photos."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.common.masking import mask_phone
from portal.common.scrub import scrub

LOOKUP_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: easy to read aloud and type


def new_lookup_token():
    return "".join(secrets.choice(LOOKUP_ALPHABET) for _ in range(10))


class Category(models.Model):
    class Kind(models.TextChoices):
        REPAIR_IN_HOME = "repair_home", _("In-home repair (户内报修)")
        PUBLIC_AREA = "public_area", _("Public-area repair (公共区域)")
        COMPLAINT = "complaint", _("Complaint (投诉)")
        SUGGESTION = "suggestion", _("Suggestion (建议)")
        ENQUIRY = "enquiry", _("Enquiry (咨询)")
        PARKING = "parking", _("Parking (车位)")
        SERVICE_BOOKING = "booking", _("Service booking (服务预约)")

    code = models.SlugField(
        _("code"),
        max_length=50,
        unique=True,
        help_text=_("A short stable code used by the app and Open311, for example water-leak."),
    )
    name = models.CharField(_("name"), max_length=50, help_text=_("What residents read, for example 水管漏水."))
    name_en = models.CharField(
        _("name in English"),
        max_length=50,
        blank=True,
        help_text=_("What residents read on the English site, for example Leaking water pipe. Empty: the name above."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.REPAIR_IN_HOME)
    description = models.CharField(
        _("description"), max_length=200, blank=True, help_text=_("One line shown under the name on forms.")
    )
    is_emergency = models.BooleanField(
        _("emergency"),
        default=False,
        help_text=_(
            "Gas smell, burst pipe, someone trapped in a lift: "
            "the form shows the 24-hour hotline and the request is urgent."
        ),
    )
    response_hours = models.PositiveIntegerField(
        _("response target (hours)"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 30)],
        help_text=_("Hours from submission until staff must accept the request."),
    )
    resolution_hours = models.PositiveIntegerField(
        _("resolution target (hours)"),
        default=48,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 90)],
        help_text=_("Hours from submission until the request must be resolved."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive categories are not offered on forms.")
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=100)

    class Meta:
        verbose_name = _("request category")
        verbose_name_plural = _("request categories")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        """The name in the active language: English on English pages when an editor gave one."""
        if self.name_en and (translation.get_language() or "").startswith("en"):
            return self.name_en
        return self.name

    @property
    def is_public_area(self):
        return self.kind == self.Kind.PUBLIC_AREA


class DailySequence(models.Model):
    """The last number handed out on a day (Asia/Shanghai), for BY-20261125-0042 style numbers."""

    day = models.DateField(_("day"), unique=True)
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("daily request counter")
        verbose_name_plural = _("daily request counters")

    def __str__(self):
        return f"{self.day}: {self.last}"


class WorkOrderQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=WorkOrder.OPEN_STATES)

    def overdue(self, now=None):
        """Open requests past their response target (not yet accepted) or their resolution target."""
        return self.filter(self.overdue_condition(now))

    @staticmethod
    def overdue_condition(now=None):
        """The `overdue()` condition as a Q, to filter or exclude with (no `pk IN (subquery)`)."""
        now = now or timezone.now()
        waiting = models.Q(status__in=WorkOrder.WAITING_STATES, response_due__lt=now)
        late = models.Q(status__in=WorkOrder.OPEN_STATES, resolution_due__lt=now)
        return waiting | late

    def for_user(self, user):
        """What a staff user may see; the rule is `portal.grids.scope.request_filter` (managers and
        secretaries all, grid stewards their grids and assignments, general stewards their assignments)."""
        from portal.grids.scope import request_filter

        return self.filter(request_filter(user))


class WorkOrder(models.Model):
    class Status(models.TextChoices):
        # With a context: other apps translate "Submitted" (a column: 提交时间) and "Rejected" differently.
        SUBMITTED = "submitted", pgettext_lazy("request status", "Submitted")
        ACCEPTED = "accepted", _("Accepted")
        ASSIGNED = "assigned", _("Assigned")
        IN_PROGRESS = "in_progress", _("In progress")
        RESOLVED = "resolved", _("Resolved")
        CLOSED = "closed", _("Closed")
        REJECTED = "rejected", pgettext_lazy("request status", "Rejected")
        DUPLICATE = "duplicate", _("Duplicate")
        REOPENED = "reopened", _("Reopened")

    class Channel(models.TextChoices):
        WEB = "web", _("Website")
        APP = "app", _("Mobile app")
        PHONE = "phone", _("Phone call")
        VISIT = "visit", _("In person")
        HOTLINE = "hotline12345", _("12345 city hotline")

    # Not in Wagtail's reference index: indexing cost a re-read, a savepoint and an insert on every
    # submission and every transition (a fifth of a submission's time), and a page's or
    # category's "usage" listing should not enumerate residents' requests anyway.
    wagtail_reference_index_ignore = True

    OPEN_STATES = ("submitted", "accepted", "assigned", "in_progress", "reopened")
    WAITING_STATES = ("submitted", "reopened")
    FINAL_STATES = ("closed", "rejected", "duplicate")

    number = models.CharField(_("number"), max_length=20, unique=True, editable=False)
    lookup_token = models.CharField(_("lookup code"), max_length=16, default=new_lookup_token, editable=False)
    idempotency_key = models.CharField(
        _("idempotency key"), max_length=64, unique=True, null=True, blank=True, editable=False
    )
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="work_orders", verbose_name=_("category")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices, default=Channel.WEB)
    urgent = models.BooleanField(_("urgent"), default=False)

    name = models.CharField(_("name"), max_length=50)
    phone = models.CharField(_("mobile number"), max_length=11)
    email = models.EmailField(_("email"), blank=True)
    building = models.ForeignKey(
        "grids.Building",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="work_orders",
        verbose_name=_("building"),
    )
    unit = models.PositiveSmallIntegerField(_("unit"), null=True, blank=True)
    room = models.CharField(_("room"), max_length=10, blank=True)
    location = models.CharField(
        _("location"), max_length=200, blank=True, help_text=_("Where in a public area, for example 3号楼东侧路灯.")
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True, blank=True)
    description = models.TextField(pgettext_lazy("a resident's request", "description"), max_length=2000)
    extra = models.JSONField(_("other answers"), default=dict, blank=True)

    grid = models.ForeignKey(
        "grids.Grid",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="work_orders",
        verbose_name=_("micro-grid"),
    )
    steward = models.ForeignKey(
        "grids.Steward",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="routed_work_orders",
        verbose_name=_("grid steward"),
    )
    assignee = models.ForeignKey(
        "grids.Steward",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_work_orders",
        verbose_name=_("assigned to"),
    )
    duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("duplicate of"),
    )
    service_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("booked service"),
    )
    form_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("form page"),
    )
    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="work_orders",
        verbose_name=_("resident account"),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="entered_work_orders",
        verbose_name=_("entered by staff"),
    )
    consent_at = models.DateTimeField(_("privacy consent given"), null=True, blank=True)

    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    response_due = models.DateTimeField(_("response due"), null=True, blank=True)
    resolution_due = models.DateTimeField(_("resolution due"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    assigned_at = models.DateTimeField(_("assigned"), null=True, blank=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    rating_reminder_at = models.DateTimeField(_("rating reminder sent"), null=True, blank=True)
    resolution_note = models.TextField(_("resolution note"), blank=True, max_length=1000)

    objects = WorkOrderQuerySet.as_manager()

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        ordering = ["-submitted_at", "-pk"]
        indexes = [models.Index(fields=["status", "submitted_at"]), models.Index(fields=["phone"])]

    def __str__(self):
        return self.number

    @property
    def masked_phone(self):
        return mask_phone(self.phone)

    @property
    def is_open(self):
        return self.status in self.OPEN_STATES

    def is_overdue(self, now=None):
        now = now or timezone.now()
        if self.status in self.WAITING_STATES and self.response_due and self.response_due < now:
            return True
        return self.status in self.OPEN_STATES and bool(self.resolution_due) and self.resolution_due < now

    is_overdue.boolean = True
    is_overdue.short_description = _("overdue")

    def set_due_dates(self):
        self.response_due = self.submitted_at + timedelta(hours=self.category.response_hours)
        self.resolution_due = self.submitted_at + timedelta(hours=self.category.resolution_hours)

    @property
    def address_display(self):
        parts = []
        if self.building_id:
            parts.append(str(self.building))
            if self.unit:
                parts.append(_("unit %(unit)s") % {"unit": self.unit})
            if self.room:
                parts.append(_("room %(room)s") % {"room": self.room})
        if self.location:
            parts.append(self.location)
        return " ".join(str(p) for p in parts)

    @property
    def public_location(self):
        """Where in a shared area, scrubbed of phones, rooms and plates; empty for in-home requests."""
        return scrub(self.location) if self.location and self.category.is_public_area else ""

    @property
    def public_description(self):
        """The description of a public-area request, scrubbed; empty for every other kind."""
        return scrub(self.description) if self.category.is_public_area else ""

    @property
    def public_address(self):
        """The address without unit and room: safe for public reads (Open311, me-too lists)."""
        parts = [str(self.building)] if self.building_id else []
        if self.public_location:
            parts.append(self.public_location)
        return " ".join(parts)

    def latest_rating(self):
        return self.ratings.order_by("-created_at", "-pk").first()

    # Why a request cannot be rated now (`rating_obstacle`); the one rule for "can this be rated".
    NOT_RESOLVED = "not_resolved"
    ALREADY_RATED = "already_rated"

    def rating_obstacle(self):
        """None when the resident may rate: resolved (or closed after resolving) and not rated since
        it was last resolved; otherwise NOT_RESOLVED or ALREADY_RATED."""
        if self.status not in (self.Status.RESOLVED, self.Status.CLOSED) or self.resolved_at is None:
            return self.NOT_RESOLVED
        if self.ratings.filter(created_at__gte=self.resolved_at).exists():
            return self.ALREADY_RATED
        return None

    def can_be_rated(self):
        return self.rating_obstacle() is None


def photo_upload_to(instance, filename):
    return f"workorders/{timezone.localdate():%Y/%m}/{filename}"


class WorkOrderPhoto(models.Model):
    """A resident's photo, decoded and re-encoded as JPEG without EXIF; `thumbnail` is its rendition."""

    work_order = models.ForeignKey(
        WorkOrder, on_delete=models.CASCADE, related_name="photos", verbose_name=_("request")
    )
    image = models.ImageField(_("photo"), upload_to=photo_upload_to, width_field="width", height_field="height")
    thumbnail = models.ImageField(_("thumbnail"), upload_to=photo_upload_to)
    width = models.PositiveIntegerField(_("width"), default=0)
    height = models.PositiveIntegerField(_("height"), default=0)
    created_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("request photo")
        verbose_name_plural = _("request photos")
        ordering = ["pk"]

    def __str__(self):
        return self.image.name
