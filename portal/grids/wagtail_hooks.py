from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet, SnippetChosenView
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import scope
from .forms import HouseholdImportForm
from .importer import ImportFileError, import_households, read_rows
from .models import Building, Community, Grid, Household, Steward, Unit, Visit, VisitPlan


class ViewPermissionChooserViewSet(SnippetChooserViewSet):
    """Wagtail opens snippet choosers to every admin user. Households and visits are grid data (who lives
    where, who was visited when): their choosers answer only those who may view the model (managers);
    a steward works their own grid on the site (/steward/). Found by the authorization matrix."""

    def get_urlpatterns(self):
        codename = f"{self.model._meta.app_label}.view_{self.model._meta.model_name}"

        def guarded(view):
            @wraps(view)
            def wrapper(request, *args, **kwargs):
                if not request.user.has_perm(codename):
                    return permission_denied(request)
                return view(request, *args, **kwargs)

            return wrapper

        return [URLPattern(p.pattern, guarded(p.callback), p.default_args, p.name) for p in super().get_urlpatterns()]


class InScope:
    """A chooser view listing only what `scope.<scope_name>(user)` allows (the user's grids)."""

    scope_name = ""

    def scoped(self):
        user = self.request.user
        if self.scope_name == "stewards_for" and not scope.is_staff_worker(user):
            # editors pick any steward for the public "steward card" block: names on the site anyway
            return Steward.objects.all()
        return getattr(scope, self.scope_name)(user)

    def get_object_list(self):
        return self.scoped().order_by("pk")

    def get_object(self, pk):
        return self.scoped().get(pk=pk)


def grid_scoped_chooser(scope_name):
    """A snippet chooser whose lists and choices are limited to the user's grids: a steward's picker
    shows their own grid's stewards, buildings and units, a manager's all of them."""
    attrs = {"scope_name": scope_name}
    return type(
        f"{scope_name.title()}ChooserViewSet",
        (SnippetChooserViewSet,),
        {
            "choose_view_class": type("ChooseView", (InScope, ChooseView), attrs),
            "choose_results_view_class": type("ChooseResultsView", (InScope, ChooseResultsView), attrs),
            "chosen_view_class": type("ChosenView", (InScope, SnippetChosenView), attrs),
        },
    )


class CommunityViewSet(SnippetViewSet):
    model = Community
    icon = "home"
    list_display = ["name", "address"]
    search_fields = ["name", "address"]


class GridViewSet(SnippetViewSet):
    model = Grid
    icon = "table"
    list_display = ["name", "community", "number"]
    list_filter = ["community"]


class BuildingViewSet(SnippetViewSet):
    chooser_viewset_class = grid_scoped_chooser("buildings_for")
    model = Building
    icon = "home"
    list_display = ["__str__", "grid", "units", "floors"]
    list_filter = ["community", "grid"]


class UnitViewSet(SnippetViewSet):
    chooser_viewset_class = grid_scoped_chooser("units_for")
    model = Unit
    icon = "doc-empty"
    list_display = ["__str__", "building"]
    list_filter = ["building__grid"]


class HouseholdViewSet(SnippetViewSet):
    chooser_viewset_class = ViewPermissionChooserViewSet
    model = Household
    icon = "home"
    list_display = ["__str__", "members", "active"]
    list_filter = ["active", "unit__building__grid"]
    search_fields = ["room"]
    list_per_page = 50


class VisitViewSet(SnippetViewSet):
    chooser_viewset_class = ViewPermissionChooserViewSet
    model = Visit
    icon = "date"
    list_display = ["household", "steward", "visited_on", "method"]
    list_filter = ["method", "steward"]


class VisitPlanViewSet(SnippetViewSet):
    chooser_viewset_class = ViewPermissionChooserViewSet
    model = VisitPlan
    icon = "list-ul"
    list_display = ["steward", "year", "quarter"]
    list_filter = ["year", "quarter"]


class StewardViewSet(SnippetViewSet):
    chooser_viewset_class = grid_scoped_chooser("stewards_for")
    model = Steward
    icon = "user"
    list_display = ["name", "kind", "is_party_member", "active"]
    list_filter = ["kind", "active", "grids"]
    search_fields = ["name"]


class GridsGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Grids")
    menu_icon = "group"
    menu_order = 300
    items = (
        CommunityViewSet,
        GridViewSet,
        BuildingViewSet,
        UnitViewSet,
        HouseholdViewSet,
        VisitPlanViewSet,
        VisitViewSet,
        StewardViewSet,
    )


register_snippet(GridsGroup)


def import_view(request):
    """Admin upload of the household spreadsheet; reports every bad row, saves nothing when any fails."""
    if not request.user.has_perm("grids.add_household"):
        raise PermissionDenied
    form = HouseholdImportForm(request.POST or None, request.FILES or None)
    report = None
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                report = import_households(read_rows(upload, upload.name))
            except ImportFileError as exc:
                form.add_error("file", str(exc))
            else:
                if report.ok:
                    status = 200
                    messages.success(
                        request,
                        _("%(created)s households created, %(updated)s updated.")
                        % {"created": report.created, "updated": report.updated},
                    )
    return render(request, "grids/admin_import.html", {"form": form, "report": report}, status=status)


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("grids/import-households/", import_view, name="grids_import_households")]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    class ImportMenuItem(MenuItem):
        def is_shown(self, request):
            return request.user.has_perm("grids.add_household")

    return ImportMenuItem(
        gettext_lazy("Import households"), reverse("grids_import_households"), icon_name="upload", order=310
    )
