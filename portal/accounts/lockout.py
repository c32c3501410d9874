"""django-axes: which account a log-in attempt is for, on every form (docs/deployment.md).

allauth authenticates with `username` or `email` (its form field is `login`), Wagtail's and Django's
admin with `username`. Names are compared case-insensitively, so "Admin" and "admin" share a count.
"""


def username(request, credentials):
    credentials = credentials or {}
    data = getattr(request, "POST", {}) if request is not None else {}
    for value in (
        credentials.get("username"),
        credentials.get("email"),
        credentials.get("login"),
        data.get("login"),
        data.get("username"),
    ):
        if value:
            return str(value).strip().lower()[:150]
    return None


def locked_out(request, original_response=None, credentials=None):
    """The page a locked-out log-in gets (429): what happened and when to try again, in the user's language."""
    from django.conf import settings
    from django.shortcuts import render

    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=settings.AXES_HTTP_RESPONSE_CODE)
