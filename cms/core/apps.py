from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsCoreConfig(AppConfig):
    name = "cms.core"
    label = "cms_core"
    verbose_name = _("Site core")

    def ready(self):
        from . import caching

        caching.connect()
