"""Rebuilding and checking the search index: the management commands and the demo loader call these."""

from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch.index import get_indexed_models
from modelsearch.signal_handlers import post_save_signal_handler
from tqdm import tqdm
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from . import analysis, elastic
from .models import IndexState

CHUNK_SIZE = 500


@contextmanager
def paused():
    """Index nothing on save while the block runs (a bulk load that ends with one rebuild).

    Wagtail's search app indexes every saved object at once, through modelsearch's `post_save`
    handler, one task per save; the demo saves about a thousand objects and was spending a quarter of
    its time there on pages the closing rebuild indexes again. Deletions are still applied.
    """
    models = [m for m in get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


def _chunks(queryset, size):
    batch = []
    for obj in queryset.iterator(chunk_size=size):
        batch.append(obj)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _record(backend, documents):
    IndexState.objects.update_or_create(
        backend=backend,
        defaults={
            "analysis_version": analysis.analysis_version(),
            "rebuilt_at": timezone.now(),
            "documents": documents,
        },
    )


def _analyze_index_table():
    """Fresh planner statistics after a bulk rebuild (PostgreSQL).

    Without them PostgreSQL estimates one match per query on the new index and picks nested-loop
    plans that took minutes on 100,000 pages until autovacuum caught up.
    """
    from django.db import connection
    from modelsearch.conf import get_app_config

    if connection.vendor == "postgresql":
        table = get_app_config().get_model("IndexEntry")._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(f'ANALYZE "{table}"')


def rebuild_database(progress=False, stream=None):
    """Re-index every indexed model in the database backend; returns the number of objects."""
    backend = get_search_backend()
    models = list(get_indexed_models())
    total = sum(m.get_indexed_objects().count() for m in models)
    count = 0
    groups = {}
    for model in models:
        index = backend.get_index_for_model(model)
        groups.setdefault(index.get_key(), (index, []))[1].append(model)
    with tqdm(total=total, disable=not progress, file=stream, desc="database", unit="doc") as bar:
        for index, index_models in groups.values():
            # One transaction: one commit instead of one per batch, and searches keep seeing the
            # old index until the new one is complete.
            with transaction.atomic():
                rebuilder = backend.rebuilder_class(index)
                index = rebuilder.start()
                for model in index_models:
                    index.add_model(model)
                    for chunk in _chunks(model.get_indexed_objects().order_by("pk"), CHUNK_SIZE):
                        index.add_items(model, chunk)
                        count += len(chunk)
                        bar.update(len(chunk))
                rebuilder.finish()
    _analyze_index_table()
    _record("database", count)
    return count


def rebuild_elasticsearch(progress=False, stream=None):
    """Recreate the Elasticsearch index from all pages (raises when the cluster is unavailable)."""
    engine = elastic.ElasticsearchEngine()
    engine.create_index(recreate=True)
    pages = Page.objects.filter(depth__gt=1).order_by("pk")
    count = 0
    with tqdm(total=pages.count(), disable=not progress, file=stream, desc="elasticsearch", unit="doc") as bar:
        for chunk in _chunks(pages, CHUNK_SIZE):
            specific = list(Page.objects.filter(pk__in=[p.pk for p in chunk]).specific())
            engine.index_pages(specific)
            count += len(specific)
            bar.update(len(specific))
    engine.refresh()
    _record("elasticsearch", count)
    return count


@dataclass
class CheckReport:
    ok: bool = True
    lines: list = field(default_factory=list)

    def problem(self, line):
        self.ok = False
        self.lines.append(("problem", line))

    def info(self, line):
        self.lines.append(("info", line))


def check():
    """Is the index built with the current analysis and complete? (a report, never raises)"""
    from modelsearch.conf import get_app_config

    IndexEntry = get_app_config().get_model("IndexEntry")  # noqa: N806

    report = CheckReport()
    version = analysis.analysis_version()
    report.info(f"analysis version {version}")
    state = IndexState.objects.filter(backend="database").first()
    if state is None:
        report.problem("database index never rebuilt by search_rebuild")
    elif state.analysis_version != version:
        report.problem(f"database index built with analysis {state.analysis_version}, current is {version}")
    expected = sum(m.get_indexed_objects().count() for m in get_indexed_models())
    entries = IndexEntry.objects.count()
    report.info(f"database index entries {entries}, indexed objects {expected}")
    if entries < expected:
        report.problem(f"{expected - entries} object(s) missing from the database index")
    if elastic.is_configured():
        try:
            engine = elastic.ElasticsearchEngine()
            documents = engine.count()
            pages = Page.objects.filter(depth__gt=1).count()
            report.info(f"elasticsearch documents {documents}, pages {pages}")
            if documents != pages:
                report.problem(f"elasticsearch has {documents} documents for {pages} pages")
            es_state = IndexState.objects.filter(backend="elasticsearch").first()
            if es_state is None or es_state.analysis_version != version:
                report.problem("elasticsearch index not built with the current analysis")
        except elastic.unavailable_errors() as exc:
            report.problem(f"elasticsearch unavailable: {exc}")
    else:
        report.info("elasticsearch not configured (ELASTICSEARCH_URL is empty)")
    return report


def needs_rebuild():
    state = IndexState.objects.filter(backend="database").first()
    return state is None or state.analysis_version != analysis.analysis_version()


def rebuild_all(progress=False, stream=None):
    """The database index always; Elasticsearch too when configured (its failure is reported, not raised)."""
    result = {"database": rebuild_database(progress=progress, stream=stream)}
    if elastic.is_configured():
        try:
            result["elasticsearch"] = rebuild_elasticsearch(progress=progress, stream=stream)
        except elastic.unavailable_errors() as exc:
            result["elasticsearch_error"] = str(exc)
    return result
