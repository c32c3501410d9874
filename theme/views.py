"""The error pages: branded, in the visitor's language, phone-friendly."""

import sys

from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import translation

from portal.workorders.middleware import is_outage, outage_response

# Error pages (handler404/403/500 in portal.urls, CSRF_FAILURE_VIEW in settings): branded, in the
# visitor's language (LocaleMiddleware has already activated it), phone-friendly.


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def csrf_failure(request, reason=""):
    from django.middleware.csrf import REASON_NO_CSRF_COOKIE

    return render(request, "403_csrf.html", {"no_cookie": reason == REASON_NO_CSRF_COOKIE}, status=403)


def server_error(request):
    """Rendered without context processors, template tags that query, or the session: the error may be
    the database itself. Only the language and static files are used (elder mode is the browser's own).
    An outage raised outside any view (a middleware's response hook, such as Wagtail's redirect lookup
    on a 404) is a 503 with Retry-After, like the outages inside views."""
    exc = sys.exc_info()[1]
    if exc is not None and is_outage(exc):
        return outage_response(request, exc)
    language = translation.get_language() or settings.LANGUAGE_CODE
    home_url = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
    context = {"LANGUAGE_CODE": language, "home_url": home_url}
    return HttpResponseServerError(loader.render_to_string("500.html", context))
