"""The benchmark's yardstick: a constant Django view, served only when PORTAL_BENCH_VIEWS is on."""

from django.http import HttpResponse
from django.views.decorators.http import require_GET

CONSTANT_BODY = b"<!DOCTYPE html><html lang=zh-hans><title>ok</title><p>ok</p></html>"


@require_GET
def constant(request):
    """No database, no template: the fastest answer this server can give through the full middleware."""
    return HttpResponse(CONSTANT_BODY, content_type="text/html; charset=utf-8")
