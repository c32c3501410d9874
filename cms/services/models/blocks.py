"""Blocks only service listings use: prices and the canteen's weekly menu."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from portal.common.weekdays import WEEKDAYS


class PriceBlock(blocks.StructBlock):
    item = blocks.CharBlock(label=_("Item"), max_length=100, help_text=_("For example 上门保洁 2 小时."))
    price = blocks.CharBlock(label=_("Price"), max_length=50, help_text=_("For example ¥80 or 免费."))
    note = blocks.CharBlock(label=_("Note"), max_length=200, required=False)

    class Meta:
        icon = "tag"
        label = _("Price")


class MenuDayValue(blocks.StructValue):
    def weekday_label(self):
        return dict(WEEKDAYS).get(int(self.get("weekday") or 0), "")


class MenuDayBlock(blocks.StructBlock):
    weekday = blocks.ChoiceBlock(label=_("Day"), choices=[(str(n), label) for n, label in WEEKDAYS])
    lunch = blocks.ListBlock(blocks.CharBlock(label=_("Dish"), max_length=60), label=_("Lunch"), min_num=1)
    dinner = blocks.ListBlock(blocks.CharBlock(label=_("Dish"), max_length=60), label=_("Dinner"), required=False)
    price = blocks.CharBlock(
        label=_("Price"), max_length=50, required=False, help_text=_("For example 老人 ¥8 / 其他 ¥12.")
    )

    class Meta:
        icon = "list-ul"
        label = _("Menu of one day")
        value_class = MenuDayValue
