"""The outbox (every message to a resident, steward or partner), residents' channel choices per
message kind, and the SMS sign name and vendor template codes editors set in the admin."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from . import kinds


class Notification(models.Model):
    """One message: written with the state change that causes it, sent after commit by the sender.

    `status` moves pending → sending → sent; a permanent vendor refusal, running out of attempts or
    a sender that stopped while delivering (the message may have gone out) ends in failed, the
    dead letter staff look at — never sent a second time automatically."""

    class Channel(models.TextChoices):
        SMS = "sms", _("SMS")
        EMAIL = "email", _("Email")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed (no more retries)")

    MAX_ATTEMPTS = 5  # the default retry policy; a message kind may set its own

    work_order = models.ForeignKey(
        "workorders.WorkOrder",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("request"),
    )
    event = models.CharField(_("message kind"), max_length=30)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    recipient = models.CharField(_("recipient"), max_length=254)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("message"))
    params = models.JSONField(_("template parameters"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    expires_at = models.DateTimeField(_("send no later than"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="notificatio_status_next_idx")]

    def __str__(self):
        return f"{self.get_channel_display()} {self.event} → {self.masked_recipient}"

    @property
    def kind(self):
        return kinds.get(self.event)

    @property
    def masked_recipient(self):
        from portal.common.masking import mask_phone

        if self.channel == self.Channel.SMS:
            return mask_phone(self.recipient)
        name, _at, domain = self.recipient.partition("@")
        return f"{name[:1]}***@{domain}" if domain else "***"

    @property
    def shown_body(self):
        """The text as staff may read it: a login code is never shown."""
        return kinds.redact(self.event, self.body, self.params)


class Preference(models.Model):
    """How a resident wants one kind of message: SMS, email or not at all."""

    class Choice(models.TextChoices):
        SMS = "sms", _("SMS")
        EMAIL = "email", _("Email")
        NONE = "none", _("Nothing")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("message kind"), max_length=30)
    channel = models.CharField(_("send by"), max_length=10, choices=Choice.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_once")]

    def __str__(self):
        return f"{self.user} {self.kind}: {self.channel}"


class SmsTemplate(models.Model):
    """The template a vendor approved for one message kind (template code, e.g. SMS_123456789 or 1234567)."""

    kind = models.CharField(_("message kind"), max_length=30, unique=True, choices=kinds.sms_choices)
    template_code = models.CharField(
        _("template code"),
        max_length=40,
        help_text=_(
            "The code of the approved template at the SMS vendor (阿里云: SMS_ followed by digits; "
            "腾讯云: the template ID). The template's variables must be the ones listed for this kind."
        ),
    )
    active = models.BooleanField(_("active"), default=True, help_text=_("Off: this kind is not sent by SMS."))

    panels = [FieldPanel("kind"), FieldPanel("template_code"), FieldPanel("active")]

    class Meta:
        verbose_name = _("SMS template")
        verbose_name_plural = _("SMS templates")
        ordering = ["kind"]

    def __str__(self):
        return f"{kinds.get(self.kind).label if kinds.get(self.kind) else self.kind}: {self.template_code}"

    def variables(self):
        kind = kinds.get(self.kind)
        return ", ".join(kind.params) if kind else ""

    variables.short_description = _("variables, in order")


@register_setting(icon="mail")
class SmsSettings(BaseGenericSetting):
    """The sign name (签名) every text message starts with, as approved by the vendor."""

    sign_name = models.CharField(
        _("SMS sign name"),
        max_length=20,
        blank=True,
        help_text=_("The approved sign name without brackets, for example 博悦物业. Empty: the SMS_SIGN_NAME setting."),
    )

    panels = [FieldPanel("sign_name")]

    class Meta:
        verbose_name = _("SMS sign name")
