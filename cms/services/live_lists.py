"""What the shared "services in a category" block lists (registered in `ServicesConfig.ready`)."""

from cms.core.models.mixins import with_listing_images

from .models import ServicePage


def services_in_category(value, request):
    category = value.get("category")
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
    return {"services": services[: value.get("count") or 6]}
