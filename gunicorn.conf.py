"""Gunicorn settings for the portal (read automatically by `gunicorn portal.wsgi`).

Every value can be overridden from the environment (GUNICORN_*), so the same file serves a
2-core VM, a larger host and the benchmark. See docs/performance.md for the reasoning.

- Sync workers, 2 x cores + 1: Django and the database driver are synchronous; a sync worker per
  request keeps memory predictable and a stuck request cannot starve others in the same worker.
- `timeout` 30 s: a worker silent for 30 s is killed and replaced (the master logs it); requests
  themselves are bounded by the database statement timeout well before that.
- `graceful_timeout` 30 s: a reload/stop lets in-flight submissions finish.
- `max_requests` 2000 with jitter: workers are recycled now and then, bounding slow memory growth
  without all restarting at once.
- `preload_app`: the code is imported once in the master, so workers start in milliseconds after a
  crash and share memory copy-on-write. Database connections are opened per worker after fork
  (Django opens them lazily), never shared.
- Database connections: set CONN_MAX_AGE (seconds) so each worker keeps its connection between
  requests (saves a connect per request, ~2-5 ms on PostgreSQL); `conn_health_checks` (always on in
  settings) pings a reused connection before the request uses it, so after a PostgreSQL restart
  the first request in each worker reconnects instead of failing.
"""

import multiprocessing
import os


def _int(name, default):
    return int(os.environ.get(name, default))


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = _int("GUNICORN_THREADS", 1)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
backlog = _int("GUNICORN_BACKLOG", 2048)
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") == "1"
accesslog = os.environ.get("GUNICORN_ACCESSLOG") or None
errorlog = os.environ.get("GUNICORN_ERRORLOG", "-")
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
proc_name = "portal"
# Keep request line and headers bounded (defaults are generous already).
limit_request_line = 8190

# Default CONN_MAX_AGE for gunicorn when the environment does not choose (settings read it).
os.environ.setdefault("CONN_MAX_AGE", "60")


def pre_fork(server, worker):
    # Runs in the master: a connection opened while importing (preload) must never be inherited.
    from django.db import connections

    for conn in connections.all(initialized_only=True):
        conn.close()
