"""SQLite FTS5 backend with Chinese analysis (imported only on SQLite)."""

from django.db.models import FloatField, Func
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
)

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)


class SQLiteIndexer(lite.ObjectIndexer):
    def prepare_field(self, obj, field):
        yield from _analysed_fields(self, obj, field, super().prepare_field)

    @cached_property
    def body(self):
        return " ".join(t for t in (super().body, extra_body_text(self.obj, self.search_fields)) if t)


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
        self._refresh_title_norms()


class WeightedBM25(Func):
    """bm25() of the FTS5 table with column weights (columns: autocomplete, body, title)."""

    output_field = FloatField()

    def __init__(self, autocomplete=1.0, body=BODY_WEIGHT, title=TITLE_WEIGHT):
        self.weights = (autocomplete, body, title)
        super().__init__()

    def as_sql(self, compiler, connection, **extra):
        table = lite.SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, {self.weights[0]}, {self.weights[1]}, {self.weights[2]})", []


class SQLiteSearchQueryCompiler(ChineseQueryMixin, lite.SQLiteSearchQueryCompiler):
    def _build_rank_expression(self, vectors, config):
        # bm25 is computed once for the whole MATCH; lower is better, as upstream orders it.
        return WeightedBM25()


class SQLiteAutocompleteQueryCompiler(ChineseQueryMixin, lite.SQLiteAutocompleteQueryCompiler):
    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()


class SQLiteSearchBackend(ChineseBackendMixin, lite.SQLiteSearchBackend):
    query_compiler_class = SQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler
    index_class = SQLiteIndex
