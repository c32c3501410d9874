"""Site search as one service: the search page, the portal API and the benchmark all call it.

`search_pages()` asks the engine (Elasticsearch when configured and reachable, otherwise the
Chinese-aware database backend) for a ranked list of page ids, keeps only live, public pages of the
active language, then builds facets (content type, service category), applies the chosen facet
filters, paginates and highlights. `autocomplete()` serves the search box.
"""

import html
import logging
import math
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend

from . import analysis, elastic
from .pages import CATEGORY_ATTRIBUTES, page_category, page_texts, service_categories

logger = logging.getLogger(__name__)

MAX_HITS = 200  # ranked candidates considered per query (facets count within these)
MAX_PER_PAGE = 50
MAX_QUERY_LENGTH = 100
SNIPPET_CHARS = 90
POPULAR_TOPICS = ["食堂", "养老", "维修", "家政", "恳谈会", "讲座"]


class SearchInputError(ValueError):
    """Bad input from a user or client; the message is shown to them."""


@dataclass
class Hit:
    page: Page
    title: str
    title_html: str
    snippet_html: str
    url: str
    content_type: str
    content_type_label: str
    category: str


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchOutcome:
    query: str
    hits: list = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = 10
    facets: dict = field(default_factory=dict)
    suggestions: list = field(default_factory=list)
    engine: str = "database"

    @property
    def num_pages(self):
        return max(1, math.ceil(self.total / self.per_page)) if self.total else 1

    @property
    def has_next(self):
        return self.page < self.num_pages

    @property
    def has_previous(self):
        return self.page > 1


def clean_query(query):
    query = " ".join((query or "").split())
    if len(query) > MAX_QUERY_LENGTH:
        raise SearchInputError(_("The search text is too long (at most %(n)d characters).") % {"n": MAX_QUERY_LENGTH})
    return query


def clean_paging(page, per_page):
    try:
        page = int(page or 1)
        per_page = int(per_page or 10)
    except (TypeError, ValueError) as exc:
        raise SearchInputError(_("The page number must be a whole number.")) from exc
    if page < 1 or per_page < 1 or per_page > MAX_PER_PAGE:
        raise SearchInputError(
            _("The page must be 1 or more and the page size between 1 and %(n)d.") % {"n": MAX_PER_PAGE}
        )
    return page, per_page


def _base_queryset(locale):
    qs = Page.objects.live().public().filter(depth__gt=1)
    if locale is not None:
        qs = qs.filter(locale=locale)
    return qs


def _active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


#: Page columns the service needs of every candidate (content type facet, service category).
CANDIDATE_FIELDS = ("content_type_id", "path", "depth")


def ranked_ids(query, *, locale=None, limit=MAX_HITS, autocomplete=False):
    """Ranked ids of matching live, public pages, and the engine that answered."""
    rows, engine = _ranked_rows(query, locale=locale, limit=limit, autocomplete=autocomplete)
    return [row[0] for row in rows], engine


def _ranked_rows(query, *, locale=None, limit=MAX_HITS, autocomplete=False, fields=()):
    """Ranked `(pk, *fields)` of matching live, public pages, and the engine that answered.

    The fields are read together with the live/public check of the ranked ids (one query).
    """
    plan = analysis.query_plan(query)
    if not plan:
        return [], "database"
    if elastic.is_configured():
        try:
            ids = elastic.ElasticsearchEngine().search_ids(
                plan, locale=locale.language_code if locale else None, size=limit, autocomplete=autocomplete
            )
        except elastic.unavailable_errors() as exc:
            logger.warning("Elasticsearch unavailable, searching the database instead: %s", exc)
        else:
            return _allowed_rows(ids, locale, fields), "elasticsearch"
    backend = get_search_backend()
    if hasattr(backend, "ranked_rows"):
        # The Chinese-aware backends rank pages with the words as typed first themselves.
        qs = _base_queryset(locale)
        return backend.ranked_rows(query, qs, limit, fields=fields, autocomplete=autocomplete), "database"
    if not plan.uses_synonyms:
        ids = _database_ids(query, locale, limit, autocomplete)
    else:
        # Another backend: pages with the words as typed rank above pages found only through a synonym.
        with analysis.without_synonyms():
            exact = _database_ids(query, locale, limit, autocomplete)
        seen = set(exact)
        ids = (exact + [i for i in _database_ids(query, locale, limit, autocomplete) if i not in seen])[:limit]
    return _allowed_rows(ids, locale, fields), "database"


