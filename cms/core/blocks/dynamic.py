"""Blocks that show live content: they query at render time, so lists stay current."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.models import Locale
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.core.models.mixins import CARD, with_listing_images
from cms.events.kinds import EventKind


class UpcomingEventsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=60)
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        required=False,
        choices=EventKind.choices,
        help_text=_("Leave empty to show every kind."),
    )
    count = blocks.IntegerBlock(label=_("How many"), default=3, min_value=1, max_value=12)

    def get_context(self, value, parent_context=None):
        from cms.events.models import EventPage

        context = super().get_context(value, parent_context)
        # Each event exists once per language: list the visitor's, never the same event twice.
        events = EventPage.objects.live().public().filter(locale=Locale.get_active(), start__gte=timezone.now())
        if value.get("kind"):
            events = events.filter(kind=value["kind"])
        events = with_listing_images(events.defer_streamfields())
        context["events"] = events.order_by("start")[: value.get("count") or 3]
        return context

    class Meta:
        icon = "date"
        group = _("Live lists")
        label = _("Upcoming events")
        description = _("The next lectures and meetings, updated automatically.")
        template = "components/blocks/upcoming_events.html"


class LatestNewsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=60)
    category = SnippetChooserBlock(
        "news.NewsCategory",
        label=_("Category"),
        required=False,
        help_text=_("Leave empty to show every category, or choose one, for example 社区通知 for notices."),
    )
    count = blocks.IntegerBlock(label=_("How many"), default=3, min_value=1, max_value=12)

    def get_context(self, value, parent_context=None):
        from cms.news.models import NewsPage

        context = super().get_context(value, parent_context)
        articles = NewsPage.objects.live().public().filter(locale=Locale.get_active())
        if value.get("category"):
            articles = articles.filter(category=value["category"])
        context["articles"] = with_listing_images(
            articles.defer_streamfields().select_related("category"), CARD
        ).order_by("-date", "-pk")[: value.get("count") or 3]
        context["index_url"] = _news_index_url(context.get("request"))
        return context

    class Meta:
        icon = "doc-full"
        group = _("Live lists")
        label = _("Latest news")
        description = _("The newest articles, of every category or of one (for example notices).")
        template = "components/blocks/latest_news.html"


def _news_index_url(request):
    from cms.news.models import NewsIndexPage

    index = NewsIndexPage.objects.live().filter(locale=Locale.get_active()).first()
    return index.get_url(request) if index is not None else ""


class ServicesInCategoryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=60)
    category = blocks.PageChooserBlock(label=_("Category"), page_type="services.ServiceCategoryPage")
    count = blocks.IntegerBlock(label=_("How many"), default=6, min_value=1, max_value=24)

    def get_context(self, value, parent_context=None):
        from cms.services.models import ServicePage

        context = super().get_context(value, parent_context)
        # A chosen page stays the source-language page in a wagtail-localize translation (pages are
        # localised at runtime): list the services of the category in the visitor's language.
        category = value.get("category")
        category = context["category"] = category.localized if category else None
        services = ServicePage.objects.none()
        if category:
            services = (
                ServicePage.objects.live()
                .public()
                .child_of(category)
                .defer_streamfields()
                .select_related("partner")
                .prefetch_related("opening_hours")
            )
            services = with_listing_images(services)
        context["services"] = services[: value.get("count") or 6]
        return context

    class Meta:
        icon = "list-ul"
        group = _("Live lists")
        label = _("Services in a category")
        description = _("The live services of one category, updated automatically.")
        template = "components/blocks/services_in_category.html"


class EmbeddedFormBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=60)
    form_page = blocks.PageChooserBlock(
        label=_("Form page"), help_text=_("A request or booking form; residents open it from here.")
    )
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=240)

    class Meta:
        icon = "form"
        group = _("Live lists")
        label = _("Embedded form")
        description = _("A link panel to a form page, for example repair requests.")
        template = "components/blocks/embedded_form.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        form_page = value.get("form_page")
        context["form_page"] = form_page.localized if form_page else None  # the visitor's language
        return context
