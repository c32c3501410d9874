"""What the shared "upcoming events" block lists (registered in `EventsConfig.ready`)."""

from django.utils import timezone
from wagtail.models import Locale

from cms.core.models.mixins import with_listing_images

from .models import EventPage


def upcoming_events(value, request):
    # Each event exists once per language: list the visitor's, never the same event twice.
    events = EventPage.objects.live().public().filter(locale=Locale.get_active(), start__gte=timezone.now())
    if value.get("kind"):
        events = events.filter(kind=value["kind"])
    events = with_listing_images(events.defer_streamfields())
    return {"events": events.order_by("start")[: value.get("count") or 3]}
