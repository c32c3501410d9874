"""Whether a response may be shared by every anonymous visitor (docs/architecture.md, "Caching").

Used by Wagtail page serving (`cms.core.caching`) and by site views whose answer is the same for
everyone (search). Only responses marked here are stored by the page cache.
"""

from django.conf import settings


def page_cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def cacheable_request(request):
    """An anonymous visitor's GET or HEAD: no session, no pending message, no credentials."""
    if request.method not in ("GET", "HEAD") or getattr(request, "is_preview", False):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return "authorization" not in request.headers


def mark_public(request, response, seconds=None):
    """Mark `response` as the same for every anonymous visitor, when it is: decided after a template
    response is rendered, since only rendering shows whether the page used a CSRF token."""
    if getattr(response, "is_rendered", True) is False:
        response.add_post_render_callback(lambda rendered: _mark_public(request, rendered, seconds))
        return response
    return _mark_public(request, response, seconds)


def _mark_public(request, response, seconds):
    if not cacheable_request(request) or response.status_code != 200 or response.streaming:
        return response
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies:
        return response  # a form with this visitor's token, or a cookie for them: never shared
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return response
    if response.has_header("Cache-Control"):
        return response  # the view decided
    response["Cache-Control"] = f"public, max-age={page_cache_seconds() if seconds is None else seconds}"
    return response
