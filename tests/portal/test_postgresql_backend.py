"""portal.postgresql: a reused connection is checked without a round trip, and a dead one is replaced.

Needs PostgreSQL (CI runs the suite on it too); skipped on SQLite, which has no server to lose.
"""

import psycopg
import pytest
from django.conf import settings
from django.db import connection

pytestmark = [
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "portal.postgresql",
        reason="the PostgreSQL backend's health check needs PostgreSQL (DATABASE_URL=postgres://…)",
    ),
    pytest.mark.django_db(transaction=True),
]


def backend_pid():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def other_connection():
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    return psycopg.connect(**params, autocommit=True)


def last_statement(pid):
    """The last statement the server ran for backend `pid`, asked from a separate connection."""
    with other_connection() as other:
        return other.execute("SELECT query FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone()[0]


def next_request_checks_connection():
    """What Django does when the next request (with a persistent connection) first uses the database."""
    connection.health_check_enabled = True
    connection.health_check_done = False
    connection.close_if_health_check_failed()


def test_a_healthy_idle_connection_is_reused_without_asking_the_server():
    pid = backend_pid()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 'marker-before-the-check'")
    next_request_checks_connection()
    assert connection.health_check_done and connection.connection is not None
    # Django's own check would have sent `SELECT 1`: the server saw nothing after the marker.
    assert last_statement(pid) == "SELECT 'marker-before-the-check'"
    assert backend_pid() == pid, "a healthy connection was replaced"


def test_a_connection_the_server_closed_is_replaced_before_the_request_uses_it():
    pid = backend_pid()
    with other_connection() as admin:  # what a restart does to every backend
        assert admin.execute("SELECT pg_terminate_backend(%s)", [pid]).fetchone()[0] is True
        for _ in range(100):  # until the backend is gone
            if not admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", [pid]).fetchone():
                break
            admin.execute("SELECT pg_sleep(0.02)")
    next_request_checks_connection()
    assert connection.connection is None, "the dead connection was kept"
    assert backend_pid() != pid  # a new connection, and the request's first query worked
