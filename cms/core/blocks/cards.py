"""People, figures and cards."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from .content import LinkBlock


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=60)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=240)
    image = ImageChooserBlock(label=_("Image"), required=False)
    link = LinkBlock(label=_("Link"), required=False)

    class Meta:
        icon = "form"
        label = _("Card")


class CardGridBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=60)
    cards = blocks.ListBlock(CardBlock(), label=_("Cards"), min_num=1, max_num=12)

    class Meta:
        icon = "table"
        group = _("Layout")
        label = _("Card grid")
        description = _("Several cards side by side, each with a title, text, image and link.")
        template = "components/blocks/card_grid.html"
        preview_value = {"heading": "社区服务", "cards": [{"title": "公益食堂"}, {"title": "居家养老"}]}


class StatisticBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Figure"), max_length=20, help_text=_("For example 9480, or 90+ for a rate."))
    label = blocks.CharBlock(label=_("Label"), max_length=40, help_text=_("For example 满意率."))
    unit = blocks.CharBlock(label=_("Unit"), max_length=10, required=False, help_text=_("For example 件."))

    class Meta:
        icon = "success"
        label = _("Figure")


class StatisticsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=60)
    items = blocks.ListBlock(StatisticBlock(), label=_("Figures"), min_num=1, max_num=6)

    class Meta:
        icon = "success"
        group = _("People and figures")
        label = _("Statistics")
        description = _("Key figures such as satisfaction rate and requests handled.")
        template = "components/blocks/statistics.html"
        preview_value = {
            "items": [
                {"value": "90%+", "label": "满意率"},
                {"value": "9480", "label": "累计报事报修", "unit": "件"},
            ]
        }


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=60)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=60)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=30)
    address = blocks.CharBlock(label=_("Address"), required=False, max_length=200)
    hours = blocks.CharBlock(label=_("Hours"), required=False, max_length=100)

    class Meta:
        icon = "mail"
        group = _("People and figures")
        label = _("Contact card")
        description = _("A name, phone, address and hours, for example of the service station.")
        template = "components/blocks/contact_card.html"
        preview_value = {"name": "圣菲漫步党群服务站", "phone": "0536-8888 1234", "hours": "8:30-17:30"}


class StewardCardBlock(blocks.StructBlock):
    steward = SnippetChooserBlock("grids.Steward", label=_("Steward"))
    note = blocks.CharBlock(label=_("Note"), required=False, max_length=120)

    class Meta:
        icon = "user"
        group = _("People and figures")
        label = _("Steward card")
        description = _("A grid steward (红管家) with photo and work phone.")
        template = "components/blocks/steward_card.html"
