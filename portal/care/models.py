"""The care of elders living alone (独居老人关爱) beyond the roster and its visits: the weekly call to the
family, festival campaigns (春节 福字, 端午 粽子, 中秋 月饼) and hand-offs to the elderly-care and
family-doctor services. Every row hangs off a `grids.CareRecipient` and follows its consent and audit
rules (see `services`)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.grids.models import CareRecipient


class FamilyContact(models.Model):
    """One contact with an elder's family: who, when, by what means, what was said. Personal data."""

    class Means(models.TextChoices):
        PHONE = "phone", _("Phone call")
        WECHAT = "wechat", _("WeChat")
        VISIT = "visit", _("In person")

    recipient = models.ForeignKey(
        CareRecipient, on_delete=models.CASCADE, related_name="family_contacts", verbose_name=_("elder")
    )
    contacted_on = models.DateField(_("date"), default=timezone.localdate)
    person = models.CharField(_("who was contacted"), max_length=50, help_text=_("For example 儿子 庞先生."))
    means = models.CharField(_("by"), max_length=10, choices=Means.choices, default=Means.PHONE)
    summary = models.TextField(_("what was said"), max_length=1000)
    follow_up = models.CharField(
        _("follow-up needed"), max_length=200, blank=True, help_text=_("Empty when nothing is to be done.")
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("entered by")
    )
    created_at = models.DateTimeField(_("entered"), auto_now_add=True)

    class Meta:
        verbose_name = _("family contact")
        verbose_name_plural = _("family contacts")
        ordering = ["-contacted_on", "-pk"]
        indexes = [models.Index(fields=["recipient", "-contacted_on"], name="care_contact_recent")]

    def __str__(self):
        return f"{self.recipient} · {self.contacted_on}"


class Campaign(models.Model):
    """A festival visit to every active elder on the roster (送福字、送粽子、送月饼)."""

    class Festival(models.TextChoices):
        SPRING = "spring", _("Spring Festival (春节)")
        DRAGON_BOAT = "dragon_boat", _("Dragon Boat Festival (端午)")
        MID_AUTUMN = "mid_autumn", _("Mid-Autumn Festival (中秋)")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=80)
    festival = models.CharField(_("festival"), max_length=20, choices=Festival.choices)
    gift = models.CharField(_("gift"), max_length=80, help_text=_("For example 月饼 or 福字、春联."))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("created by")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("festival campaign")
        verbose_name_plural = _("festival campaigns")
        ordering = ["-starts_on", "-pk"]

    def __str__(self):
        return self.name


class CampaignVisit(models.Model):
    """An elder visited in a campaign (the row exists once it is done)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="visits", verbose_name=_("campaign"))
    recipient = models.ForeignKey(
        CareRecipient, on_delete=models.CASCADE, related_name="campaign_visits", verbose_name=_("elder")
    )
    note = models.CharField(_("note"), max_length=200, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("done by")
    )
    done_at = models.DateTimeField(_("done at"), auto_now_add=True)

    class Meta:
        verbose_name = _("campaign visit")
        verbose_name_plural = _("campaign visits")
        constraints = [models.UniqueConstraint(fields=["campaign", "recipient"], name="care_visit_once")]

    def __str__(self):
        return f"{self.campaign} · {self.recipient}"


class Handoff(models.Model):
    """A service booked for an elder by their steward: the booking is an ordinary request (`work_order`)."""

    class Service(models.TextChoices):
        ELDERLY_CARE = "elderly_care", _("Home elderly care (居家养老)")
        FAMILY_DOCTOR = "family_doctor", _("Family doctor (家庭医生)")

    recipient = models.ForeignKey(
        CareRecipient, on_delete=models.CASCADE, related_name="handoffs", verbose_name=_("elder")
    )
    service = models.CharField(_("service"), max_length=20, choices=Service.choices)
    work_order = models.OneToOneField(
        "workorders.WorkOrder", on_delete=models.PROTECT, related_name="care_handoff", verbose_name=_("booking")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("booked by")
    )
    created_at = models.DateTimeField(_("booked"), auto_now_add=True)

    class Meta:
        verbose_name = _("hand-off")
        verbose_name_plural = _("hand-offs")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.recipient} · {self.get_service_display()}"
