"""Which pages anonymous visitors may see, without a query per listing.

Wagtail's `PageQuerySet.public()` reads every page view restriction each time it is called, and its
privacy check reads the restrictions of a page's ancestors on every page view. Listings, the menu
and the breadcrumbs call `public()` on every page, so the restricted sections are read once per
content generation instead (`portal.pagecache.memo`): a change to a restriction bumps the
generation like any content change.
"""

from django.db.models import Q
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction

from portal.pagecache.memo import memo


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (their subtrees are private)."""
    return memo("restricted_paths", lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)))


def public(queryset):
    """`queryset.public()`, with the restricted sections from the memo."""
    paths = restricted_paths()
    if not paths:
        return queryset
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return queryset.exclude(private)


def unrestricted(page):
    """True when no view restriction applies to `page` (Wagtail's check would find none).

    Aliases take their source page's restrictions, so a page at or below an alias is left to Wagtail.
    """
    if any(page.path.startswith(path) for path in restricted_paths()):
        return False
    alias_paths = memo(
        "alias_paths", lambda: tuple(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True))
    )
    return not any(page.path.startswith(path) for path in alias_paths)


def active_locale():
    """The Locale of the active language (the default one if it has none), once per generation."""
    return memo(("active_locale", translation.get_language()), Locale.get_active)


def in_active_locale(queryset):
    """Only the pages in the visitor's language: each page of a translated site exists once per locale."""
    return queryset.filter(locale=active_locale())
