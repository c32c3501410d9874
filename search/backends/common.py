"""Shared parts of the Chinese-aware database backends (see `search.backends.database`).

Wagtail's database search backends (from `modelsearch`), taught Chinese.

`WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}` gives the SQLite
FTS5 backend on SQLite and the PostgreSQL full-text backend on PostgreSQL, subclassed so that:

- every indexed value is replaced by its pre-analysed tokens (`search.analysis.index_text`): words,
  two-character chunks and pinyin for search fields; the same plus pinyin initials for autocomplete;
- every query string becomes the analysis's plan (AND of OR groups, with synonyms and chunk
  fall-backs) expressed in modelsearch's own query objects, which both engines compile natively;
- on SQLite, ranking weighs the title column ten times the body (bm25 column weights).

Because Wagtail's admin page search, `Page.objects.search()` and the API all ask this backend,
they all understand Chinese. Wagtail's own signal handlers keep the index current on save/delete.
"""

from django.db import connections
from django.db.models import F, IntegerField, Lookup
from modelsearch.backends.base import EmptySearchResults
from modelsearch.conf import get_app_config
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import And, Not, Or, Phrase, PlainText

from .. import analysis
from ..pages import plain

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)

TITLE_WEIGHT = 10.0
BODY_WEIGHT = 1.0
#: A search field boosted this much or more is indexed with the title (e.g. the request categories a
#: form takes), so it ranks like the title; every other field but the title is body.
TITLE_BOOST = 10


def is_title_field(field):
    return isinstance(field, SearchField) and (field.field_name == "title" or (field.boost or 0) >= TITLE_BOOST)


def indexed_texts(indexer, title):
    """The analysed (field, weight, value) items of the title (title=True) or the body columns."""
    for field in indexer.search_fields:
        for item in indexer.prepare_field(indexer.obj, field):
            current_field = item[0]
            if isinstance(current_field, SearchField) and is_title_field(current_field) == title:
                yield item


# ---------------------------------------------------------------------------------------------
# Query side: user string → analysis plan → modelsearch query objects


def plan_to_query(plan, operator="and"):
    """Express a `QueryPlan` as modelsearch query objects (None when the plan is empty)."""
    groups = []
    for alternatives in plan.groups:
        options = [PlainText(alt.text, operator="and") for alt in alternatives]
        groups.append(options[0] if len(options) == 1 else Or(options))
    if not groups:
        return None
    if len(groups) == 1:
        return groups[0]
    return And(groups) if operator == "and" else Or(groups)


def rewrite_query(query):
    """Replace every PlainText/Phrase in a query tree by its analysed equivalent."""
    if isinstance(query, PlainText):
        return plan_to_query(analysis.query_plan(query.query_string), query.operator) or query
    if isinstance(query, Phrase):
        return plan_to_query(analysis.query_plan(query.query_string), "and") or query
    if isinstance(query, And):
        return And([rewrite_query(q) for q in query.subqueries])
    if isinstance(query, Or):
        return Or([rewrite_query(q) for q in query.subqueries])
    if isinstance(query, Not):
        return Not(rewrite_query(query.subquery))
    return query


def uses_synonyms(query):
    """Does the analysis of any text in this query tree bring in synonyms?"""
    if isinstance(query, PlainText | Phrase):
        return analysis.query_plan(query.query_string).uses_synonyms
    if isinstance(query, And | Or):
        return any(uses_synonyms(q) for q in query.subqueries)
    if isinstance(query, Not):
        return uses_synonyms(query.subquery)
    return False


