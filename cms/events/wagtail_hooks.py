"""Staff see sign-ups and attendance in the admin and export them to Excel; phones are masked."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from .models import EventSignup


class EventSignupViewSet(ModelViewSet):
    model = EventSignup
    icon = "date"
    menu_label = _("Event sign-ups")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "masked_phone", "party_size", "status", "event_title", "code", "attended_at"]
    list_filter = ["event", "status"]
    search_fields = ["name", "code"]
    list_export = ["event_title", "name", "masked_phone", "party_size", "status", "code", "created_at", "attended_at"]
    export_filename = "event-signups"
    form_fields = ["status"]
    inspect_view_enabled = True
    inspect_view_fields = ["event", "name", "masked_phone", "party_size", "status", "code", "created_at", "attended_at"]

    def get_queryset(self, request):
        return EventSignup.objects.select_related("event")


@hooks.register("register_admin_viewset")
def register_signup_viewset():
    return EventSignupViewSet("event_signups")
