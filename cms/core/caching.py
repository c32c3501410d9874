"""Caching of anonymous pages with the framework's own means (docs/architecture.md, "Caching").

- A page served to an anonymous visitor, that used no CSRF token and set no cookie, says
  `Cache-Control: public, max-age=N` (`public_page_serving`); everything else stays uncacheable.
- wagtail-cache's two middleware store and serve exactly those responses inside Django, in the
  `pages` cache (django-redis in production, failing open). Its hooks below keep requests with a
  session, a pending message or an Authorization header away from the cache.
- `BrowserRevalidateMiddleware` tells browsers to revalidate (`max-age=0`) while an edge cache
  (Varnish, a CDN) may keep the page for `s-maxage`; wagtail.contrib.frontend_cache purges it.
- What a visitor can see changing clears the cache: a page published, unpublished, moved or
  deleted, a view restriction, site settings, a site or locale, a snippet shown on pages, an image
  or document. Nothing else: a request submitted or rated, a visit logged or a sign-up leaves the
  cached pages alone (a page that shows a live count sets a short `cache_seconds`).
"""

import logging
import re

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.common.http_cache import cacheable_request, mark_public, page_cache_seconds

logger = logging.getLogger(__name__)

PAGES_CACHE = "pages"
_MAX_AGE = re.compile(r"\bmax-age=\d+")


def public_page_serving(serve):
    """Wagtail's `on_serve_page` hook (cms/core/wagtail_hooks.py): wraps the serving of every page,
    routable pages' sub-routes included, and marks the response shared when it may be. A private
    page never qualifies: an anonymous visitor gets a redirect to log in or a password form (with a
    CSRF token), and whoever passed a restriction has a session. A page type that shows a live
    count sets a short `cache_seconds`."""

    def serve_page(page, request, args, kwargs):
        response = serve(page, request, args, kwargs)
        return mark_public(request, response, getattr(page, "cache_seconds", None))

    return serve_page


# wagtail-cache's hooks (registered in cms/core/wagtail_hooks.py): what may be read and stored.
def request_cacheable(request, is_cacheable):
    return is_cacheable and cacheable_request(request)


def response_cacheable(response, is_cacheable):
    cache_control = response.get("Cache-Control", "")
    return is_cacheable and "public" in cache_control and not response.cookies


class BrowserRevalidateMiddleware:
    """Outermost: a browser revalidates a shared page on every visit (so a resident who signs in
    sees their own header at once); edges keep it for `s-maxage`."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        cache_control = response.get("Cache-Control", "")
        if "public" in cache_control and "s-maxage" not in cache_control:
            match = _MAX_AGE.search(cache_control)
            seconds = match.group(0).split("=")[1] if match else str(page_cache_seconds())
            response["Cache-Control"] = f"public, max-age=0, s-maxage={seconds}"
            if response.has_header("Expires"):
                del response["Expires"]
        return response


def clear(**_kwargs):
    """Empty the page cache and purge the edge (if one is set): now, and again after the commit, so
    a page another worker rendered from the old rows meanwhile is not kept."""
    _clear_now()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_clear_now)


def _clear_now():
    cache = caches[PAGES_CACHE]
    try:
        if hasattr(cache, "delete_pattern"):  # django-redis: only this cache's keys, not the whole db
            cache.delete_pattern("*")
        else:
            cache.clear()
    except Exception:  # noqa: BLE001 - a cache outage must not break a save; entries expire anyway
        logger.warning("page cache: could not clear", exc_info=True)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        _purge_edge()


def _purge_edge():
    """Purge the pages that list others (the pages with children: home, index and category pages).

    Wagtail's frontend_cache purges a published or unpublished page itself; every other page at the
    edge follows within `s-maxage` (one PURGE per URL would make each save send thousands)."""
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

    batch = PurgeBatch()
    batch.add_pages(Page.objects.live().public().filter(depth__gt=1, numchild__gt=0).specific(defer=True))
    try:
        batch.purge()
    except Exception:  # noqa: BLE001
        logger.warning("frontend cache: purge failed", exc_info=True)


#: Models (app_label.model) whose changes show on public pages, besides pages themselves.
SHOWN_ON_PAGES = {
    "wagtailcore.site",
    "wagtailcore.locale",
    "wagtailcore.pageviewrestriction",
    "wagtailimages.image",
    "wagtaildocs.document",
    "wagtailredirects.redirect",
    "taggit.tag",
    "news.newscategory",
    "partners.partner",
    "portal_search.synonym",
}


def shows_on_pages(model):
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Page

    if issubclass(model, Page | BaseSiteSetting | BaseGenericSetting):
        return True
    extra = set(getattr(settings, "PAGE_CACHE_CLEARED_BY", ()))
    return model._meta.label_lower in SHOWN_ON_PAGES | extra


#: Fields Wagtail saves on a page for a draft, a lock or a workflow: none shows on the live page.
DRAFT_FIELDS = {
    "comments",
    "wagtail_admin_comments",
    "latest_revision_created_at",
    "draft_title",
    "latest_revision",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}


def _on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    from wagtail.models import Page

    if raw:
        return
    if isinstance(instance, Page):
        # A draft saves only bookkeeping fields; a direct save of a live page's own fields (code,
        # not the admin, which publishes) changes what visitors see.
        if not instance.live or (update_fields is not None and set(update_fields) <= DRAFT_FIELDS):
            return
        clear()
    elif shows_on_pages(sender):
        clear()


def _on_delete(sender, instance, **kwargs):
    if shows_on_pages(sender):
        clear()


def connect():
    page_published.connect(clear, dispatch_uid="page-cache-published")
    page_unpublished.connect(clear, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(clear, dispatch_uid="page-cache-moved")
    post_save.connect(_on_save, dispatch_uid="page-cache-save")
    post_delete.connect(_on_delete, dispatch_uid="page-cache-delete")
