"""Communities, micro-grids (微网格), buildings and grid stewards (红管家).

A request is routed by its building to the building's grid and that grid's steward;
`portal.grids.routing` is the one place that lookup lives.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Community(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True, help_text=_("For example 圣菲漫步."))
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    address = models.CharField(_("address"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Grid(models.Model):
    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="grids", verbose_name=_("community")
    )
    number = models.PositiveSmallIntegerField(_("number"), help_text=_("Grid number within the community."))
    name = models.CharField(_("name"), max_length=100, help_text=_("For example 第3网格."))

    class Meta:
        verbose_name = _("micro-grid")
        verbose_name_plural = _("micro-grids")
        ordering = ["community__name", "number"]
        constraints = [models.UniqueConstraint(fields=["community", "number"], name="grid_unique_number")]

    def __str__(self):
        return f"{self.community} · {self.name}"


class Building(models.Model):
    community = models.ForeignKey(
        Community, on_delete=models.CASCADE, related_name="buildings", verbose_name=_("community")
    )
    grid = models.ForeignKey(
        Grid,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="buildings",
        verbose_name=_("micro-grid"),
    )
    number = models.PositiveSmallIntegerField(_("building number"))
    units = models.PositiveSmallIntegerField(_("units"), default=2, help_text=_("Number of units (单元)."))
    floors = models.PositiveSmallIntegerField(_("floors"), default=6)

    class Meta:
        verbose_name = _("building")
        verbose_name_plural = _("buildings")
        ordering = ["community__name", "number"]
        constraints = [models.UniqueConstraint(fields=["community", "number"], name="building_unique_number")]

    def __str__(self):
        return _("%(community)s building %(number)s") % {"community": self.community, "number": self.number}


class Steward(models.Model):
    class Kind(models.TextChoices):
        GRID = "grid", _("Grid steward (红管家)")
        GENERAL = "general", _("General steward (综合管家)")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="steward",
        verbose_name=_("login account"),
    )
    name = models.CharField(_("name"), max_length=50)
    phone = models.CharField(
        _("work phone"), max_length=20, help_text=_("The steward's work phone, shown to residents.")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.GRID)
    grids = models.ManyToManyField(Grid, blank=True, related_name="stewards", verbose_name=_("micro-grids"))
    is_party_member = models.BooleanField(_("party member"), default=False)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("photo"),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("steward")
        verbose_name_plural = _("stewards")
        ordering = ["kind", "name"]

    def __str__(self):
        return f"{self.name} ({self.get_kind_display()})"


def current_quarter(day=None):
    """(year, quarter) of a date, today by default (Asia/Shanghai)."""
    from django.utils import timezone

    day = day or timezone.localdate()
    return day.year, (day.month - 1) // 3 + 1


def quarter_bounds(year, quarter):
    """First and last day of a quarter."""
    import datetime

    start = datetime.date(year, 3 * (quarter - 1) + 1, 1)
    end = datetime.date(year + 1, 1, 1) if quarter == 4 else datetime.date(year, 3 * quarter + 1, 1)
    return start, end - datetime.timedelta(days=1)


class Unit(models.Model):
    """One entrance (单元) of a building; its QR code, posted in the stairwell, opens the visit log."""

    building = models.ForeignKey(
        Building, on_delete=models.CASCADE, related_name="unit_set", verbose_name=_("building")
    )
    number = models.PositiveSmallIntegerField(_("unit number"), help_text=_("For example 2 for 2单元."))
    qr_token = models.UUIDField(
        _("QR code token"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("The secret part of the unit's QR code link."),
    )

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["building__community__name", "building__number", "number"]
        constraints = [models.UniqueConstraint(fields=["building", "number"], name="unit_unique_number")]

    def __str__(self):
        return _("Building %(building)s unit %(unit)s") % {"building": self.building.number, "unit": self.number}

    @property
    def grid(self):
        return self.building.grid


class HouseholdQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def in_grids(self, grids):
        return self.filter(unit__building__grid__in=grids)

    def visited_between(self, start, end):
        return self.filter(visits__visited_on__range=(start, end)).distinct()

    def not_visited_between(self, start, end):
        return self.exclude(pk__in=Visit.objects.filter(visited_on__range=(start, end)).values("household_id"))


class Household(models.Model):
    """A home (户) in a unit. Personal data here is shown masked in lists (see portal.common.masking)."""

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="households", verbose_name=_("unit"))
    room = models.CharField(_("room"), max_length=10, help_text=_("Room number, for example 301."))
    head_name = models.CharField(
        _("householder"), max_length=50, blank=True, help_text=_("Name of the householder (户主); optional.")
    )
    phone = models.CharField(
        _("phone"), max_length=20, blank=True, help_text=_("Contact phone; shown masked in every list.")
    )
    members = models.PositiveSmallIntegerField(_("members"), default=1, help_text=_("People living here."))
    active = models.BooleanField(
        _("occupied"), default=True, help_text=_("Untick when the home is empty; it then leaves the visit plans.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["unit__building__number", "unit__number", "room"]
        constraints = [models.UniqueConstraint(fields=["unit", "room"], name="household_unique_room")]

    def __str__(self):
        return _("%(unit)s room %(room)s") % {"unit": self.unit, "room": self.room}

    @property
    def grid(self):
        return self.unit.building.grid


class VisitPlan(models.Model):
    """A steward's quarterly visit plan (季度走访计划): every occupied household of their grids."""

    steward = models.ForeignKey(
        Steward, on_delete=models.CASCADE, related_name="visit_plans", verbose_name=_("steward")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(
        _("quarter"), choices=[(1, "Q1"), (2, "Q2"), (3, "Q3"), (4, "Q4")], help_text=_("1 to 4.")
    )
    households = models.ManyToManyField(Household, blank=True, related_name="visit_plans", verbose_name=_("households"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("visit plan")
        verbose_name_plural = _("visit plans")
        ordering = ["-year", "-quarter", "steward__name"]
        constraints = [models.UniqueConstraint(fields=["steward", "year", "quarter"], name="visitplan_unique_quarter")]

    def __str__(self):
        return f"{self.steward.name} {self.year}Q{self.quarter}"

    @property
    def bounds(self):
        return quarter_bounds(self.year, self.quarter)


class Visit(models.Model):
    """One household visit (走访) logged by a steward."""

    class Method(models.TextChoices):
        QR = "qr", _("Scanned the unit's QR code")
        PICK = "pick", _("Picked the unit")
        IMPORT = "import", _("Imported")

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="visits", verbose_name=_("household")
    )
    steward = models.ForeignKey(
        Steward, on_delete=models.SET_NULL, null=True, blank=True, related_name="visits", verbose_name=_("steward")
    )
    visited_on = models.DateField(_("visit date"))
    method = models.CharField(_("logged by"), max_length=10, choices=Method.choices, default=Method.PICK)
    note = models.TextField(_("note"), max_length=500, blank=True, help_text=_("A short note; no health details."))
    problem = models.TextField(
        _("problem found"),
        max_length=1000,
        blank=True,
        help_text=_("Anything the household needs fixed or followed up."),
    )
    created_at = models.DateTimeField(_("logged at"), auto_now_add=True)

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-visited_on", "-created_at"]
        indexes = [models.Index(fields=["visited_on"], name="visit_visited_on_idx")]

    def __str__(self):
        return f"{self.household} {self.visited_on}"


class CareRecipient(models.Model):
    """An elderly person living alone (独居老人关爱对象). Sensitive: recorded only with separate consent,
    visible only to that grid's steward and managers, every access audited."""

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="care_recipients", verbose_name=_("household")
    )
    name = models.CharField(_("name"), max_length=50)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    needs = models.TextField(
        _("care needs"), max_length=1000, blank=True, help_text=_("Only what the steward needs to know to help.")
    )
    emergency_contact = models.CharField(
        _("emergency contact"), max_length=100, blank=True, help_text=_("Name and phone of a relative or neighbour.")
    )
    visit_every_days = models.PositiveSmallIntegerField(
        _("visit every (days)"), default=7, help_text=_("How often a steward must visit, in days.")
    )
    consent_given_at = models.DateTimeField(_("consent given at"))
    consent_by = models.CharField(
        _("consent given by"), max_length=50, help_text=_("The person themselves or their guardian.")
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("care-roster entry")
        verbose_name_plural = _("care roster")
        ordering = ["household__unit__building__number", "name"]

    def __str__(self):
        return self.name

    @property
    def grid(self):
        return self.household.grid
