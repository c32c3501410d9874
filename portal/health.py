"""`/healthz`: database, cache and search status for load balancers and monitoring.

Answers 200 when the database answers, 503 when it does not. Cache and search problems are
reported but keep the status at 200: the portal degrades (no cache, database search) rather
than stops. The database and cache checks are here; an app above adds its own with
`register_check` (search does, in its AppConfig.ready), so this module imports no app.
"""

import time
import uuid

from django.core.cache import cache, caches
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

#: name -> check, checked after the database and the cache; a check returns a short detail or raises.
_checks = {}


def register_check(name, check):
    _checks[name] = check
    return check


def _timed(check):
    started = time.perf_counter()
    try:
        detail = check()
        ok = True
    except Exception as exc:  # noqa: BLE001 - any failure of a dependency is a status, not a crash
        detail = f"{type(exc).__name__}: {exc}"[:200]
        ok = False
    return {"ok": ok, "detail": detail, "ms": round((time.perf_counter() - started) * 1000, 1)}


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return connection.vendor


def _cache():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", 5)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not return what was stored")
    cache.delete(key)
    return caches["default"].__class__.__name__


@never_cache
@require_GET
def healthz(request):
    checks = {"database": _timed(_database), "cache": _timed(_cache)}
    checks.update((name, _timed(check)) for name, check in _checks.items())
    if not checks["database"]["ok"]:
        # Drop the broken connection so the next request reconnects.
        connection.close_if_unusable_or_obsolete()
    status = "ok" if all(c["ok"] for c in checks.values()) else "degraded"
    if not checks["database"]["ok"]:
        status = "down"
    return JsonResponse({"status": status, "checks": checks}, status=503 if status == "down" else 200)
