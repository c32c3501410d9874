"""A database outage answers 503 with Retry-After (never a 500), so clients and residents retry."""

import logging

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

RETRY_AFTER = "30"


def is_outage(exc):
    # OperationalError covers "connection refused", "database is locked", "server closed the connection".
    return isinstance(exc, OperationalError | InterfaceError) or (
        isinstance(exc, DatabaseError) and "connect" in str(exc).lower()
    )


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exc):
        if not is_outage(exc):
            return None
        return outage_response(request, exc)


def outage_response(request, exc):
    logger.error("Database unavailable on %s: %s", request.path, exc)
    for conn in connections.all(initialized_only=True):
        conn.close_if_unusable_or_obsolete()
    message = _("The service is briefly unavailable. Nothing was saved; please try again in a minute.")
    wants_json = request.path.startswith(("/api/", "/open311/")) or "json" in request.headers.get("Accept", "")
    if wants_json:
        response = JsonResponse({"detail": message, "code": "service_unavailable"}, status=503)
    else:
        response = HttpResponse(
            f'<!DOCTYPE html><html lang="zh-hans"><meta charset="utf-8"><title>503</title><p>{message}</p></html>',
            status=503,
            content_type="text/html; charset=utf-8",
        )
    response["Retry-After"] = RETRY_AFTER
    return response