def _allowed_rows(ids, locale, fields):
    """`(pk, *fields)` of the live, public pages among `ids`, in the order of `ids`."""
    rows = {row[0]: row for row in _base_queryset(locale).filter(pk__in=ids).values_list("pk", *fields)}
    return [rows[i] for i in ids if i in rows]


def _database_ids(query, locale, limit, autocomplete):
    backend = get_search_backend()
    qs = _base_queryset(locale)
    results = backend.autocomplete(query, qs) if autocomplete else backend.search(query, qs)
    return [p.pk for p in results[:limit]]


def _mark(text, terms):
    """HTML-escaped `text` with every occurrence of `terms` wrapped in <mark>."""
    if not terms:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)), re.IGNORECASE)
    out, last = [], 0
    for m in pattern.finditer(text):
        out.append(html.escape(text[last : m.start()]))
        out.append(f"<mark>{html.escape(m.group(0))}</mark>")
        last = m.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def _terms_in(text, plan):
    """The strings to highlight in `text`: query words and synonyms, and words whose pinyin was typed."""
    norm = analysis.normalize(text)
    terms = set(analysis.highlight_terms(plan))
    latin = {t for t in plan.highlight if not analysis.is_han(t)}
    if latin and norm:
        for word in analysis.words(norm):
            if analysis.is_han(word) and len(word) >= 2 and analysis.full_pinyin(word) in latin:
                terms.add(word)
    # Highlight in the text as written (traditional or full-width characters included).
    return {t for t in terms if t}, norm


def highlight(text, plan, length=SNIPPET_CHARS):
    """A window of `text` around the first match, with matches marked (safe HTML)."""
    text = " ".join((text or "").split())
    if not text:
        return mark_safe("")  # noqa: S308 - empty string
    terms, norm = _terms_in(text, plan)
    # normalize() keeps length for CJK text; fall back to the start when it does not.
    source = norm if len(norm) == len(text) else text
    first = min((source.find(t) for t in terms if source.find(t) >= 0), default=0)
    start = max(0, first - length // 3)
    end = min(len(text), start + length)
    window, window_norm = text[start:end], source[start:end]
    marked = _mark_aligned(window, window_norm, terms)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + marked + suffix)  # noqa: S308 - every piece is escaped in _mark_aligned


