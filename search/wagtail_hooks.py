"""Synonyms in the Wagtail admin (Settings → Search synonyms), for editors to extend."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    menu_name = "search-synonyms"
    add_to_settings_menu = True
    list_display = ["terms", "note", "enabled"]
    list_filter = ["enabled"]
    search_fields = ["terms", "note"]


register_snippet(SynonymViewSet)
