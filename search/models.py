"""Search configuration editors and operators change: synonyms, and the state of the index."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class Synonym(models.Model):
    """A group of words residents use for the same thing; a search for one finds all of them."""

    terms = models.CharField(
        _("terms"),
        max_length=200,
        unique=True,
        help_text=_(
            "Two or more words that mean the same, separated by spaces or commas, for example "
            "“老人 老年人 长者”. A search for any of them finds pages with the others."
        ),
    )
    note = models.CharField(
        _("note"), max_length=200, blank=True, help_text=_("Why these words belong together (optional).")
    )
    enabled = models.BooleanField(_("enabled"), default=True, help_text=_("Untick to stop using this group."))

    panels = [FieldPanel("terms"), FieldPanel("note"), FieldPanel("enabled")]

    class Meta:
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")
        ordering = ["terms"]

    def __str__(self):
        return " ↔ ".join(self.term_list())

    def term_list(self):
        from .analysis import normalize

        parts = [normalize(p) for p in self.terms.replace("，", ",").replace("、", ",").replace(",", " ").split()]
        return list(dict.fromkeys(p for p in parts if p))

    def clean(self):
        super().clean()
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("Enter at least two different words.")})
        self.terms = " ".join(self.term_list())


class IndexState(models.Model):
    """Which analysis version the search index was last built with (one row per backend name)."""

    backend = models.CharField(_("backend"), max_length=50, unique=True)
    analysis_version = models.CharField(_("analysis version"), max_length=40)
    rebuilt_at = models.DateTimeField(_("rebuilt at"))
    documents = models.PositiveIntegerField(_("documents"), default=0)

    class Meta:
        verbose_name = _("search index state")
        verbose_name_plural = _("search index states")

    def __str__(self):
        return f"{self.backend}: {self.analysis_version}"
