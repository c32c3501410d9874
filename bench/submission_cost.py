"""In-process cost of one API submission: Python CPU, SQL statements and Redis round trips.

Run on PostgreSQL and Redis (not collected by the test run):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> REDIS_URL=redis://127.0.0.1:6379/<n> \
        .venv/bin/python -m pytest bench/submission_cost.py -s -q

It posts `SUBMISSIONS` requests through Django's test client (commits for real, so the SMS after
commit and the outbox row are included) and prints CPU ms per submission (`time.process_time`),
statements per submission and Redis round trips per submission. `BENCH_PROFILE=cumulative` (or
`tottime`) also prints a cProfile of the counted submissions, sorted by that key.
"""

import cProfile
import os
import pstats
import time

import pytest
import redis.connection
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.portal.workorders.factories import BuildingFactory, CategoryFactory
from tests.portal.workorders.test_api import submit_form

SUBMISSIONS = 200
URL = "/api/portal/workorders/requests"


@pytest.mark.django_db(transaction=True)
def test_submission_cost(client, settings, monkeypatch):
    from django.core.cache import cache

    from portal.workorders.models import WorkOrder

    settings.WORKORDER_RATE_LIMITS = {"ip_per_hour": 10**6, "phone_per_hour": 10**6}
    if os.environ.get("REDIS_URL"):
        redis_cache = {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
        settings.CACHES = {
            "default": {**redis_cache, "KEY_PREFIX": "bench-submission"},
            "pages": {**redis_cache, "KEY_PREFIX": "bench-submission-pages"},
        }
    category = CategoryFactory(code="water-leak", name="水管漏水")
    building = BuildingFactory()
    cache.clear()
    round_trips = [0]
    send = redis.connection.Connection.send_packed_command

    def counting_send(self, *args, **kwargs):
        round_trips[0] += 1
        return send(self, *args, **kwargs)

    monkeypatch.setattr(redis.connection.Connection, "send_packed_command", counting_send)

    data = submit_form(category, building)

    def post(i, expected=201):
        response = client.post(URL, data, HTTP_IDEMPOTENCY_KEY=f"bench-{i}")
        assert response.status_code == expected, response.content

    for i in range(20):  # warm-up: imports, URL resolver, prepared caches
        post(f"w{i}")
    with CaptureQueriesContext(connection) as queries:
        round_trips[0] = 0
        post("counted")
    captured, trips = list(queries.captured_queries), round_trips[0]  # the next request resets the log
    statements = len(captured)
    profiler = cProfile.Profile() if os.environ.get("BENCH_PROFILE") else None
    start = time.process_time()
    wall = time.perf_counter()
    if profiler:
        profiler.enable()
    for i in range(SUBMISSIONS):
        post(i)
    if profiler:
        profiler.disable()
    cpu = (time.process_time() - start) * 1000 / SUBMISSIONS
    wall = (time.perf_counter() - wall) * 1000 / SUBMISSIONS
    start = time.process_time()
    for i in range(SUBMISSIONS):
        post(i, expected=200)  # replays: the same idempotency keys again
    replay_cpu = (time.process_time() - start) * 1000 / SUBMISSIONS
    assert WorkOrder.objects.count() == SUBMISSIONS + 21
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(f"\n{connection.vendor}, cache {backend}: {SUBMISSIONS} API submissions")
    print(f"  new request: {cpu:.2f} ms CPU, {wall:.2f} ms wall; {statements} SQL statements, {trips} Redis trips")
    print(f"  replay:      {replay_cpu:.2f} ms CPU")
    for query in captured:
        print("   ", query["sql"][:150])
    if profiler:
        pstats.Stats(profiler).sort_stats(os.environ["BENCH_PROFILE"]).print_stats(60)
