"""Gunicorn settings for the portal (read automatically by `gunicorn portal.wsgi`).

Every value can be overridden from the environment (GUNICORN_*), so the same file serves a
2-core VM, a larger host and the benchmark. See docs/performance.md for the reasoning.

- Sync workers, 2 x cores + 1: Django and the database driver are synchronous; a sync worker per
  request keeps memory predictable and a stuck request cannot starve others in the same worker.
- `timeout` 30 s: a worker silent for 30 s is killed and replaced (the master logs it); requests
  themselves are bounded by the database statement timeout well before that.
- `graceful_timeout` 30 s: a reload/stop lets in-flight submissions finish.
- Recycling (portal/recycling.py): a worker is replaced after about GUNICORN_MAX_REQUESTS requests
  (2000 plus a random share of up to half again, so workers drift apart) or when its memory grew
  by GUNICORN_MAX_MEMORY_GROWTH_MB since it warmed up, and never within GUNICORN_RECYCLE_WINDOW
  seconds of another worker's recycling: the others always serve meanwhile. Gunicorn's own
  `max_requests` stays 0 (its workers reach their limits together under an even load).
- `preload_app`: the code is imported and warmed once in the master (portal/wsgi.py: URLconf,
  translations, templates, search analysis), so a new worker serves its first request within
  milliseconds of the fork and shares memory copy-on-write. Database connections are opened per
  worker after fork (Django opens them lazily), never shared.
- Database connections: set CONN_MAX_AGE (seconds) so each worker keeps its connection between
  requests (saves a connect per request, ~2-5 ms on PostgreSQL); `conn_health_checks` (always on in
  settings) pings a reused connection before the request uses it, so after a PostgreSQL restart
  the first request in each worker reconnects instead of failing.
"""

import multiprocessing
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from portal.recycling import Policy  # noqa: E402 - needs the project on the path


def _int(name, default):
    return int(os.environ.get(name, default))


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = _int("GUNICORN_THREADS", 1)
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
max_requests = 0  # recycling is decided by `recycle` below, not by gunicorn's own counter
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


# Created here, in the master, so every worker shares its "last recycled at" slot.
recycle = Policy(
    max_requests=_int("GUNICORN_MAX_REQUESTS", 2000),
    max_growth_mb=_int("GUNICORN_MAX_MEMORY_GROWTH_MB", 200),
    window=float(os.environ.get("GUNICORN_RECYCLE_WINDOW", "5")),
)


def post_fork(server, worker):
    worker.recycle_state = recycle.new_worker()


def post_request(worker, req, environ, resp):
    state = worker.recycle_state
    reason = recycle.after_request(state)
    if state["served"] == 1:
        worker.log.info(
            "worker %s: first request answered %.0f ms after fork (%.0f ms of its CPU)",
            worker.pid,
            state["first_ms"],
            state["first_cpu_ms"],
        )
    if reason:
        worker.log.info("worker %s: recycling after this request: %s", worker.pid, reason)
        worker.alive = False
