"""The elder-friendly mode switch: a plain form post that sets a cookie, so it works without JavaScript."""

from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from .context_processors import ELDER_COOKIE

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
