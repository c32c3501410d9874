"""The public monthly 公示 pages and their index (数据公开), and the permissions of the data centre."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page


class PublicReportIndexPage(Page):
    """数据公开: the list of the monthly 公示 pages, newest first, in the main menu from its creation."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few words above the list, for example what the figures cover."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["stats.PublicReportPage"]
    max_count_per_parent = 1
    show_in_menus_default = True
    template = "pages/public_report_index_page.html"

    class Meta:
        verbose_name = _("public figures (数据公开)")
        verbose_name_plural = _("public figures (数据公开)")

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        reports = (
            PublicReportPage.objects.live()
            .public()
            .child_of(self)
            .only("title", "url_path", "path", "depth", "year", "month")
            .order_by("-year", "-month")
        )
        context["reports"] = Paginator(reports, 24).get_page(request.GET.get("page"))
        return context


class PublicReportPage(Page):
    """A month's figures for residents (公示): totals and rates only, never personal data."""

    #: The current month's figures change with every request: kept a minute in the page cache
    #: (cms/core/caching.py), not until the next publish.
    cache_seconds = 60

    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)], help_text=_("For example 2026.")
    )
    month = models.PositiveSmallIntegerField(
        _("month"), validators=[MinValueValidator(1), MaxValueValidator(12)], help_text=_("1 to 12.")
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A few words above the figures, for example thanks to the stewards."),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("year"), FieldPanel("month")], heading=_("Month reported")),
        FieldPanel("intro"),
    ]
    api_fields = [APIField("year"), APIField("month"), APIField("intro"), APIField("figures")]

    parent_page_types = ["stats.PublicReportIndexPage"]
    subpage_types = []
    template = "pages/public_report_page.html"

    class Meta:
        verbose_name = _("monthly public report (公示)")
        verbose_name_plural = _("monthly public reports (公示)")
        permissions = [
            ("view_dashboard", _("Can view the data centre dashboard")),
            ("export_statistics", _("Can download statistics as Excel")),
        ]

    def clean(self):
        super().clean()
        if self.year and self.month:
            clash = PublicReportPage.objects.filter(year=self.year, month=self.month, locale_id=self.locale_id)
            if self.pk:
                clash = clash.exclude(pk=self.pk)
            if clash.exists():
                raise ValidationError({"month": _("There is already a report for this month.")})

    @property
    def figures(self):
        from .figures import month_bounds, public_figures

        start, end = month_bounds(self.year, self.month)
        return public_figures(start, end)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = self.figures
        return context
