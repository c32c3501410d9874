"""What the shared "services in a category" block lists (registered in `ServicesConfig.ready`)."""

from cms.core.models.mixins import with_listing_images

from .models import ServicePage


def services_in_category(value, request):
    # A chosen page stays the source-language page in a wagtail-localize translation (pages are
    # localised at runtime): list the services of the category in the visitor's language.
    category = value.get("category")
    category = category.localized if category else None
    services = ServicePage.objects.none()
    if category:
        services = (
            ServicePage.objects.live()
            .public()
            .child_of(category)
            .defer_streamfields()
            .select_related("partner")
            .prefetch_related("opening_hours")
        )
        services = with_listing_images(services)
    return {"category": category, "services": services[: value.get("count") or 6]}
