from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "cms.services"
    label = "services"
    verbose_name = _("Services")

    def ready(self):
        from cms.core.blocks.dynamic import register_live_list
        from cms.core.workflows import LISTING_WORKFLOW, review_pages
        from portal.partners.listings import register_listing_model
        from portal.workorders.booking import register_bookable

        from .live_lists import services_in_category
        from .models import ServiceIndexPage, ServicePage

        register_bookable(ServicePage)
        register_listing_model(ServicePage)
        review_pages(ServiceIndexPage, LISTING_WORKFLOW)
        register_live_list("services_in_category", services_in_category)
