"""Staff review partners in the Wagtail admin: list, inspect, approve or reject."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.viewsets.model import ModelViewSet

from . import services
from .models import Partner


class PartnerViewSet(ModelViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    add_to_admin_menu = True
    menu_order = 400
    list_display = ["name", "service_kind", "contact_name", "masked_phone", "status", "created_at"]
    list_filter = ["status"]
    search_fields = ["name", "service_kind", "contact_name"]
    form_fields = ["name", "service_kind", "contact_name", "contact_phone", "description"]
    inspect_view_enabled = True
    inspect_view_fields = ["name", "service_kind", "contact_name", "masked_phone", "description", "status"]

    def review(self, request, pk, decision):
        partner = get_object_or_404(Partner, pk=pk)
        if request.method != "POST" or not self.permission_policy.user_has_permission(request.user, "change"):
            return permission_denied(request)
        if decision == "approve":
            services.approve(partner, request.user)
            messages.success(request, _("%(name)s is approved.") % {"name": partner.name})
        else:
            services.reject(partner, request.user)
            messages.warning(request, _("%(name)s is rejected.") % {"name": partner.name})
        return redirect(self.get_url_name("index"))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/approve/", lambda request, pk: self.review(request, pk, "approve"), name="approve"),
            path("<int:pk>/reject/", lambda request, pk: self.review(request, pk, "reject"), name="reject"),
        ]


partner_viewset = PartnerViewSet("partner_admin")


@hooks.register("register_admin_viewset")
def register_partner_viewset():
    return partner_viewset
