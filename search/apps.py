from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalSearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = _("Search")

    def ready(self):
        from portal import health, warmup

        from . import analysis, signals, status, synonyms

        signals.connect()
        analysis.use_synonyms_from(synonyms.synonym_map)
        health.register_check("search", status.search_status)
        warmup.register(analysis.warm_up)
