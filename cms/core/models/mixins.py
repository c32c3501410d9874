"""Small abstract mixins composed into `BasePage`, so no field pair is copied onto ten models."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index


class ListingMixin(models.Model):
    """What a page shows when it appears in a list or a card: a short title, summary and image."""

    listing_summary = models.CharField(
        _("listing summary"),
        max_length=200,
        blank=True,
        help_text=_("One or two sentences shown in lists and search results."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("listing image"),
        help_text=_("Shown in lists and when the page is shared."),
    )
    listing_image_alt = models.CharField(
        _("listing image description"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the picture shows, for visitors who cannot see it, in this page's language. "
            "Leave empty to use the image's own description. It is translated with the page."
        ),
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("listing_image"), FieldPanel("listing_image_alt")],
            heading=_("In lists"),
        )
    ]

    class Meta:
        abstract = True


class BasePage(ListingMixin, Page):
    """Every content page: listing fields, searchable title (boosted) and API fields."""

    search_fields = [
        *Page.search_fields,
        index.SearchField("title", boost=3),
        index.SearchField("listing_summary"),
    ]
    api_fields = [APIField("listing_summary"), APIField("listing_image"), APIField("listing_image_alt")]
    promote_panels = [*Page.promote_panels, *ListingMixin.listing_panels]

    class Meta:
        abstract = True


THUMBNAIL = "fill-320x180"
CARD = "fill-640x360"


def with_listing_images(queryset, *specs):
    """`queryset` with each page's listing image and its renditions `specs` read in two queries,
    not two per page (Wagtail's `prefetch_renditions`)."""
    from django.db.models import Prefetch
    from wagtail.images import get_image_model

    images = get_image_model().objects.prefetch_renditions(*(specs or (THUMBNAIL,)))
    return queryset.prefetch_related(Prefetch("listing_image", queryset=images))
