"""Service directory pages: index → category (公益食堂, 居家养老...) → service listing."""

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.core.blocks import BodyStreamBlock
from cms.core.blocks.content import ImageBlock
from cms.core.models import BasePage
from cms.core.models.mixins import with_listing_images

from .blocks import WEEKDAYS, MenuDayBlock, PriceBlock


class ServiceIndexPage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["services.ServiceCategoryPage"]
    max_count_per_parent = 1
    template = "pages/service_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["categories"] = (
            ServiceCategoryPage.objects.live()
            .public()
            .child_of(self)
            .select_related("listing_image")
            # What the cards show and link to; all ~40 columns of each page cost more to build.
            .only("title", "url_path", "path", "depth", "listing_summary", "listing_image")
        )
        return context

    class Meta:
        verbose_name = _("service directory")


class ServiceCategoryPage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("body")]
    parent_page_types = ["services.ServiceIndexPage"]
    subpage_types = ["services.ServicePage"]
    template = "pages/service_category_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = (
            ServicePage.objects.live()
            .public()
            .child_of(self)
            .defer_streamfields()
            .select_related("partner")
            .prefetch_related("opening_hours")
        )
        context["services"] = with_listing_images(context["services"])
        return context

    class Meta:
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")


class ServicePage(RoutablePageMixin, BasePage):
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="listings",
        verbose_name=_("provider (partner)"),
        help_text=_("The partner who provides the service and may edit this listing."),
    )
    description = RichTextField(
        _("description"), blank=True, features=["h2", "h3", "bold", "italic", "ul", "ol", "link"]
    )
    photos = StreamField([("photo", ImageBlock())], blank=True, verbose_name=_("photos"))
    prices = StreamField([("price", PriceBlock())], blank=True, verbose_name=_("prices"))
    contact_name = models.CharField(_("contact person"), max_length=50, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    service_area = ParentalManyToManyField(
        "grids.Community",
        blank=True,
        related_name="+",
        verbose_name=_("communities served"),
        help_text=_("Leave empty if the service is open to every community."),
    )
    area_note = models.CharField(
        _("buildings or area"), max_length=200, blank=True, help_text=_("For example 圣菲漫步 1-12 号楼.")
    )
    eligibility = models.TextField(
        _("who can use it"), blank=True, help_text=_("For example 60 岁以上老人，凭老年证享受优惠.")
    )
    hours_note = models.CharField(
        _("hours note"), max_length=200, blank=True, help_text=_("For example 法定节假日休息.")
    )
    weekly_menu = StreamField(
        [("day", MenuDayBlock())],
        blank=True,
        verbose_name=_("weekly menu"),
        help_text=_("Canteens only: one block per day."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("partner", permission="services.change_servicepage"),
        FieldPanel("description"),
        FieldPanel("photos"),
        FieldPanel("prices"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_phone")]), FieldPanel("address")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("service_area"), FieldPanel("area_note"), FieldPanel("eligibility")], heading=_("Who and where")
        ),
        MultiFieldPanel(
            [InlinePanel("opening_hours", label=_("Opening hours")), FieldPanel("hours_note")], heading=_("Hours")
        ),
        FieldPanel("weekly_menu"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.SearchField("eligibility"),
        index.SearchField("weekly_menu"),
        index.RelatedFields("partner", [index.SearchField("name")]),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("category"),
        APIField("partner_name"),
        APIField("description"),
        APIField("photos"),
        APIField("prices"),
        APIField("contact_name"),
        APIField("contact_phone"),
        APIField("address"),
        APIField("area_names"),
        APIField("area_note"),
        APIField("eligibility"),
        APIField("opening_hours"),
        APIField("hours_note"),
        APIField("open_now"),
        APIField("weekly_menu"),
    ]
    parent_page_types = ["services.ServiceCategoryPage"]
    subpage_types = []
    template = "pages/service_page.html"

    class Meta:
        verbose_name = _("service listing")
        verbose_name_plural = _("service listings")

    @property
    def category(self):
        parent = self.get_parent()
        return {"id": parent.pk, "title": parent.title} if parent else None

    @property
    def partner_name(self):
        return self.partner.name if self.partner_id else ""

    @property
    def area_names(self):
        return [community.name for community in self.service_area.all()]

    def is_open_at(self, moment):
        local = timezone.localtime(moment)
        weekday, now = local.weekday(), local.time()
        return any(row.weekday == weekday and row.opens <= now < row.closes for row in self.opening_hours.all())

    @property
    def open_now(self):
        return self.is_open_at(timezone.now())

    def booking_url(self, request=None):
        """The site's service booking form with this service preselected, if the brand settings name one."""
        from cms.core.models import BrandSettings

        brand = BrandSettings.for_request(request) if request else BrandSettings.for_site(self.get_site())
        booking = brand.booking_page
        if booking is None or not booking.live:
            return ""
        booking = booking.localized  # the English form for the English page, where it is translated
        return f"{booking.url}?service={self.pk}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["booking_url"] = self.booking_url(request)
        return context

    @path("poster/")
    def poster(self, request):
        return TemplateResponse(request, "pages/poster.html", {"page": self, "poster_url": self.get_full_url(request)})


class OpeningHours(Orderable):
    page = ParentalKey(ServicePage, on_delete=models.CASCADE, related_name="opening_hours")
    weekday = models.PositiveSmallIntegerField(_("day"), choices=WEEKDAYS)
    opens = models.TimeField(_("opens"))
    closes = models.TimeField(_("closes"))

    panels = [FieldRowPanel([FieldPanel("weekday"), FieldPanel("opens"), FieldPanel("closes")])]
    api_fields = [APIField("weekday"), APIField("opens"), APIField("closes")]

    class Meta(Orderable.Meta):
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def clean(self):
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("Closing time must be after opening time.")})
