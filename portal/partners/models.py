"""Community partners (canteen, elderly care, cleaning, doctors) and who may act for them."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.common.masking import mask_phone


class Partner(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")

    name = models.CharField(
        _("name"), max_length=100, unique=True, help_text=_("For example 潍城区乐龄居家养老服务中心.")
    )
    service_kind = models.CharField(
        _("services offered"), max_length=100, help_text=_("For example 公益食堂, 居家养老, 家政保洁, 家庭医生.")
    )
    contact_name = models.CharField(_("contact person"), max_length=50)
    contact_phone = models.CharField(_("contact phone"), max_length=11)
    description = models.TextField(_("about the partner"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("applied"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def is_approved(self):
        return self.status == self.Status.APPROVED

    @property
    def masked_phone(self):
        return mask_phone(self.contact_phone)


class PartnerMembership(models.Model):
    """A login account acting for one partner."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="partner_membership",
        verbose_name=_("account"),
    )
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="members", verbose_name=_("partner"))
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("partner member")
        verbose_name_plural = _("partner members")

    def __str__(self):
        return f"{self.user} → {self.partner}"