class ChineseQueryMixin:
    """The query analysed; relevance-ordered slices rank pages with the words as typed first.

    `exact_query` is the same query without synonyms (None when it has none). `ranked_pks` returns
    the best ids of the exact query, then the whole query's others: pages found only through a
    synonym come after. When the exact query alone fills the slice (a common word), the whole query
    (an OR of every synonym, the costliest to rank) is not run at all.
    """

    #: Extra columns of the caller's queryset to read with the allowed check (see `ranked_rows`).
    row_fields = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = {}
        original = self.query
        self.query = rewrite_query(original)
        self.exact_query = None
        if uses_synonyms(original):
            with analysis.without_synonyms():
                self.exact_query = rewrite_query(original)

    def _allowed(self, candidates):
        """The candidate pks the caller's queryset allows, keeping `row_fields` of each in `self.rows`.

        One query: the caller's queryset (live, public, language) asked about these ids only.
        """
        base = self.queryset.order_by()
        rows = {row[0]: row for row in pk_in(base, list(candidates)).values_list("pk", *self.row_fields)}
        self.rows.update(rows)
        return set(rows)

    def _take_allowed(self, fetch, stop):
        """The first `stop` allowed pks from ranked batches, best first.

        `fetch(offset, size)` returns `(rows_read, candidate_pks)` for that slice of the ranking.
        The first batch is what is needed plus a margin for hidden pages; each further one (only when
        short) is four times larger.
        """
        found, offset, batch = [], 0, stop + max(20, stop // 4)
        while len(found) < stop:
            read, candidates = fetch(offset, batch)
            if not read:
                break
            allowed = self._allowed(candidates)
            found.extend(pk for pk in candidates if pk in allowed)
            if read < batch:
                break
            offset += batch
            batch *= 4
        return found[:stop]

    def ranked_pks(self, config, stop):
        if self.exact_query is None:
            return self._ranked_pks(config, stop)
        whole = self.query
        self.query = self.exact_query
        try:
            exact = self._ranked_pks(config, stop)
        finally:
            self.query = whole
        if len(exact) >= stop:
            return exact
        seen = set(exact)
        return (exact + [pk for pk in self._ranked_pks(config, stop) if pk not in seen])[:stop]


def pk_in(queryset, pks):
    """`queryset.filter(pk__in=pks)`; on PostgreSQL `pk = ANY(%s)` with the ids as one array parameter.

    A search checks a few hundred ranked ids at a time: one parameter per id cost ≈ 3 ms of Python per
    query to prepare, bind and send. Integer primary keys (pages, images, documents, snippets);
    anything else keeps `IN`.
    """
    pk = queryset.model._meta.pk
    if connections[queryset.db].vendor != "postgresql" or not isinstance(getattr(pk, "target_field", pk), IntegerField):
        return queryset.filter(pk__in=pks)
    return queryset.filter(_IsAny(F("pk"), [int(pk) for pk in pks]))


class _IsAny(Lookup):
    """`lhs = ANY(%s)` with a list as the one parameter (PostgreSQL arrays)."""

    lookup_name = "is_any"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s)", [*lhs_params, self.rhs]


class ChineseBackendMixin:
    def ranked_pks(self, query, queryset, limit, autocomplete=False):
        """Best-first primary keys of `queryset` objects matching `query`, loading no objects."""
        return [row[0] for row in self.ranked_rows(query, queryset, limit, autocomplete=autocomplete)]

    def ranked_rows(self, query, queryset, limit, fields=(), autocomplete=False):
        """Best-first `(pk, *fields)` tuples of `queryset` objects matching `query`.

        The fields are read by the query that checks the ranked ids against `queryset` (e.g.
        live().public()), so a caller needing a few columns of the results asks no second query.
        """
        if not analysis.query_plan(query):
            return []
        compiler_class = self.autocomplete_query_compiler_class if autocomplete else self.query_compiler_class
        compiler = compiler_class(queryset, query)
        compiler.check()
        compiler.row_fields = tuple(fields)
        pks = compiler.ranked_pks(compiler.get_config(self), limit)
        if not fields:
            return [(pk,) for pk in pks]
        return [compiler.rows[pk] for pk in pks]

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        # A query of only punctuation or stop words has nothing to match: no results, not everything.
        if isinstance(query, str) and query.strip() and not analysis.query_plan(query):
            return EmptySearchResults()
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


def _analysed_fields(indexer, obj, field, upstream):
    """Run the upstream `prepare_field` and replace each value by its analysed tokens.

    Upstream asks `prepare_field` again for every column it builds (title, body, autocomplete and the
    plain texts), so the analysed items are kept per indexer: each value is analysed once.
    """
    cache = indexer.__dict__.setdefault("_analysed_items", {})
    key = (id(obj), id(field))
    if key not in cache:
        # The object is kept with its items so that its id cannot be reused by another object.
        cache[key] = (obj, list(_analyse_items(obj, field, upstream)))
    yield from cache[key][1]


def _analyse_items(obj, field, upstream):
    if isinstance(field, RelatedFields):
        # Upstream recurses through the indexer's own `prepare_field`: already analysed.
        yield from upstream(obj, field)
        return
    for item in upstream(obj, field):
        current_field, value = item[0], item[-1]
        if isinstance(current_field, AutocompleteField):
            value = analysis.index_text(plain(value), autocomplete=True)
        elif isinstance(current_field, SearchField):
            value = analysis.index_text(plain(value))
        yield (*item[:-1], value)


def extra_body_text(obj, search_fields):
    """Page summaries (`search_description`) are searchable even where a page type does not index them."""
    if "search_description" in {getattr(f, "field_name", None) for f in search_fields}:
        return ""
    return analysis.index_text(getattr(obj, "search_description", "") or "")
