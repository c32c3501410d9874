"""Schema-driven fuzzing of the portal API (/api/portal/openapi.json) with schemathesis.

Every operation is called with generated data, anonymously and with a staff API key: no response
may be a 500 and every response must match the documented schema (status, content type, body).
Schemathesis generates valid data (which must be accepted) and invalid data (which must be refused
with a 4xx: `negative_data_rejection`); request bodies are declared `additionalProperties: false`,
so the invalid data includes unknown fields, which must be refused too.
The normal test run uses a small budget (FUZZ_EXAMPLES, default 10 per operation); `make fuzz`
a large one.
"""

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from portal.wsgi import application

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))

# Known gaps found by this fuzzer, owned by the apps that define the operations (see
# docs/performance.md). Each is marked an expected failure (tests/perf/conftest.py), never hidden.
KNOWN_GAPS = {}

# Operations whose schema-valid input may still be refused with a 400 by a business rule no schema
# can state (the category must exist and be active, the mobile number must be a real mainland one,
# photos must decode). For these, schema-valid input must not fail *validation* (422) instead.
BUSINESS_RULES = {
    "POST /api/portal/workorders/requests": "category, mobile number and photos are checked by services.submit",
}

schema = schemathesis.openapi.from_wsgi("/api/portal/openapi.json", application)
# NUL characters: PostgreSQL refuses them in text; the API answers 400 (test_nul_characters_are_a_400 below).
# Generated NULs are left out so that one refused statement cannot abort the test's shared transaction.
schema.config.generation.update(allow_x00=False)


@pytest.fixture(autouse=True)
def keep_test_connection():
    """Calls go through the real WSGI handler, which closes the database connection after each
    request; inside the test's transaction that would break every later query (PostgreSQL).
    Django's own test client disconnects the same handlers."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def staff_headers(db):
    from django.contrib.auth import get_user_model

    from portal.workorders.models import ApiToken

    user = get_user_model().objects.create_user("fuzz-manager", is_staff=True, is_superuser=True)
    _token, raw = ApiToken.issue(user, "fuzz")
    return {"Authorization": f"Bearer {raw}"}


def test_openapi_document_is_served(client):
    response = client.get("/api/portal/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["paths"], "the API documents no operation"


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
    derandomize=True,
    database=None,
)
@pytest.mark.parametrize("role", ["anonymous", "staff"])
def test_api_operations(case, role, staff_headers):
    from django.db import transaction

    headers = staff_headers if role == "staff" else None
    options = {}
    if case.operation.label in BUSINESS_RULES:
        options = {"excluded_checks": [positive_data_acceptance], "additional_checks": [valid_input_passes_validation]}
    with transaction.atomic():  # one savepoint per example: examples do not see each other's rows
        case.call_and_validate(headers=headers, **options)


def valid_input_passes_validation(ctx, response, case):
    """Schema-valid input may meet a business rule (400) but never the input validation (422)."""
    if case.meta is not None and case.meta.generation.mode.is_positive and response.status_code == 422:
        raise AssertionError(f"schema-valid input refused by validation: {response.text[:300]}")


def test_nul_characters_are_a_400_not_a_500(client, db):
    response = client.post(
        "/api/portal/workorders/requests",
        {
            "category": "water\x00leak",
            "name": "李\x00",
            "phone": "13800001234",
            "description": "漏水",
            "consent": "true",
        },
    )
    assert response.status_code in (400, 422), response.content


def _resolve(document, schema):
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def test_every_request_body_declares_that_unknown_fields_are_refused(client, db):
    document = client.get("/api/portal/openapi.json").json()
    bodies = 0
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for media_type, content in (operation.get("requestBody") or {}).get("content", {}).items():
                bodies += 1
                body = _resolve(document, content["schema"])
                assert body.get("additionalProperties") is False, f"{method.upper()} {path} ({media_type})"
    assert bodies >= 6


def test_search_paging_bounds_are_documented_and_refused_in_chinese(client, db):
    document = client.get("/api/portal/openapi.json").json()
    parameters = {p["name"]: p["schema"] for p in document["paths"]["/api/portal/search/"]["get"]["parameters"]}
    assert parameters["page"]["minimum"] == 1
    assert (parameters["per_page"]["minimum"], parameters["per_page"]["maximum"]) == (1, 50)
    response = client.get("/api/portal/search/", {"q": "漏水", "per_page": 51})
    assert response.status_code == 422
    assert response.json()["errors"]["per_page"] == ["请使用 50 或更小的数。"]
