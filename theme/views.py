"""The elder-friendly mode switch (a plain form post that sets a cookie, so it works without JavaScript)
and the error pages."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .context_processors import ELDER_COOKIE, elder_mode_on

ONE_YEAR = 365 * 24 * 60 * 60


def safe_next(request, default="/"):
    """The page to go back to: `next` from the form or the referring page, only if it is on this site."""
    for candidate in (request.POST.get("next"), request.headers.get("referer")):
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return candidate
    return default


@require_POST
def elder_mode(request):
    """Turn the elder-friendly mode (large text, high contrast, big buttons) on or off, then go back."""
    response = redirect(safe_next(request))
    if request.POST.get("elder") == "1":
        response.set_cookie(
            ELDER_COOKIE, "1", max_age=ONE_YEAR, samesite="Lax", secure=request.is_secure(), httponly=True
        )
    else:
        response.delete_cookie(ELDER_COOKIE, samesite="Lax")
    return response


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
    the database itself. Only the language, the elder-mode cookie and static files are used."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    home_url = "/" if language == settings.LANGUAGE_CODE else f"/{language}/"
    context = {"LANGUAGE_CODE": language, "elder_mode": elder_mode_on(request), "home_url": home_url}
    return HttpResponseServerError(loader.render_to_string("500.html", context))
