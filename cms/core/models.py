"""Site-wide settings editors change in the admin, so another company can rebrand without code."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


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
    hotline = models.CharField(
        _("24-hour hotline"), max_length=30, blank=True, help_text=_("Shown on every page and on emergency forms.")
    )
    address = models.CharField(_("address"), max_length=200, blank=True)

    panels = [
        MultiFieldPanel(
            [FieldPanel("brand_name"), FieldPanel("slogan"), FieldPanel("company_name")], heading=_("Brand")
        ),
        MultiFieldPanel([FieldPanel("hotline"), FieldPanel("address")], heading=_("Contact")),
    ]

    class Meta:
        verbose_name = _("brand settings")
