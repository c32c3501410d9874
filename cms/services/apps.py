from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "cms.services"
    label = "services"
    verbose_name = _("Services")

    def ready(self):
        from portal.partners.listings import register_listing_model
        from portal.workorders.booking import register_bookable

        from .models import ServicePage

        register_bookable(ServicePage)
        register_listing_model(ServicePage)
