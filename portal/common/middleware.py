"""A body too large for any form or endpoint answers 413 with a message in the user's language.

Django reads a body lazily and raises `RequestDataTooBig` (a 500 in django-ninja, a bare 400 in a
form) only once a view touches it. Here the declared length is checked before anything reads it:
above `DATA_UPLOAD_MAX_MEMORY_SIZE` for a body without files, above `REQUEST_MAX_BODY_SIZE` for a
multipart upload (four photos and the form fields). The API's own handler catches what slips past
(a chunked body with no length). Place it after LocaleMiddleware and before CsrfViewMiddleware.
"""

import json

from django.conf import settings
from django.http import HttpResponse
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def limit_for(request):
    if request.content_type == "multipart/form-data":
        return settings.REQUEST_MAX_BODY_SIZE
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def too_large_message(limit):
    return _("What you sent is too large (at most %(mb)d MB). Please send fewer or smaller photos.") % {
        "mb": limit // (1024 * 1024)
    }


def too_large_response(request, limit):
    message = too_large_message(limit)
    if request.path.startswith("/open311/"):
        body = json.dumps([{"code": 413, "description": message}], ensure_ascii=False)
        return HttpResponse(body, status=413, content_type="application/json")
    if request.path.startswith("/api/") or "json" in request.headers.get("Accept", ""):
        body = json.dumps({"detail": message, "code": "too_large", "errors": {}}, ensure_ascii=False)
        return HttpResponse(body, status=413, content_type="application/json")
    page = (
        f'<!DOCTYPE html><html lang="{get_language() or "zh-hans"}"><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>413</title>'
        f'<p>{escape(message)}</p><p><a href="/">{escape(_("Back to the home page"))}</a></p></html>'
    )
    return HttpResponse(page, status=413, content_type="text/html; charset=utf-8")


class RequestSizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = limit_for(request)
        if length > limit:
            return too_large_response(request, limit)
        return self.get_response(request)
