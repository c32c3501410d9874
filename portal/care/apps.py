from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CareConfig(AppConfig):
    name = "portal.care"
    label = "care"
    verbose_name = _("Care of elders living alone")
