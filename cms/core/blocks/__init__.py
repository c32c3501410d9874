"""The shared block library: one definition of each block, composed into a few stream blocks.

`content` holds text and media blocks, `cards` people and figures, `dynamic` blocks that query
live content. `BodyStreamBlock` is the body of every content page; `HomeStreamBlock` adds limits
for the home page. Every block has an icon, a group, a description and a preview.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .cards import CardGridBlock, ContactCardBlock, StatisticsBlock, StewardCardBlock
from .content import (
    CallToActionBlock,
    DocumentLinksBlock,
    FAQBlock,
    GalleryBlock,
    HeroBlock,
    ImageBlock,
    QuoteBlock,
    RichTextBlock,
    TableBlock,
)
from .dynamic import EmbeddedFormBlock, LatestNewsBlock, ServicesInCategoryBlock, UpcomingEventsBlock

__all__ = ["BodyStreamBlock", "HomeStreamBlock", "AgendaBlock"]


def body_blocks():
    return [
        ("hero", HeroBlock()),
        ("rich_text", RichTextBlock()),
        ("image", ImageBlock()),
        ("gallery", GalleryBlock()),
        ("call_to_action", CallToActionBlock()),
        ("card_grid", CardGridBlock()),
        ("statistics", StatisticsBlock()),
        ("contact_card", ContactCardBlock()),
        ("steward_card", StewardCardBlock()),
        ("faq", FAQBlock()),
        ("embedded_form", EmbeddedFormBlock()),
        ("upcoming_events", UpcomingEventsBlock()),
        ("latest_news", LatestNewsBlock()),
        ("services_in_category", ServicesInCategoryBlock()),
        ("quote", QuoteBlock()),
        ("table", TableBlock()),
        ("documents", DocumentLinksBlock()),
    ]


class BodyStreamBlock(blocks.StreamBlock):
    """The body of brand, news, event and service pages."""

    def __init__(self, local_blocks=None, **kwargs):
        super().__init__(local_blocks or body_blocks(), **kwargs)

    class Meta:
        block_counts = {"hero": {"max_num": 1}}


class HomeStreamBlock(BodyStreamBlock):
    """The home page body: one hero at most, the same blocks otherwise."""

    class Meta:
        block_counts = {"hero": {"max_num": 1}, "statistics": {"max_num": 2}}


class AgendaItemBlock(blocks.StructBlock):
    time = blocks.CharBlock(label=_("Time"), max_length=20, required=False, help_text=_("For example 14:30."))
    item = blocks.CharBlock(label=_("Item"), max_length=200)

    class Meta:
        icon = "time"
        label = _("Agenda item")


class AgendaBlock(blocks.StreamBlock):
    item = AgendaItemBlock()

    class Meta:
        template = "components/blocks/agenda.html"
