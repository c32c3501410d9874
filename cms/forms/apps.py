from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsFormsConfig(AppConfig):
    name = "cms.forms"
    label = "cms_forms"
    verbose_name = _("Request forms")