def _mark_aligned(original, normalized, terms):
    """Find matches in the normalised text, mark the same positions of the original."""
    if len(original) != len(normalized) or not terms:
        return _mark(original, terms)
    pattern = re.compile("|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True)))
    out, last = [], 0
    for m in pattern.finditer(normalized):
        out.append(html.escape(original[last : m.start()]))
        out.append(f"<mark>{html.escape(original[m.start() : m.end()])}</mark>")
        last = m.end()
    out.append(html.escape(original[last:]))
    return "".join(out)


@dataclass
class Candidate:
    pk: int
    type_key: str
    type_label: str
    category: str = ""
    content_type_id: int | None = None


def _candidates(ranked_rows):
    """Ranked candidates with their content type and service category.

    `ranked_rows` are `(pk, *CANDIDATE_FIELDS)` tuples, best first. The category is the parent
    service category page's title (service listings), or the page's own `search_category` for page
    types that define one.
    """
    ids = [row[0] for row in ranked_rows]
    rows = {pk: (ct_id, path, depth) for pk, ct_id, path, depth in ranked_rows}
    categories = service_categories([(pk, path, depth) for pk, (_ct, path, depth) in rows.items()])
    by_type, types = {}, {}
    for pk, (ct_id, _path, _depth) in rows.items():
        by_type.setdefault(ct_id, []).append(pk)
    for ct_id, pks in by_type.items():
        ct = ContentType.objects.get_for_id(ct_id)
        model = ct.model_class()
        label = str(model._meta.verbose_name) if model else ct.model
        types[ct_id] = (f"{ct.app_label}.{ct.model}", label)
        if model is not None and any(hasattr(model, name) for name in CATEGORY_ATTRIBUTES):
            for obj in model._default_manager.filter(pk__in=pks):
                categories[obj.pk] = page_category(obj) or categories.get(obj.pk, "")
    return [Candidate(i, *types[rows[i][0]], categories.get(i, ""), rows[i][0]) for i in ids if i in rows]


def _specific_pages(candidates):
    """{pk: specific page} of these candidates: one query per page type, their types being known."""
    by_type = {}
    for c in candidates:
        by_type.setdefault(c.content_type_id, []).append(c.pk)
    pages = {}
    for ct_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(ct_id).model_class()
        if model is None or not issubclass(model, Page):
            # A page type whose code is gone: Wagtail's own fallback (the base page).
            pages.update({p.pk: p for p in Page.objects.filter(pk__in=pks).specific()})
        else:
            pages.update(model._default_manager.in_bulk(pks))
    return pages


def _hit_sources(candidates, request):
    """{pk: (specific page, title, body text, URL)} of the candidates shown (one query per page type)."""
    pages = _specific_pages(candidates)
    found = {}
    for c in candidates:
        p = pages.get(c.pk)
        if p is not None:
            title, body = page_texts(p)
            found[c.pk] = (p, title, body, p.get_url(request=request) or "")
    return found


def _facet(pairs, selected):
    counts, labels = {}, {}
    for value, label in pairs:
        counts[value] = counts.get(value, 0) + 1
        labels.setdefault(value, label)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [FacetValue(value, labels[value], n, value == selected) for value, n in ordered]


def _suggestions(query, plan, locale):
    """For a query with no results: its words that do find pages, then popular topics that do."""
    found = []
    words = [alts[0].tokens[0] for alts in plan.groups] if plan else []
    candidates = (words if len(words) > 1 else []) + POPULAR_TOPICS
    for word in candidates:
        if word in found or word == query:
            continue
        if ranked_ids(word, locale=locale, limit=1)[0]:
            found.append(word)
        if len(found) >= 5:
            break
    return found


def search_pages(query, *, page=1, per_page=10, content_type="", category="", request=None):
    """Search live, public pages of the active language; see the module docstring."""
    query = clean_query(query)
    page, per_page = clean_paging(page, per_page)
    outcome = SearchOutcome(query=query, page=page, per_page=per_page)
    if not query:
        return outcome
    locale = _active_locale()
    plan = analysis.query_plan(query)
    ranked, outcome.engine = _ranked_rows(query, locale=locale, fields=CANDIDATE_FIELDS)
    candidates = _candidates(ranked)
    outcome.facets = {
        "content_type": _facet([(c.type_key, c.type_label) for c in candidates], content_type),
        "category": _facet([(c.category, c.category) for c in candidates if c.category], category),
    }
    rows = [c for c in candidates if (not content_type or c.type_key == content_type)]
    rows = [c for c in rows if (not category or c.category == category)]
    outcome.total = len(rows)
    if outcome.total and page > outcome.num_pages:
        raise SearchInputError(_("There is no page %(page)d of these results.") % {"page": page})
    shown = rows[(page - 1) * per_page : page * per_page]
    sources = _hit_sources(shown, request)
    for c in shown:
        source = sources.get(c.pk)
        if source is None:
            continue
        p, title, body, url = source
        title_terms, title_norm = _terms_in(title, plan)
        outcome.hits.append(
            Hit(
                page=p,
                title=title,
                title_html=mark_safe(_mark_aligned(title, title_norm, title_terms)),  # noqa: S308 - escaped
                snippet_html=highlight(body, plan),
                url=url,
                content_type=c.type_key,
                content_type_label=c.type_label,
                category=c.category,
            )
        )
    if not outcome.total:
        outcome.suggestions = _suggestions(query, plan, locale)
    return outcome


def autocomplete(query, *, limit=8, request=None):
    """Titles for the search box: prefix matches on title words, pinyin and pinyin initials."""
    query = clean_query(query)
    if not query:
        return []
    limit = max(1, min(int(limit), 20))
    ids, _engine = ranked_ids(query, locale=_active_locale(), limit=limit, autocomplete=True)
    pages = {p.pk: p for p in Page.objects.filter(pk__in=ids)}
    return [
        {"id": i, "title": pages[i].title, "url": pages[i].get_url(request=request) or ""} for i in ids if i in pages
    ]
