"""PostgreSQL full-text backend with Chinese analysis (imported only on PostgreSQL).

The `simple` text search configuration keeps the pre-analysed tokens as they are.
"""

from django.db.models import F, TextField
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from modelsearch.backends.database.postgres import postgres as pg
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

#: ts_rank normalisation: divided by 1 + log(length of the column), so a word in a short title
#: ranks above the same word in a long one (upstream scaled the title by `title_norm`, which this
#: backend does not maintain; SQLite's bm25 normalises by length too).
RANK_NORMALIZATION = 1


class PostgresIndexer(pg.ObjectIndexer):
    """Builds each column's tsvector as plain SQL (`setweight(to_tsvector(...))`).

    Upstream returns Django `SearchVector` expressions that are compiled one by one for every row,
    which made the index build spend most of its time in Python.
    """

    def prepare_field(self, obj, field):
        yield from _analysed_fields(self, obj, field, super().prepare_field)

    def as_vector(self, texts, for_autocomplete=False):
        config = self.autocomplete_config if for_autocomplete else self.config
        parts, params = [], []
        for text, weight in texts:
            text = text.strip()
            if text:
                parts.append("setweight(to_tsvector(%s::regconfig, %s), %s)")
                params.extend((config, text, weight))
        return (" || ".join(parts) or "''::tsvector"), params

    @cached_property
    def title(self):
        return self.as_vector([(value, boost) for _field, boost, value in indexed_texts(self, title=True)])

    @cached_property
    def body(self):
        texts = [(value, boost) for _field, boost, value in indexed_texts(self, title=False)]
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
        rows, params = [], []
        for indexer in indexers:
            row_sql = ["%s", "%s"]
            params.extend((content_type_pk, indexer.id))
            for sql, vector_params in (indexer.title, indexer.autocomplete, indexer.body):
                row_sql.append(sql)
                params.extend(vector_params)
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

    def _refresh_title_norms(self, full=False):
        # Not used: ranking here weighs the title column by a constant instead of title_norm, and
        # upstream's refresh is a full-table UPDATE (per batch, and again at the end of a rebuild).
        pass


class RankedSearchMixin:
    """Relevance-ordered searches query the index table with its GIN indexes and slice in SQL.

    Upstream matches `title || body` built per row (no index can serve it) and ranks every match of
    the model queryset. Here the index entries are matched column by column (bitmap OR of the GIN
    indexes), restricted to the caller's queryset (e.g. live().public()), ranked, ordered and sliced;
    only the objects of the slice are loaded.
    """

    INDEX_COLUMNS = (("title", TITLE_WEIGHT), ("body", BODY_WEIGHT))

    def can_rank_fast(self, score_field):
        return (
            self.order_by_relevance
            and score_field is None
            and self.fields is None
            and not isinstance(self.query, pg.MatchAll | pg.Not | pg.Fuzzy)
        )

    def matching_entries(self, config):
        """Index entries matching the query, with their score.

        A document matches when the whole query matches its columns together (as upstream's
        `title || body`); migration portal_search 0002 indexes that concatenation (GIN), so the whole
        query is one index scan. Ranking weighs each column's ts_rank by its weight.
        """
        tsquery = self.build_tsquery(self.query, config=config)
        # One ts_rank per query word (AND group) and column, summed: a word found in the title counts
        # even when the other words are only in the body (ts_rank of a whole AND query scores a
        # column by the words it holds together). Upstream ranks every OR alternative separately
        # as well: a dozen ts_rank calls per matching row for a query with synonyms.
        groups = self.query.subqueries if isinstance(self.query, pg.And) else [self.query]
        group_queries = [self.build_tsquery(group, config=config) for group in groups]
        combined, rank = None, None
        for column, weight in self.INDEX_COLUMNS:
            combined = F(column) if combined is None else combined._combine(F(column), "||", False)
            for group_query in group_queries:
                group_rank = (
                    pg.SearchRank(F(column), group_query, weights=self.sql_weights, normalization=RANK_NORMALIZATION)
                    * weight
                )
                rank = group_rank if rank is None else rank + group_rank
        return (
            IndexEntry._default_manager.filter(
                content_type__in=pg.get_descendants_content_types_pks(self.queryset.model)
            )
            .annotate(_vector_=combined)
            .filter(_vector_=tsquery)
            .annotate(score=rank)
        )

    def ranked_entries(self, config):
        allowed = self.queryset.order_by().annotate(_object_id=Cast("pk", TextField())).values("_object_id")
        return self.matching_entries(config).filter(object_id__in=allowed).order_by("-score", "-object_id")

    def _ranked_pks(self, config, stop):
        """The primary keys of the best `stop` allowed objects, best first, without loading objects.

        Ranks the index entries alone (GIN bitmap scans, ts_rank on the matches, top-N sort), then
        asks the caller's queryset (e.g. live().public()) only about the ids of that slice. Joining
        the allowed objects inside the ranked query made PostgreSQL hash every live page per query.
        """
        ranked = self.matching_entries(config).order_by("-score", "-id").values_list("object_id", flat=True)
        to_pk = self.queryset.model._meta.pk.to_python

        def fetch(offset, size):
            candidates = [to_pk(i) for i in ranked[offset : offset + size]]
            return len(candidates), candidates

        return self._take_allowed(fetch, stop)

    def search(self, config, start, stop, score_field=None, backend=None):
        if stop is None or not self.can_rank_fast(score_field):
            # Unsliced (facets, full iteration) or scored: upstream's queryset.
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        pks = self.ranked_pks(config, stop)[start or 0 : stop]
        objects = self.queryset.model._default_manager.using(self.queryset.db).in_bulk(pks)
        return [objects[pk] for pk in pks if pk in objects]

    def count(self, config, score_field=None):
        if not self.can_rank_fast(score_field):
            return None
        return self.ranked_entries(config).count()


class PostgresSearchResults(pg.PostgresSearchResults):
    def _do_count(self):
        compiler = self.query_compiler
        count = compiler.count(compiler.get_config(self.backend), score_field=self._score_field)
        if count is None:
            return super()._do_count()
        start = self.start or 0
        total = max(0, count - start)
        return min(total, self.stop - start) if self.stop is not None else total


class PostgresSearchQueryCompiler(RankedSearchMixin, ChineseQueryMixin, pg.PostgresSearchQueryCompiler):
    def get_index_vectors(self, search_query):

        return [
            (F("index_entries__title"), TITLE_WEIGHT),
            (F("index_entries__body"), BODY_WEIGHT),
        ]


class PostgresAutocompleteQueryCompiler(RankedSearchMixin, ChineseQueryMixin, pg.PostgresAutocompleteQueryCompiler):
    INDEX_COLUMNS = (("autocomplete", 1.0),)


class PostgresSearchBackend(ChineseBackendMixin, pg.PostgresSearchBackend):
    query_compiler_class = PostgresSearchQueryCompiler
    autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler
    index_class = PostgresIndex
    results_class = PostgresSearchResults

    def __init__(self, params):
        params = {"SEARCH_CONFIG": "simple", **params}
        super().__init__(params)
        self.autocomplete_config = self.config
