"""Days of the week as stored (0 = Monday, as `date.weekday()`) with their translatable names.

Shared by the service listings' opening hours (cms.services) and the partner's listing editor
(portal.partners), which must offer the same choices.
"""

from django.utils.translation import gettext_lazy as _

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]
