"""Residents' sign-ups for an event: confirmed, waiting or cancelled, with a door code."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.common.masking import mask_phone

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at the door


def new_code():
    return "".join(secrets.choice(CODE_ALPHABET) for _i in range(8))


class EventSignup(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("Waiting list")
        OFFERED = "offered", _("Place offered, waiting for confirmation")
        CANCELLED = "cancelled", _("Cancelled")

    event = models.ForeignKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="signups", verbose_name=_("event")
    )
    name = models.CharField(_("name"), max_length=50)
    phone = models.CharField(_("phone"), max_length=11)
    party_size = models.PositiveSmallIntegerField(_("party size"), default=1)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CONFIRMED)
    code = models.CharField(_("sign-up code"), max_length=8, unique=True, default=new_code, editable=False)
    token = models.UUIDField(_("private token"), unique=True, default=uuid.uuid4, editable=False)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("signed up by steward"),
    )
    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_signups",
        verbose_name=_("resident account"),
    )
    consent_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    promoted_at = models.DateTimeField(_("moved off the waiting list"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer to confirm by"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    attended_at = models.DateTimeField(_("attended"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("checked in by"),
    )
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    class Meta:
        verbose_name = _("event sign-up")
        verbose_name_plural = _("event sign-ups")
        ordering = ["event", "created_at", "pk"]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return f"{self.name} ({self.masked_phone}) · {self.code}"

    @property
    def masked_phone(self):
        return mask_phone(self.phone)

    masked_phone.fget.short_description = _("phone")

    @property
    def attended(self):
        return self.attended_at is not None

    def event_title(self):
        return self.event.title

    event_title.short_description = _("event")
