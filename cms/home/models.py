"""The home page: one per site, the root of the portal's page tree."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.coreutils import resolve_model_string
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, get_page_models
from wagtail.search import index

from cms.core.blocks import HomeStreamBlock


class HomePage(Page):
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short welcome shown under the brand name."),
    )
    body = StreamField(
        HomeStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Build the home page from blocks: banner, figures, upcoming events, services..."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    api_fields = [APIField("intro"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.StandardPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "services.ServiceIndexPage",
        "stats.PublicReportIndexPage",
    ]
    # No max_count: wagtail-localize keeps each locale's home page under the same root.
    template = "pages/home_page.html"

    @classmethod
    def clean_subpage_models(cls):
        """The listed types, plus page types of other apps that name the home page as their parent
        (request forms, public reports...), so those apps need not edit this one."""
        if cls._clean_subpage_models is None:
            listed = [resolve_model_string(name, cls._meta.app_label) for name in cls.subpage_types]
            opted_in = [
                model
                for model in get_page_models()
                if model not in listed
                and (
                    model._meta.app_label == "cms_forms"
                    or "home.HomePage" in (getattr(model, "parent_page_types", None) or [])
                )
            ]
            cls._clean_subpage_models = listed + opted_in
        return cls._clean_subpage_models

    class Meta:
        verbose_name = _("home page")
