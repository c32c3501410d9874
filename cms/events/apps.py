from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "cms.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from cms.core.blocks.dynamic import register_live_list
        from cms.core.workflows import review_pages

        from .live_lists import upcoming_events
        from .models import EventIndexPage

        review_pages(EventIndexPage)
        register_live_list("upcoming_events", upcoming_events)
