"""The health endpoint load balancers poll."""

import json

from tests.conftest import run_python


def test_health_reports_database_cache_and_search(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "search"}
    assert all(check["ok"] for check in body["checks"].values())
    assert response["Cache-Control"].startswith("max-age=0")


def test_health_answers_503_when_the_database_is_down():
    # A fresh process whose database is a PostgreSQL port nothing listens on: a real failed connection.
    code = """
import django, json
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(json.dumps({"status": response.status_code, "body": response.json()}))
"""
    result = run_python(code, env={"DATABASE_URL": "postgres://nobody@127.0.0.1:9/none"})
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer["status"] == 503
    assert answer["body"]["status"] == "down"
    assert answer["body"]["checks"]["database"]["ok"] is False
    assert answer["body"]["checks"]["cache"]["ok"] is True


def test_health_refuses_other_methods(client, db):
    assert client.post("/healthz").status_code == 405
