from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Building, Community, Grid, Steward


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
    model = Building
    icon = "home"
    list_display = ["__str__", "grid", "units", "floors"]
    list_filter = ["community", "grid"]


class StewardViewSet(SnippetViewSet):
    model = Steward
    icon = "user"
    list_display = ["name", "kind", "is_party_member", "active"]
    list_filter = ["kind", "active", "grids"]
    search_fields = ["name"]


class GridsGroup(SnippetViewSetGroup):
    menu_label = _("Grids")
    menu_icon = "group"
    menu_order = 300
    items = (CommunityViewSet, GridViewSet, BuildingViewSet, StewardViewSet)


register_snippet(GridsGroup)
