"""The site's search page and the search box's autocomplete; both call `search.services`."""

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET
from wagtail.models import Site

from portal.common.http_cache import mark_public

from . import services


def _page_url(request, number):
    params = {k: v for k, v in request.GET.items() if k != "page" and v}
    params["page"] = number
    return f"{reverse('search:search')}?{urlencode(params)}"


@require_GET
def search(request):
    query = request.GET.get("q", "")
    context = {"query": query[: services.MAX_QUERY_LENGTH], "outcome": None, "error": ""}
    status = 200
    try:
        outcome = services.search_pages(
            query,
            page=request.GET.get("page", 1),
            per_page=request.GET.get("per_page", 10),
            content_type=request.GET.get("type", ""),
            category=request.GET.get("category", ""),
            request=request,
        )
    except services.SearchInputError as exc:
        context["error"] = str(exc)
        status = 400
    else:
        context["outcome"] = outcome
        if outcome.has_next:
            context["next_url"] = _page_url(request, outcome.page + 1)
        if outcome.has_previous:
            context["previous_url"] = _page_url(request, outcome.page - 1)
    site = Site.find_for_request(request)
    context["page"] = site.root_page.specific if site else None
    # Results are public content, the same for every visitor: cached like pages (and emptied with them).
    return mark_public(request, render(request, "search/search.html", context, status=status))


@require_GET
def autocomplete(request):
    try:
        items = services.autocomplete(request.GET.get("q", ""), request=request)
    except services.SearchInputError as exc:
        return JsonResponse({"detail": str(exc)}, status=400)
    return JsonResponse({"results": items})
