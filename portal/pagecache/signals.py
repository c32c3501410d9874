"""What invalidates cached pages: any change to content a public page may show.

Rather than tracking which page shows which object (menus, footers, listings, "remaining places"
on event cards, search results all cross pages), any save or delete of a model in a content app
bumps the one generation counter. Edits are rare next to reads, so whole-cache invalidation is
cheap, and it cannot miss a dependency. Busy non-content models (work orders, sessions, renditions,
revisions, logs, the search index) are left out so that they never empty the cache.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import generation

# Apps (by module name; every `cms.*` app too) whose models are shown on public pages.
CONTENT_APPS = {
    "portal.partners",
    "portal.grids",
    "search",
    "theme",
    "wagtail",
    "wagtail.images",
    "wagtail.documents",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail_localize",
    "taggit",
}
# Models of other apps that public pages show: the request categories (the request form's choices).
CONTENT_MODELS = {"workorders.category"}
# Models in those apps that change without changing what visitors see (or that change on reads).
IGNORED_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.uploadedfile",
    "wagtailimages.rendition",
    "wagtailcore.groupapprovaltask",
    "portal_search.indexstate",
}


def _content_apps():
    return CONTENT_APPS | set(getattr(settings, "PAGECACHE_EXTRA_APPS", ()))


def _is_content_app(name):
    return name.startswith("cms.") or name in _content_apps()


def shows_on_pages(model):
    meta = model._meta
    if meta.label_lower in IGNORED_MODELS or meta.label_lower in set(getattr(settings, "PAGECACHE_IGNORED_MODELS", ())):
        return False
    app_config = meta.app_config  # None for the historical models of migrations
    if app_config is None:
        return False
    return meta.label_lower in CONTENT_MODELS or _is_content_app(app_config.name)


def invalidate(using=None):
    """Bump now (this process sees the change at once) and again after commit.

    The second bump closes the race where another worker renders the old rows between the first
    bump and the commit and caches them under the new generation.
    """
    generation.bump()
    connection = transaction.get_connection(using)
    if connection.in_atomic_block:
        transaction.on_commit(generation.bump, using=using)


def _on_model_change(sender, using=None, **kwargs):
    if kwargs.get("raw"):  # loaddata
        return
    if shows_on_pages(sender):
        invalidate(using)


def _on_m2m_change(sender, instance, action, using=None, **kwargs):
    if action.startswith("post_") and shows_on_pages(type(instance)):
        invalidate(using)


def _on_page_event(sender, **kwargs):
    invalidate()


def connect():
    post_save.connect(_on_model_change, dispatch_uid="pagecache-post-save")
    post_delete.connect(_on_model_change, dispatch_uid="pagecache-post-delete")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="pagecache-m2m")
    page_published.connect(_on_page_event, dispatch_uid="pagecache-published")
    page_unpublished.connect(_on_page_event, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(_on_page_event, dispatch_uid="pagecache-moved")
