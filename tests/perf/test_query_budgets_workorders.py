"""Query budgets of the staff worklist (admin list and staff API) and the request API lists:
the same number of SQL queries with 10 and with 100 requests."""

from datetime import timedelta

import pytest
from django.utils import timezone

from portal.workorders.models import ApiToken, WorkOrder
from tests.factories import BuildingFactory, CategoryFactory, UserFactory

from .test_query_budgets import assert_constant

pytestmark = pytest.mark.django_db


@pytest.fixture
def add_requests():
    building = BuildingFactory()
    categories = [CategoryFactory(code="water-leak", name="水管漏水"), CategoryFactory(code="lift", name="电梯故障")]
    made = [0]

    def add(n):
        now = timezone.now()
        rows = []
        for _ in range(n):
            made[0] += 1
            category = categories[made[0] % 2]
            rows.append(
                WorkOrder(
                    number=f"T{made[0]:07d}",
                    category=category,
                    name="居民",
                    phone="13800001234",
                    building=building,
                    grid=building.grid,
                    description="漏水",
                    submitted_at=now - timedelta(minutes=made[0]),
                    response_due=now + timedelta(hours=2),
                    resolution_due=now + timedelta(hours=48),
                )
            )
        WorkOrder.objects.bulk_create(rows)

    return add


@pytest.fixture
def manager(db):
    return UserFactory(username="manager1", is_staff=True, is_superuser=True)


def test_staff_worklist_admin(client, manager, add_requests):
    client.force_login(manager)
    assert_constant(client, "/admin/workorders/workorder/?status=submitted", add_requests)


def test_staff_worklist_api(client, manager, add_requests):
    _token, raw = ApiToken.issue(manager, "budget")
    small, response = assert_constant(
        client,
        "/api/portal/workorders/staff/requests?status=submitted",
        add_requests,
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.json()["count"] == 100


def test_categories_api(client, add_requests):
    def add(n):
        start = 1000 + len(CategoryFactory._meta.model.objects.all())
        for i in range(n):
            CategoryFactory(code=f"cat-{start + i}", name=f"类别{start + i}")

    assert_constant(client, "/api/portal/workorders/categories", add)


def test_api_submission_budget(client, django_capture_on_commit_callbacks):
    """A new request over the API: the idempotency key is looked up once, the building comes with its
    grid, and a replay costs the look-up (by id only) and one read of the stored request, no writes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    building = BuildingFactory()
    category = CategoryFactory(code="water-leak", name="水管漏水")
    form = {
        "category": category.code,
        "name": "王大爷",
        "phone": "13900001111",
        "description": "卫生间墙面裂缝",
        "building": building.pk,
        "consent": True,
    }
    url = "/api/portal/workorders/requests"

    def statements(expected_status):
        with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
            assert client.post(url, form, HTTP_IDEMPOTENCY_KEY="budget-1").status_code == expected_status
        return [q["sql"] for q in queries.captured_queries]

    new = statements(201)
    assert len([sql for sql in new if "idempotency_key" in sql and sql.startswith("SELECT")]) == 1
    assert not [sql for sql in new if sql.startswith("SELECT") and 'FROM "grids_grid"' in sql]
    writes = [sql for sql in new if sql.startswith(("INSERT", "UPDATE"))]
    # number, request, audit line, outbox row, outbox row taken (pending -> sending, so a sender
    # killed mid-send never sends it twice), outbox row sent
    assert len(writes) == 6, writes
    replay = statements(200)
    reads = [sql for sql in replay if "workorders_workorder" in sql]
    assert len(reads) == 2 and reads[0].startswith('SELECT "workorders_workorder"."id" AS "pk" FROM'), replay
    assert not [sql for sql in replay if sql.startswith(("INSERT", "UPDATE"))]
