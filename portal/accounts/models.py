"""Resident profiles (a login bound to a household after staff approval), the audit log of access
to personal data, and the retention period editors set in the admin."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class ResidentProfile(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="resident_profile", verbose_name=_("user")
    )
    household = models.ForeignKey(
        "grids.Household",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="residents",
        verbose_name=_("household"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    real_name = models.CharField(_("name"), max_length=50, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("resident profile")
        verbose_name_plural = _("resident profiles")
        ordering = ["-requested_at"]

    def __str__(self):
        return str(self.user)

    @property
    def bound_household(self):
        """The household, only once staff approved the binding."""
        return self.household if self.status == self.Status.APPROVED else None


class AuditLog(models.Model):
    """Who looked at or changed personal data, and when. Rows are never edited."""

    class Action(models.TextChoices):
        REVEAL = "reveal", _("Revealed personal data")
        ROSTER_VIEW = "roster_view", _("Viewed the care roster")
        ROSTER_CHANGE = "roster_change", _("Changed the care roster")
        EXPORT = "export", _("Exported data")
        OWN_DATA_DOWNLOAD = "own_download", _("Resident downloaded own data")
        OWN_DATA_DELETE = "own_delete", _("Resident deleted own data")
        BINDING = "binding", _("Decided a household binding")
        ANONYMISE = "anonymise", _("Anonymised expired data")
        OWN_DATA_CLAIM = "own_claim", _("Resident added earlier requests and sign-ups to the account")

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_name = models.CharField(_("who (name kept)"), max_length=150, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    detail = models.CharField(_("detail"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.get_action_display()}"


@register_setting(icon="lock")
class PrivacySettings(BaseGenericSetting):
    """How long personal data of closed requests is kept before it is anonymised."""

    retention_days = models.PositiveIntegerField(
        _("keep personal data of closed requests (days)"),
        default=365,
        help_text=_(
            "After this many days a closed request loses name, phone, room, photos and free text; its statistics stay."
        ),
    )

    panels = [FieldPanel("retention_days")]

    class Meta:
        verbose_name = _("privacy settings")


class PhoneNumber(models.Model):
    """A resident's mainland mobile number, their login with an SMS code (allauth's phone support)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="phone_number", verbose_name=_("user")
    )
    phone = models.CharField(_("mobile number"), max_length=11, unique=True)
    verified = models.BooleanField(_("verified"), default=False)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)

    class Meta:
        verbose_name = _("mobile number")
        verbose_name_plural = _("mobile numbers")

    def __str__(self):
        from portal.common.masking import mask_phone

        return mask_phone(self.phone)
