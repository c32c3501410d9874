"""SQLite FTS5 backend with Chinese analysis (imported only on SQLite)."""

from django.db.models import FloatField, Func, TextField
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from modelsearch.backends.database.sqlite import sqlite as lite
from modelsearch.conf import get_app_config
from modelsearch.utils import get_content_type_pk

from .common import (
    BODY_WEIGHT,
    TITLE_WEIGHT,
    ChineseBackendMixin,
    ChineseQueryMixin,
    _analysed_fields,
    extra_body_text,
    indexed_texts,
)

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)


class SQLiteIndexer(lite.ObjectIndexer):
    def prepare_field(self, obj, field):
        yield from _analysed_fields(self, obj, field, super().prepare_field)

    @cached_property
    def title(self):
        return " ".join(item[-1] for item in indexed_texts(self, title=True))

    @cached_property
    def body(self):
        texts = [item[-1] for item in indexed_texts(self, title=False)]
        texts.append(extra_body_text(self.obj, self.search_fields))
        return " ".join(t for t in texts if t)


class SQLiteIndex(lite.SQLiteIndex):
    indexer_class = SQLiteIndexer

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        data = {}
        for obj in objs:
            indexer = self.indexer_class(obj, self.backend)
            data[indexer.id] = (indexer.title, indexer.autocomplete, indexer.body)
        if not data:
            return
        entries = self.entries.filter(content_type_id=get_content_type_pk(model))
        existing = set(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            IndexEntry(
                content_type_id=get_content_type_pk(model),
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in existing
        )

    def _refresh_title_norms(self, full=False):
        # Not used: ranking here weighs the title column by a constant instead of title_norm, and
        # upstream's refresh is a full-table UPDATE, which on SQLite also rewrites every FTS row
        # through the update trigger (per batch, and again at the end of a rebuild).
        pass


class WeightedBM25(Func):
    """bm25() of the FTS5 table with column weights (columns: autocomplete, body, title)."""

    output_field = FloatField()

    def __init__(self, autocomplete=1.0, body=BODY_WEIGHT, title=TITLE_WEIGHT):
        self.weights = (autocomplete, body, title)
        super().__init__()

    def as_sql(self, compiler, connection, **extra):
        table = lite.SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, {self.weights[0]}, {self.weights[1]}, {self.weights[2]})", []


class RankedSearchMixin:
    """Relevance-ordered searches rank inside the FTS query and fetch only the requested slice.

    Upstream filters the model queryset by `pk IN (matches)` and scores every matching row with a
    correlated subquery, which costs seconds on 100,000 pages. Here the FTS table is queried once,
    joined to the allowed object ids (the caller's queryset, e.g. live().public()), ordered by bm25
    and sliced in SQL; only the objects of the slice are loaded.
    """

    def _build_rank_expression(self, vectors, config):
        # bm25 is computed once for the whole MATCH; lower is better, as upstream orders it.
        return WeightedBM25()

    def can_rank_fast(self, score_field):
        normalized = lite.normalize(self.query)
        return self.order_by_relevance and score_field is None and not isinstance(normalized, lite.MatchAll | lite.Not)

    def ranked_entries(self, config):
        normalized = lite.normalize(self.query)
        search_query = self.build_search_query(normalized, config=config)
        match = lite.MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
        allowed = self.queryset.order_by().annotate(_object_id=Cast("pk", TextField())).values("_object_id")
        return (
            lite.SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                index_entry__content_type__in=lite.get_descendants_content_types_pks(self.queryset.model),
                index_entry__object_id__in=allowed,
            )
            .annotate(score=WeightedBM25())
            .order_by("score", "-index_entry__object_id")
        )

    def _ranked_pks(self, config, stop):
        """The primary keys of the best `stop` allowed objects, best first, without loading objects.

        Ranks in the FTS table alone (no join, no subquery), then keeps the allowed objects of each
        batch: the caller's queryset (e.g. live().public()) is asked only about these ids.
        """
        search_query = self.build_search_query(lite.normalize(self.query), config=config)
        match = lite.MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
        ranked = (
            lite.SQLiteFTSIndexEntry.objects.filter(match)
            .annotate(score=WeightedBM25())
            .order_by("score")
            .values_list("index_entry_id", flat=True)
        )
        content_types = set(lite.get_descendants_content_types_pks(self.queryset.model))
        to_pk = self.queryset.model._meta.pk.to_python
        # bm25 is computed for every match whatever the LIMIT, but each fetched row costs two
        # lookups: fetch what is needed plus a margin for hidden pages, more only when short.

        def fetch(offset, size):
            rowids = list(ranked[offset : offset + size])
            if not rowids:
                return 0, []
            entries = IndexEntry._default_manager.filter(pk__in=rowids).values_list(
                "pk", "content_type_id", "object_id"
            )
            object_ids = {pk: object_id for pk, ct, object_id in entries if ct in content_types}
            return len(rowids), [to_pk(object_ids[r]) for r in rowids if r in object_ids]

        return self._take_allowed(fetch, stop)

    def search(self, config, start, stop, score_field=None):
        if stop is None or not self.can_rank_fast(score_field):
            # Unsliced (facets, full iteration) or scored: upstream's queryset.
            return super().search(config, start, stop, score_field=score_field)
        pks = self.ranked_pks(config, stop)[start or 0 : stop]
        objects = self.queryset.model._default_manager.using(self.queryset.db).in_bulk(pks)
        return [objects[pk] for pk in pks if pk in objects]

    def count(self, config, score_field=None):
        if not self.can_rank_fast(score_field):
            return None
        return self.ranked_entries(config).count()


class SQLiteSearchQueryCompiler(RankedSearchMixin, ChineseQueryMixin, lite.SQLiteSearchQueryCompiler):
    pass


class SQLiteAutocompleteQueryCompiler(RankedSearchMixin, ChineseQueryMixin, lite.SQLiteAutocompleteQueryCompiler):
    pass


class SQLiteSearchResults(lite.SQLiteSearchResults):
    def _do_count(self):
        compiler = self.query_compiler
        count = compiler.count(compiler.get_config(self.backend), score_field=self._score_field)
        if count is None:
            return super()._do_count()
        start = self.start or 0
        total = max(0, count - start)
        return min(total, self.stop - start) if self.stop is not None else total


class SQLiteSearchBackend(ChineseBackendMixin, lite.SQLiteSearchBackend):
    query_compiler_class = SQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler
    index_class = SQLiteIndex
    results_class = SQLiteSearchResults
