"""What happens to a request after it is stored: the audit trail, ratings and neighbours' "me too"."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .requests import WorkOrder


class Transition(models.Model):
    """One line of a request's audit trail. Written once by the service functions, never changed."""

    work_order = models.ForeignKey(
        WorkOrder, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("request")
    )
    action = models.CharField(_("action"), max_length=20)
    from_status = models.CharField(_("from"), max_length=20, blank=True, choices=WorkOrder.Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=WorkOrder.Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    actor_label = models.CharField(_("by (name)"), max_length=100, blank=True)
    by_resident = models.BooleanField(_("by the resident"), default=False)
    note = models.TextField(_("note"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("audit trail entry")
        verbose_name_plural = _("audit trail")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.work_order_id} {self.from_status}→{self.to_status}"

    @property
    def who(self):
        if self.by_resident:
            return _("Resident")
        return self.actor_label or _("System")

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionDenied("The audit trail cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionDenied("The audit trail cannot be changed.")


class Rating(models.Model):
    SATISFIED_AVERAGE = 4

    work_order = models.ForeignKey(
        WorkOrder, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("request")
    )
    speed = models.PositiveSmallIntegerField(_("speed"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    quality = models.PositiveSmallIntegerField(_("quality"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    attitude = models.PositiveSmallIntegerField(_("attitude"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(_("comment"), blank=True, max_length=500)
    satisfied = models.BooleanField(
        _("satisfied"), default=False, help_text=_("The average of the three is 4 or more.")
    )
    created_at = models.DateTimeField(_("rated"), default=timezone.now)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(speed__gte=1, speed__lte=5, quality__gte=1, quality__lte=5)
                & models.Q(attitude__gte=1, attitude__lte=5),
                name="rating_scores_1_to_5",
            )
        ]

    def __str__(self):
        return f"{self.work_order} {self.average:.1f}"

    @property
    def average(self):
        return (self.speed + self.quality + self.attitude) / 3

    def save(self, *args, **kwargs):
        self.satisfied = (self.speed + self.quality + self.attitude) >= 3 * self.SATISFIED_AVERAGE
        super().save(*args, **kwargs)


def satisfaction_rate(ratings=None):
    """Share (0..1) of ratings whose average is 4 or more; None when there are no ratings."""
    ratings = Rating.objects.all() if ratings is None else ratings
    total = ratings.count()
    if not total:
        return None
    return ratings.filter(satisfied=True).count() / total


class MeToo(models.Model):
    """A neighbour says "me too" on an open public-area request instead of filing a duplicate."""

    work_order = models.ForeignKey(
        WorkOrder, on_delete=models.CASCADE, related_name="me_toos", verbose_name=_("request")
    )
    phone = models.CharField(_("mobile number"), max_length=11, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("me too")
        verbose_name_plural = _("me too")
        constraints = [models.UniqueConstraint(fields=["work_order", "phone"], name="metoo_once_per_phone")]

    def __str__(self):
        return f"{self.work_order} +1"
