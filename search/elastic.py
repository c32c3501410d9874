"""Elasticsearch 9 for deployments that outgrow one machine, through `elasticsearch.dsl`.

The cluster needs no plugins: documents carry text the portal has already analysed
(`search.analysis`) and the mapping uses only Elasticsearch's built-in analyzers:

- `*_words`: jieba words, `whitespace` analyzer (tokens are already normalised and case folded);
- `*_cjk`: the normalised raw text, built-in `cjk` analyzer (CJK width folding, lower case, bigrams),
  the same two-character chunks the database backends index;
- `*_pinyin`: full pinyin of each word, `whitespace`;
- `autocomplete`: title words, pinyin and pinyin initials, `whitespace`, queried by prefix.

Queries are built from the same `QueryPlan` as the database backends: every group must match; in a
group any alternative (the word, its synonyms) may match on words, chunks or pinyin. Title fields
weigh ten times the body. The engine only returns ranked page ids; `search.services` re-checks them
against the database (live, public) and builds facets, snippets and pages the same way for every
engine, so the site search and the API give the same answers whichever engine ran.
"""

import logging

from django.conf import settings
from elasticsearch import dsl

from . import analysis

logger = logging.getLogger(__name__)

#: The analyzers the mapping may use: all are built into Elasticsearch, no plugin needed.
BUILTIN_ANALYZERS = frozenset({"whitespace", "cjk", "standard", "simple", "keyword"})

TITLE_BOOST = 10.0
CJK_BOOST = 0.5  # a chunk match counts less than a whole-word match
PINYIN_BOOST = 0.8
SYNONYM_BOOST = 0.2  # pages found only through a synonym rank below pages with the words as typed


def config():
    conf = getattr(settings, "PORTAL_SEARCH", {})
    return {
        "url": conf.get("ELASTICSEARCH_URL") or "",
        "index": conf.get("ELASTICSEARCH_INDEX") or "portal-pages",
        "timeout": conf.get("ELASTICSEARCH_TIMEOUT") or 3,
    }


def is_configured():
    return bool(config()["url"])


def build_mapping():
    """The index mapping (an `elasticsearch.dsl.Mapping`)."""
    m = dsl.Mapping()
    m.meta("dynamic", "strict")
    for prefix in ("title", "body"):
        m.field(f"{prefix}_words", "text", analyzer="whitespace", similarity="BM25")
        m.field(f"{prefix}_cjk", "text", analyzer="cjk")
        m.field(f"{prefix}_pinyin", "text", analyzer="whitespace")
    m.field("autocomplete", "text", analyzer="whitespace")
    m.field("title", "keyword", index=False)
    m.field("page_id", "integer")
    m.field("content_type", "keyword")
    m.field("category", "keyword")
    m.field("locale", "keyword")
    m.field("live", "boolean")
    m.field("public", "boolean")
    m.field("analysis_version", "keyword")
    return m


def build_index(name=None):
    """The index definition (settings + mapping) as an `elasticsearch.dsl.Index`."""
    index = dsl.Index(name or config()["index"])
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.mapping(build_mapping())
    return index


def document_for(page):
    """The document for a (specific) page: pre-analysed fields plus filter fields."""
    from .pages import page_category, page_content_type_key, page_is_public, page_texts, service_categories

    title, body = page_texts(page)
    t, b = analysis.index_parts(title), analysis.index_parts(body)
    return {
        "page_id": page.pk,
        "title": title,
        "title_words": " ".join(t["words"]),
        "title_cjk": t["text"],
        "title_pinyin": " ".join(t["pinyin"]),
        "body_words": " ".join(b["words"]),
        "body_cjk": b["text"],
        "body_pinyin": " ".join(b["pinyin"]),
        "autocomplete": analysis.index_text(title, autocomplete=True),
        "content_type": page_content_type_key(page),
        "category": page_category(page) or service_categories([(page.pk, page.path, page.depth)]).get(page.pk, ""),
        "locale": page.locale.language_code if page.locale_id else "",
        "live": bool(page.live),
        "public": page_is_public(page),
        "analysis_version": analysis.analysis_version(),
    }


