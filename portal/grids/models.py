"""Communities, micro-grids (微网格), buildings and grid stewards (红管家).

A request is routed by its building to the building's grid and that grid's steward;
`portal.grids.routing` is the one place that lookup lives.
"""

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
