"""Search for the company's app: the same service, so the same results as the site's search page."""

from django.utils.translation import gettext_lazy as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from . import services

router = Router(tags=["search"])
PREFIX = "/search/"


class HitOut(Schema):
    id: int
    title: str
    title_html: str
    snippet_html: str
    url: str
    content_type: str
    content_type_label: str
    category: str


class FacetOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetsOut(Schema):
    content_type: list[FacetOut]
    category: list[FacetOut]


class SearchOut(Schema):
    query: str
    total: int
    page: int
    per_page: int
    num_pages: int
    engine: str
    results: list[HitOut]
    facets: FacetsOut
    suggestions: list[str]


class SuggestionOut(Schema):
    id: int
    title: str
    url: str


class AutocompleteOut(Schema):
    results: list[SuggestionOut]


class ErrorOut(Schema):
    detail: str


@router.get(
    "/",
    response={200: SearchOut, 400: ErrorOut},
    summary=str(_("Search live, public pages (Chinese, pinyin, traditional characters)")),
)
def search(
    request,
    q: str = "",
    page: int = Query(1, ge=1),
    per_page: int = Query(10, ge=1, le=services.MAX_PER_PAGE),
    type: str = "",  # noqa: A002
    category: str = "",
):
    try:
        outcome = services.search_pages(
            q, page=page, per_page=per_page, content_type=type, category=category, request=request
        )
    except services.SearchInputError as exc:
        raise HttpError(400, str(exc)) from exc
    return {
        "query": outcome.query,
        "total": outcome.total,
        "page": outcome.page,
        "per_page": outcome.per_page,
        "num_pages": outcome.num_pages,
        "engine": outcome.engine,
        "results": [
            {
                "id": h.page.pk,
                "title": h.title,
                "title_html": str(h.title_html),
                "snippet_html": str(h.snippet_html),
                "url": h.url,
                "content_type": h.content_type,
                "content_type_label": h.content_type_label,
                "category": h.category,
            }
            for h in outcome.hits
        ],
        "facets": {name: [vars(v) for v in values] for name, values in outcome.facets.items()}
        or {"content_type": [], "category": []},
        "suggestions": outcome.suggestions,
    }


@router.get(
    "/autocomplete", response={200: AutocompleteOut, 400: ErrorOut}, summary=str(_("Suggestions for the search box"))
)
def autocomplete(request, q: str = ""):
    try:
        return {"results": services.autocomplete(q, request=request)}
    except services.SearchInputError as exc:
        raise HttpError(400, str(exc)) from exc