def _alternative_clauses(alternative):
    """Should-clauses for one alternative of a query group."""
    token = alternative.tokens[0]
    f = SYNONYM_BOOST if alternative.kind == "synonym" else 1.0
    if analysis.is_han(token):
        return [
            dsl.Q("term", title_words={"value": token, "boost": TITLE_BOOST * f}),
            dsl.Q("term", body_words={"value": token, "boost": f}),
            dsl.Q("match", title_cjk={"query": token, "operator": "and", "boost": TITLE_BOOST * CJK_BOOST * f}),
            dsl.Q("match", body_cjk={"query": token, "operator": "and", "boost": CJK_BOOST * f}),
        ]
    return [
        dsl.Q("term", title_words={"value": token, "boost": TITLE_BOOST * f}),
        dsl.Q("term", body_words={"value": token, "boost": f}),
        dsl.Q("term", title_pinyin={"value": token, "boost": TITLE_BOOST * PINYIN_BOOST * f}),
        dsl.Q("term", body_pinyin={"value": token, "boost": PINYIN_BOOST * f}),
    ]


def build_query(plan, *, locale=None, autocomplete=False):
    """An `elasticsearch.dsl.Q` for a `QueryPlan` (live, public pages only)."""
    musts = []
    for group in plan.groups:
        should = []
        for alternative in group:
            if alternative.kind == "chunks":
                continue  # the *_cjk match with operator "and" is this fall-back
            if autocomplete:
                should.append(dsl.Q("prefix", autocomplete={"value": alternative.tokens[0]}))
            else:
                should.extend(_alternative_clauses(alternative))
        musts.append(dsl.Q("bool", should=should, minimum_should_match=1))
    filters = [dsl.Q("term", live=True), dsl.Q("term", public=True)]
    if locale:
        filters.append(dsl.Q("term", locale=locale))
    return dsl.Q("bool", must=musts, filter=filters)


def build_search(plan, *, locale=None, size=500, autocomplete=False, using=None):
    """The whole search request (an `elasticsearch.dsl.Search`); `.to_dict()` is the body sent."""
    search = dsl.Search(using=using, index=config()["index"])
    search = search.query(build_query(plan, locale=locale, autocomplete=autocomplete))
    return search.source(["page_id"]).extra(size=size, track_total_hits=False)


class ElasticsearchEngine:
    """Talks to the cluster; every method may raise the client's connection/transport errors."""

    def __init__(self, url=None, index=None, timeout=None):
        conf = config()
        self.url = url or conf["url"]
        self.index_name = index or conf["index"]
        self.timeout = timeout or conf["timeout"]
        self._client = None

    @property
    def client(self):
        if self._client is None:
            from elasticsearch import Elasticsearch

            self._client = Elasticsearch(self.url, request_timeout=self.timeout, max_retries=0)
        return self._client

    def ping(self):
        return self.client.ping()

    def create_index(self, recreate=False):
        index = build_index(self.index_name)
        if recreate and index.exists(using=self.client):
            index.delete(using=self.client)
        if not index.exists(using=self.client):
            index.create(using=self.client)

    def index_pages(self, pages):
        from elasticsearch.helpers import bulk

        actions = ({"_index": self.index_name, "_id": str(page.pk), "_source": document_for(page)} for page in pages)
        ok, _errors = bulk(self.client, actions, raise_on_error=True, refresh=False)
        return ok

    def delete_page(self, page_id):
        from elasticsearch import NotFoundError

        try:
            self.client.delete(index=self.index_name, id=str(page_id))
        except NotFoundError:
            pass

    def refresh(self):
        self.client.indices.refresh(index=self.index_name)

    def count(self):
        return self.client.count(index=self.index_name)["count"]

    def search_ids(self, plan, *, locale=None, size=500, autocomplete=False):
        search = build_search(plan, locale=locale, size=size, autocomplete=autocomplete, using=self.client)
        return [int(hit.page_id) for hit in search.execute()]


#: Errors that mean "the cluster is not usable now": search falls back, indexing logs and goes on.
def unavailable_errors():
    from elastic_transport import ConnectionError as TransportConnectionError
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    return (TransportConnectionError, TransportError, ApiError, OSError)
