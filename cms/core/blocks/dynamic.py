"""Blocks that show live content: they query at render time, so lists stay current.

The blocks are part of every page body, so they live here; what they list belongs to a content
area, which registers the query with `register_live_list` (cms.events, cms.news, cms.services in
their AppConfig.ready). cms/core imports no content area (docs/architecture.md, "Layers"). A block
whose area is not installed lists nothing.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.core.event_kinds import EventKind

_live_lists = {}


def register_live_list(name, query):
    """`query(value, request)` returns the context the block `name` renders (a dict)."""
    _live_lists[name] = query
    return query


def _live_context(name, value, context, empty):
    query = _live_lists.get(name)
    context.update(empty if query is None else query(value, context.get("request")))
    return context


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
        context = super().get_context(value, parent_context)
        return _live_context("upcoming_events", value, context, {"events": []})

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
        context = super().get_context(value, parent_context)
        return _live_context("latest_news", value, context, {"articles": [], "index_url": ""})

    class Meta:
        icon = "doc-full"
        group = _("Live lists")
        label = _("Latest news")
        description = _("The newest articles, of every category or of one (for example notices).")
        template = "components/blocks/latest_news.html"


class ServicesInCategoryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=60)
    category = blocks.PageChooserBlock(label=_("Category"), page_type="services.ServiceCategoryPage")
    count = blocks.IntegerBlock(label=_("How many"), default=6, min_value=1, max_value=24)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        return _live_context("services_in_category", value, context, {"services": []})

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
