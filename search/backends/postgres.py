"""PostgreSQL full-text backend with Chinese analysis (imported only on PostgreSQL).

The `simple` text search configuration keeps the pre-analysed tokens as they are.
"""

from django.db.models.sql import InsertQuery
from django.utils.functional import cached_property
from modelsearch.backends.database.postgres import postgres as pg
from modelsearch.conf import get_app_config
from modelsearch.index import SearchField
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


class PostgresIndexer(pg.ObjectIndexer):
    def prepare_field(self, obj, field):
        yield from _analysed_fields(self, obj, field, super().prepare_field)

    @cached_property
    def body(self):
        texts = [
            (value, boost)
            for field in self.search_fields
            for current_field, boost, value in self.prepare_field(self.obj, field)
            if isinstance(current_field, SearchField) and current_field.field_name != "title"
        ]
        extra = extra_body_text(self.obj, self.search_fields)
        if extra:
            texts.append((extra, pg.get_weight(1)))
        return self.as_vector(texts)


class PostgresIndex(pg.PostgresIndex):
    indexer_class = PostgresIndexer

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        indexers = [self.indexer_class(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            row_sql = ["%s", "%s"]
            params.extend((content_type_pk, indexer.id))
            for name, vector in (
                ("title", indexer.title),
                ("autocomplete", indexer.autocomplete),
                ("body", indexer.body),
            ):
                value = compiler.prepare_value(IndexEntry._meta.get_field(name), vector)
                sql, value_params = value.as_sql(compiler, self.write_connection)
                row_sql.append(sql)
                params.extend(value_params)
            row_sql.extend(["1.0", "%s", "%s"])
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"({', '.join(row_sql)})")
        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm,"  # noqa: S608
                f" title_text, body_text) (VALUES {', '.join(rows)}) ON CONFLICT (content_type_id, object_id)"
                " DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,"
                " body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )
        self._refresh_title_norms()


class PostgresSearchQueryCompiler(ChineseQueryMixin, pg.PostgresSearchQueryCompiler):
    def get_index_vectors(self, search_query):
        from django.db.models import F

        return [
            (F("index_entries__title"), TITLE_WEIGHT),
            (F("index_entries__body"), BODY_WEIGHT),
        ]


class PostgresAutocompleteQueryCompiler(ChineseQueryMixin, pg.PostgresAutocompleteQueryCompiler):
    pass


class PostgresSearchBackend(ChineseBackendMixin, pg.PostgresSearchBackend):
    query_compiler_class = PostgresSearchQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler
    index_class = PostgresIndex

    def __init__(self, params):
        params = {"SEARCH_CONFIG": "simple", **params}
        super().__init__(params)
        self.autocomplete_config = self.config
