"""Requests in the Wagtail admin: the request list and detail, categories with SLA targets, API keys."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from . import admin_views
from .models import ApiToken, Category, WorkOrder


class OverdueColumn(BooleanColumn):
    def get_value(self, instance):
        return instance.is_overdue()


class WorkOrderViewSet(ModelViewSet):
    model = WorkOrder
    name = "workorders_workorder"
    url_prefix = "workorders/workorder"
    icon = "clipboard-list"
    menu_label = _("Requests")
    add_to_admin_menu = False
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = admin_views.WorkOrderIndexView
    inspect_view_class = admin_views.WorkOrderInspectView
    list_display = [
        Column("number", label=_("number"), sort_key="number"),
        "category",
        "status",
        BooleanColumn("urgent", label=_("urgent")),
        OverdueColumn("overdue", label=_("overdue")),
        "grid",
        "assignee",
        Column("masked_phone", label=_("mobile number")),
        Column("submitted_at", label=_("submitted"), sort_key="submitted_at"),
    ]
    list_filter = ["status", "category", "channel", "urgent", "grid"]
    search_fields = ["number", "description"]
    list_export = ["number", "category", "status", "channel", "urgent", "grid", "submitted_at", "resolved_at"]
    form_fields = []  # requests change only through the transition buttons

    def get_urlpatterns(self):
        # No add/edit/delete: staff enter requests through "Enter a request" and move them with transitions.
        return [p for p in super().get_urlpatterns() if p.name in ("index", "index_results", "inspect")]

    def get_common_view_kwargs(self, **kwargs):
        kwargs = super().get_common_view_kwargs(**kwargs)
        kwargs.update(add_url_name=None, edit_url_name=None, delete_url_name=None)
        return kwargs

    @property
    def url_finder_class(self):
        # Wherever the admin links to a request (a category's or a steward's "usage" page), it opens the
        # request's inspect view: there is no edit view to reverse.
        return type(
            "WorkOrderAdminURLFinder",
            (ModelAdminURLFinder,),
            {"permission_policy": self.permission_policy, "edit_url_name": self.get_url_name("inspect")},
        )


class CategoryViewSet(ModelViewSet):
    model = Category
    name = "workorders_category"
    url_prefix = "workorders/category"
    icon = "tag"
    menu_label = _("Categories and SLA")
    list_display = [
        "name",
        "code",
        "kind",
        BooleanColumn("is_emergency"),
        "response_hours",
        "resolution_hours",
        "active",
    ]
    list_filter = ["kind", "is_emergency", "active"]
    form_fields = [
        "name", "name_en", "code", "kind", "description", "is_emergency",
        "response_hours", "resolution_hours", "active", "sort_order",
    ]  # fmt: skip
    copy_view_enabled = False


class ApiTokenViewSet(ModelViewSet):
    model = ApiToken
    name = "workorders_apitoken"
    url_prefix = "workorders/apitoken"
    icon = "key"
    menu_label = _("API keys")
    list_display = ["name", "user", "active", "created_at", "last_used_at"]
    form_fields = ["name", "active"]
    copy_view_enabled = False

    def get_index_view_kwargs(self, **kwargs):
        # No "add" button either: its URL is not registered, and the listing answered 500 to a superuser.
        return {**super().get_index_view_kwargs(**kwargs), "add_url_name": None}

    def get_urlpatterns(self):
        # Keys are issued with `manage.py workorder_token` (the key is shown once); here they are listed and revoked.
        return [p for p in super().get_urlpatterns() if p.name not in ("add", "copy")]


class RequestsGroup(ModelViewSetGroup):
    menu_label = _("Requests")
    menu_icon = "clipboard-list"
    menu_order = 250
    items = (WorkOrderViewSet, CategoryViewSet, ApiTokenViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return RequestsGroup()


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("workorders/enter/", admin_views.enter, name="workorders_admin_enter"),
        path("workorders/<int:pk>/transition/", admin_views.transition, name="workorders_admin_transition"),
        path("workorders/<int:pk>/hotline-reply/", admin_views.hotline_reply, name="workorders_admin_hotline_reply"),
    ]


class EnterMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("workorders.add_workorder")


@hooks.register("register_admin_menu_item")
def register_enter_menu_item():
    return EnterMenuItem(_("Enter a request"), reverse("workorders_admin_enter"), icon_name="plus", order=251)
