"""The benchmark's yardstick: a constant Django view, served only when PORTAL_BENCH_VIEWS is on.

bench/bare serves the same 200 bytes from a bare Django project, so the two figures side by side
show what the portal's middleware costs.
"""

from django.http import HttpResponse
from django.views.decorators.http import require_GET

CONSTANT_BODY = (
    b"<!DOCTYPE html><html lang=zh-hans><head><meta charset=utf-8><title>ok</title></head><body><p>"
    + b"x" * 89
    + b"</p></body></html>"
)
assert len(CONSTANT_BODY) == 200  # noqa: S101 - a fixed size the benchmark reports


@require_GET
def constant(request):
    """No database, no template: the fastest answer this server can give through the full middleware."""
    return HttpResponse(CONSTANT_BODY, content_type="text/html; charset=utf-8")
