"""Blocks that show live content: they query at render time, so lists stay current."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.events.kinds import EventKind


class UpcomingEventsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=60)
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        required=False,
        choices=EventKind.choices,
        help_text=_("Leave empty to show every kind."),
    )
    count = blocks.IntegerBlock(label=_("How many"), default=3, min_value=1, max_value=12)

    def get_context(self, value, parent_context=None):
        from cms.events.models import EventPage

        context = super().get_context(value, parent_context)
        events = EventPage.objects.live().public().filter(start__gte=timezone.now())
        if value.get("kind"):
            events = events.filter(kind=value["kind"])
        context["events"] = events.defer_streamfields().order_by("start")[: value.get("count") or 3]
        return context

    class Meta:
        icon = "date"
        group = _("Live lists")
        label = _("Upcoming events")
        description = _("The next lectures and meetings, updated automatically.")
        template = "components/blocks/upcoming_events.html"


class ServicesInCategoryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=60)
    category = blocks.PageChooserBlock(label=_("Category"), page_type="services.ServiceCategoryPage")
    count = blocks.IntegerBlock(label=_("How many"), default=6, min_value=1, max_value=24)

    def get_context(self, value, parent_context=None):
        from cms.services.models import ServicePage

        context = super().get_context(value, parent_context)
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
        context["services"] = services[: value.get("count") or 6]
        return context

    class Meta:
        icon = "list-ul"
        group = _("Live lists")
        label = _("Services in a category")
        description = _("The live services of one category, updated automatically.")
        template = "components/blocks/services_in_category.html"


class EmbeddedFormBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=60)
    form_page = blocks.PageChooserBlock(
        label=_("Form page"), help_text=_("A request or booking form; residents open it from here.")
    )
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=240)

    class Meta:
        icon = "form"
        group = _("Live lists")
        label = _("Embedded form")
        description = _("A link panel to a form page, for example repair requests.")
        template = "components/blocks/embedded_form.html"
