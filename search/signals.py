"""Keep search current: synonym edits clear the cache; pages are pushed to Elasticsearch when used.

The database index is kept current by Wagtail's own handlers (every save and delete of an indexed
model); a page that indexes related objects (a request form's categories) is indexed again once
published, because those handlers run before the page's many-to-many relations are saved.
Elasticsearch, when `ELASTICSEARCH_URL` is set, is updated here on publish, unpublish, move, delete
and privacy changes, after the transaction commits. A failing cluster is logged and ignored:
publishing never fails because of search; `manage.py search_rebuild` catches it up.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from modelsearch import index
from modelsearch.index import RelatedFields
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import elastic
from .models import Synonym
from .synonyms import clear_cache

logger = logging.getLogger(__name__)


def _push(page_ids):
    """Index the given pages in Elasticsearch (or remove the ones gone); never raises."""
    if not elastic.is_configured() or not page_ids:
        return
    try:
        engine = elastic.ElasticsearchEngine()
        pages = list(Page.objects.filter(pk__in=page_ids).specific())
        if pages:
            engine.index_pages(pages)
        for missing in set(page_ids) - {p.pk for p in pages}:
            engine.delete_page(missing)
    except elastic.unavailable_errors() as exc:
        logger.warning("Elasticsearch unavailable, page(s) %s not indexed there: %s", sorted(page_ids), exc)


def _push_on_commit(page_ids):
    if elastic.is_configured():
        ids = list(page_ids)
        transaction.on_commit(lambda: _push(ids))


def _indexes_relations(page):
    return any(isinstance(f, RelatedFields) for f in page.get_search_fields())


def on_published(sender, instance, **kwargs):
    if _indexes_relations(instance):
        # Wagtail's post_save handler indexed the page before modelcluster saved its many-to-many
        # relations (e.g. RequestFormPage.categories): index it again with them.
        index.insert_or_update_object(instance)
    _push_on_commit([instance.pk])


def on_unpublished(sender, instance, **kwargs):
    _push_on_commit([instance.pk])


def on_moved(sender, instance, **kwargs):
    if elastic.is_configured():
        _push_on_commit(Page.objects.descendant_of(instance, inclusive=True).values_list("pk", flat=True))


def on_deleted(sender, instance, **kwargs):
    if elastic.is_configured() and isinstance(instance, Page):
        _push_on_commit([instance.pk])


def on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first() if elastic.is_configured() else None
    if page is not None:
        _push_on_commit(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


def connect():
    page_published.connect(on_published, dispatch_uid="portal_search_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="portal_search_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="portal_search_moved")
    post_delete.connect(on_deleted, dispatch_uid="portal_search_deleted")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="portal_search_restr_save")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="portal_search_restr_del")
    post_save.connect(clear_cache, sender=Synonym, dispatch_uid="portal_search_synonym_saved")
    post_delete.connect(clear_cache, sender=Synonym, dispatch_uid="portal_search_synonym_deleted")
