"""12345 city-hotline orders (12345 政务服务便民热线工单): the hotline's own ticket, its deadlines and the
reply the company owes back. One per request that came from the hotline; the request itself is an
ordinary work order (channel "12345") worked like any other."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .requests import WorkOrder


class HotlineOrderQuerySet(models.QuerySet):
    def received_in(self, start, end):
        """Orders whose request was received in [start, end) (datetimes)."""
        return self.filter(work_order__submitted_at__gte=start, work_order__submitted_at__lt=end)


class HotlineOrder(models.Model):
    work_order = models.OneToOneField(
        WorkOrder, on_delete=models.CASCADE, related_name="hotline", verbose_name=_("request")
    )
    ticket = models.CharField(
        _("12345 ticket number"), max_length=40, unique=True, help_text=_("The number on the hotline's order.")
    )
    deadline = models.DateTimeField(_("hotline deadline"), help_text=_("When the hotline wants the problem handled."))
    reply_due = models.DateTimeField(_("reply due"), help_text=_("When the hotline expects the company's reply."))
    reply = models.TextField(_("reply to the hotline"), max_length=2000, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("replied by"),
    )
    replied_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = HotlineOrderQuerySet.as_manager()

    class Meta:
        verbose_name = _("12345 hotline order")
        verbose_name_plural = _("12345 hotline orders")
        ordering = ["-created_at"]

    def __str__(self):
        return self.ticket

    def handled_at(self):
        """When the request was resolved (or closed), or None while it is open."""
        order = self.work_order
        return order.resolved_at or order.closed_at

    def past_deadline(self, now=None):
        """Handled after the hotline's deadline, or still open past it."""
        handled = self.handled_at()
        return (handled or now or timezone.now()) > self.deadline

    def reply_late(self, now=None):
        """Replied after the reply was due, or not replied and past it."""
        return (self.replied_at or now or timezone.now()) > self.reply_due
