from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "cms.home"
    label = "home"
    verbose_name = _("Home")

    def ready(self):
        from cms.core.workflows import review_pages

        from .models import HomePage

        review_pages(HomePage, root=True)
