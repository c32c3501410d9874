"""Site-wide settings editors change in the admin, so another company can rebrand without code."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from cms.core.blocks.content import LinkBlock

colour_validator = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour like #b71c1c."))


@register_setting(icon="site")
class BrandSettings(BaseSiteSetting):
    brand_name = models.CharField(
        _("brand name"), max_length=50, default="枝叶关情 潍美家园", help_text=_("Shown in the header and page titles.")
    )
    company_name = models.CharField(
        _("company name"), max_length=100, default="山东博悦物业管理有限公司", help_text=_("Shown in the footer.")
    )
    slogan = models.CharField(
        _("slogan"), max_length=100, blank=True, help_text=_("A short line under the brand name.")
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Shown in the header; a square or wide image with a transparent background works best."),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#b71c1c",
        validators=[colour_validator],
        help_text=_("Main brand colour, for example #b71c1c (party red)."),
    )
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#f9a825",
        validators=[colour_validator],
        help_text=_("Second colour for highlights, for example #f9a825 (gold)."),
    )
    hotline = models.CharField(
        _("24-hour hotline"), max_length=30, blank=True, help_text=_("Shown on every page and on emergency forms.")
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    # Site settings are one row per site, not translatable objects: the English site's words sit beside
    # the Chinese ones and replace them on /en/ when filled in (see `localize`).
    brand_name_en = models.CharField(_("brand name in English"), max_length=100, blank=True)
    slogan_en = models.CharField(_("slogan in English"), max_length=150, blank=True)
    company_name_en = models.CharField(_("company name in English"), max_length=150, blank=True)
    address_en = models.CharField(_("address in English"), max_length=250, blank=True)
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("footer links"),
        help_text=_("Links shown at the bottom of every page, for example 关于我们 or 隐私政策."),
    )
    booking_page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service booking form"),
        help_text=_("The form residents use to book or ask about a service; service pages link to it."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("brand_name"), FieldPanel("slogan"), FieldPanel("company_name"), FieldPanel("logo")],
            heading=_("Brand"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("primary_colour"), FieldPanel("accent_colour")])], heading=_("Colours")
        ),
        MultiFieldPanel([FieldPanel("hotline"), FieldPanel("address")], heading=_("Contact")),
        MultiFieldPanel(
            [
                FieldPanel("brand_name_en"),
                FieldPanel("slogan_en"),
                FieldPanel("company_name_en"),
                FieldPanel("address_en"),
            ],
            heading=_("English site"),
            help_text=_("Shown on the English pages instead of the Chinese above; left empty, the Chinese shows."),
        ),
        FieldPanel("footer_links"),
        FieldPanel("booking_page"),
    ]

    TRANSLATED_FIELDS = ("brand_name", "slogan", "company_name", "address")

    class Meta:
        verbose_name = _("brand settings")

    @classmethod
    def for_request(cls, request):
        """Wagtail's settings for this request, with the English words in place on English pages."""
        instance = super().for_request(request)
        instance.localize(translation.get_language())
        return instance

    def localize(self, language):
        """Put the English words in place of the Chinese ones on this (per-request) instance, for English."""
        if not (language or "").startswith("en"):
            return
        for name in self.TRANSLATED_FIELDS:
            english = getattr(self, f"{name}_en")
            if english:
                setattr(self, name, english)
