from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import services
from .models import AuditLog, ResidentProfile


def bindings_view(request):
    if not services.can_decide_bindings(request.user):
        raise PermissionDenied
    pending = ResidentProfile.objects.filter(status=ResidentProfile.Status.PENDING).select_related(
        "user", "household__unit__building"
    )
    return render(request, "accounts/admin_bindings.html", {"pending": pending})


@require_POST
def binding_decide_view(request, pk):
    if not services.can_decide_bindings(request.user):
        raise PermissionDenied
    profile = get_object_or_404(ResidentProfile, pk=pk)
    services.decide_binding(request.user, profile, request.POST.get("decision") == "approve")
    return redirect("accounts_bindings")


def audit_log_view(request):
    if not request.user.has_perm("accounts.view_auditlog"):
        raise PermissionDenied
    entries = AuditLog.objects.all()
    action = request.GET.get("action", "")
    if action in AuditLog.Action.values:
        entries = entries.filter(action=action)
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/admin_audit_log.html",
        {"page_obj": page, "actions": AuditLog.Action.choices, "action": action},
    )


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("accounts/bindings/", bindings_view, name="accounts_bindings"),
        path("accounts/bindings/<int:pk>/", binding_decide_view, name="accounts_binding_decide"),
        path("accounts/audit-log/", audit_log_view, name="accounts_audit_log"),
    ]


class _PermissionMenuItem(MenuItem):
    def __init__(self, *args, check, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request):
        return self.check(request.user)


@hooks.register("register_admin_menu_item")
def register_bindings_menu():
    return _PermissionMenuItem(
        gettext_lazy("Home links to approve"),
        reverse("accounts_bindings"),
        icon_name="user",
        order=320,
        check=services.can_decide_bindings,
    )


@hooks.register("register_admin_menu_item")
def register_audit_menu():
    return _PermissionMenuItem(
        gettext_lazy("Audit log"),
        reverse("accounts_audit_log"),
        icon_name="history",
        order=330,
        check=lambda user: user.has_perm("accounts.view_auditlog"),
    )
