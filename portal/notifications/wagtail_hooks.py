"""The outbox and the SMS templates in the Wagtail admin (Settings → SMS sign name is a site setting)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import Notification, SmsTemplate


class SmsTemplateViewSet(ModelViewSet):
    model = SmsTemplate
    name = "notifications_smstemplate"
    url_prefix = "notifications/smstemplate"
    icon = "mail"
    menu_label = _("SMS templates")
    add_to_admin_menu = False
    copy_view_enabled = False
    form_fields = ["kind", "template_code", "active"]
    list_display = ["kind", "template_code", Column("variables", label=_("variables, in order")), "active"]


class OutboxViewSet(ModelViewSet):
    """Every message and its state; the dead letters are the "failed" ones. Read only."""

    model = Notification
    name = "notifications_notification"
    url_prefix = "notifications/notification"
    icon = "mail"
    menu_label = _("Outbox")
    add_to_admin_menu = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "event", "channel", "masked_recipient", "subject", "shown_body", "status", "attempts",
        "last_error", "created_at", "next_attempt_at", "sent_at",
    ]  # fmt: skip
    list_display = [
        "event",
        "channel",
        Column("masked_recipient", label=_("recipient")),
        "status",
        "attempts",
        "last_error",
        "created_at",
    ]
    list_filter = ["status", "channel", "event"]
    form_fields = []

    def get_urlpatterns(self):
        return [p for p in super().get_urlpatterns() if p.name in ("index", "index_results", "inspect")]

    def get_common_view_kwargs(self, **kwargs):
        kwargs = super().get_common_view_kwargs(**kwargs)
        kwargs.update(add_url_name=None, edit_url_name=None, delete_url_name=None)
        return kwargs


class MessagesGroup(ModelViewSetGroup):
    menu_label = _("Messages")
    menu_icon = "mail"
    menu_order = 260
    items = (OutboxViewSet, SmsTemplateViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return MessagesGroup()
