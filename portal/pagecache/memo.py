"""A per-process memo of what nearly every public page looks up and editors rarely change.

Routing, the privacy check, the header and the language links read the site for the host, the page
view restrictions, the brand settings, the locales and the site's home page on every page: six to
eight queries of a page's fifteen. `memo(key, compute)` keeps such values in the worker's memory
for the current cache generation (`generation.py`): any change to content bumps the generation,
and a worker drops its memo when it sees a new one, within `PAGECACHE_GENERATION_TTL` (0.5 s), the
same promise as for cached pages. Values are read only: where a request could change an instance
(the site, the brand settings, the home page) callers hand out a copy (`copy.copy` gives a model
instance its own related-object cache).

With the page cache off (`PAGECACHE_ENABLED=0`, the test settings) or the cache unreachable,
every call computes. `None` ("not found") is never kept, and the memo holds at most `MAX_ENTRIES`
values, so requests for made-up URLs or ids cannot grow it.
"""

import copy
import threading

from django.http.request import split_domain_port

from . import generation

MAX_ENTRIES = 10_000  # per process; past it the memo starts again (routes of a very large site)

_lock = threading.Lock()
_state = {"generation": None, "values": {}}


def memo(key, compute):
    """`compute()`, or its value remembered in this process for the current generation."""
    return memo_many([key], lambda _missing: {key: compute()})[key]


def memo_many(keys, compute):
    """{key: value} for `keys`: remembered values, and `compute(missing_keys)` (a dict) for the rest.

    One call computes every missing value at once (say, one query per page type for a page of
    search results). A key `compute` leaves out, or maps to None, is absent or None in the answer
    and is not kept.
    """
    from .middleware import enabled

    if not enabled():
        return _computed(keys, compute)
    try:
        current = generation.current()
    except Exception:  # noqa: BLE001 - cache unreachable: compute, as without a memo
        return _computed(keys, compute)
    with _lock:
        if _state["generation"] != current:
            _state["generation"], _state["values"] = current, {}
        values = _state["values"]
        found = {key: values[key] for key in keys if key in values}
    missing = [key for key in keys if key not in found]
    if not missing:
        return found
    computed = _computed(missing, compute)
    with _lock:
        if _state["generation"] == current:
            for key, value in computed.items():
                if value is None:  # "not found" is not kept: random URLs or ids must not fill the memory
                    continue
                if len(values) >= MAX_ENTRIES:
                    values.clear()
                values[key] = value
    found.update(computed)
    return found


def _computed(keys, compute):
    values = compute(list(keys))
    return {key: values.get(key) for key in keys}


def forget():
    """Drop this process's memo (tests)."""
    with _lock:
        _state["generation"], _state["values"] = None, {}


def site_key(request):
    """What a URL built for `request` depends on besides the page: the Wagtail site and the host."""
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    return (site.pk if site else None, request.get_host() if request is not None else None)


def remember_site(request):
    """Give the request its Wagtail site from the memo.

    Wagtail keeps `Site.find_for_request(request)` in `request._wagtail_site` (its documented
    per-request cache); setting it first saves the site query of routing and of every tag after it.
    The memo keeps the site with its root page (Wagtail selects it with the site) and that page's
    specific instance, which routing starts from: shared within the generation, read only.
    """
    from wagtail.models import Site

    host, port = split_domain_port(request._get_raw_host())[0], request.get_port()
    site = memo(("site", host, port), lambda: Site.find_for_request(request))
    request._wagtail_site = copy.copy(site)
    # Likewise the root paths every page URL is built from (Wagtail reads them from the cache once
    # per request, into `request._wagtail_cached_site_root_paths`).
    request._wagtail_cached_site_root_paths = memo("site_root_paths", Site.get_site_root_paths)
