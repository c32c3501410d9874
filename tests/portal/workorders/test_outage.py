"""A database outage answers 503 with Retry-After, never 500 (a real failed connection in a fresh process)."""

import json

from tests.conftest import run_python

CODE = """
import django, json
django.setup()
from django.test import Client
client = Client(raise_request_exception=False)
answers = {}
api = client.post("/api/portal/workorders/requests", {"category": "water-leak", "name": "李", "phone": "13800001234",
                  "description": "漏水", "consent": "true"}, HTTP_IDEMPOTENCY_KEY="k1")
answers["api"] = [api.status_code, api.get("Retry-After"), api.json()]
page = client.post("/baoshi/", {"name": "李"})
answers["form"] = [page.status_code, page.get("Retry-After"), page.content.decode()]
lookup = client.get("/requests/lookup/", {"number": "BY-20261125-0001", "code": "ABC"})
answers["lookup"] = [lookup.status_code, lookup.get("Retry-After")]
nothing = client.get("/no-such-page.xml")  # a 404: Wagtail's redirect lookup meets the outage after the view
answers["not_found"] = [nothing.status_code, nothing.get("Retry-After")]
open311 = client.get("/open311/v2/services.json")
answers["open311"] = [open311.status_code, open311.get("Retry-After")]
print(json.dumps(answers, ensure_ascii=False))
"""


def test_database_outage_is_503_with_retry_after():
    result = run_python(CODE, env={"DATABASE_URL": "postgres://nobody@127.0.0.1:9/none"})
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    for name in ("api", "form", "lookup", "open311", "not_found"):
        assert answers[name][0] == 503, (name, answers[name])
        assert answers[name][1] == "30"
    assert answers["api"][2]["code"] == "service_unavailable"
    assert "未保存" in answers["form"][2]
