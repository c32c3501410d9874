"""The staff worklist API's filters give the same answers after its query was made cheap
(no per-row me-too aggregate, overdue as a plain condition instead of `pk IN (subquery)`)."""

from datetime import timedelta

from django.utils import timezone

from portal.workorders import services
from portal.workorders.models import WorkOrder
from tests.factories import submission

URL = "/api/portal/workorders/staff/requests"


def numbers(response):
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == len(body["results"])
    return {row["number"] for row in body["results"]}


def test_overdue_filter_splits_the_list_in_two(client, category, public_category, building, staff_key):
    long_ago = timezone.now() - timedelta(days=30)
    late = services.submit(submission(category, building, submitted_at=long_ago), notify=False)
    on_time = services.submit(submission(category, building), notify=False)
    closed_late = services.submit(submission(category, building, submitted_at=long_ago), notify=False)
    WorkOrder.objects.filter(pk=closed_late.pk).update(status=WorkOrder.Status.CLOSED)

    overdue = numbers(client.get(URL, {"overdue": "true"}, **staff_key))
    not_overdue = numbers(client.get(URL, {"overdue": "false"}, **staff_key))
    assert overdue == {late.number}
    assert not_overdue == {on_time.number, closed_late.number}
    assert numbers(client.get(URL, {"overdue": "true", "status": "closed"}, **staff_key)) == set()


def test_a_request_with_me_toos_is_listed_once(client, public_category, building, staff_key):
    order = services.submit(submission(public_category, building, location="3号楼路灯"), notify=False)
    other = services.submit(submission(public_category, building, location="4号楼路灯"), notify=False)
    for phone in ("13700000001", "13700000002", "13700000003"):
        services.me_too(order, phone=phone)
    response = client.get(URL, {"status": "submitted"}, **staff_key)
    assert numbers(response) == {order.number, other.number}
    assert [row["number"] for row in response.json()["results"]] == [other.number, order.number]
