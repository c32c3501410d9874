"""The three rates, median times and overdue counts, and the anonymised drill-down."""

import datetime

from django.utils import timezone

from portal.stats import figures
from portal.workorders import services as wo
from tests.factories import submit_request


def test_rates_medians_and_overdue(client, world):
    now = timezone.now()
    t0 = now - datetime.timedelta(days=3)
    manager = world.users["manager"]
    # order_a / order_b exist from the world (submitted now, untouched, response due in 2 hours).
    fast = submit_request(world, world.unit_a, room="101", submitted_at=t0)
    wo.accept(fast, actor=manager, at=t0 + datetime.timedelta(hours=1))  # on time
    wo.resolve(fast, actor=manager, at=t0 + datetime.timedelta(hours=10))
    wo.rate(fast, speed=5, quality=5, attitude=4, at=t0 + datetime.timedelta(hours=11))  # satisfied, closes it
    slow = submit_request(world, world.unit_b, room="201", submitted_at=t0)
    wo.accept(slow, actor=manager, at=t0 + datetime.timedelta(hours=5))  # late: target is 2 hours
    wo.resolve(slow, actor=manager, at=t0 + datetime.timedelta(hours=30))  # resolved after the 24h target
    wo.rate(slow, speed=2, quality=3, attitude=3, at=t0 + datetime.timedelta(hours=31))
    late = submit_request(world, world.unit_b, room="202", submitted_at=t0)  # never accepted: overdue
    rejected = submit_request(world, world.unit_a, room="102", submitted_at=t0)
    wo.reject(rejected, actor=manager, note="不属于物业范围")

    today = timezone.localdate()
    data = figures.summary(today.replace(day=1) - datetime.timedelta(days=5), today)
    totals = data["requests"]["totals"]
    assert totals["total"] == 6
    assert totals["response_rate"] == round(1 / 6, 4)
    assert totals["resolution_rate"] == round(2 / 5, 4)  # the rejected one is left out
    assert totals["satisfaction_rate"] == 0.5
    assert totals["median_response_hours"] == 3.0  # 1 and 5 hours
    assert totals["median_resolution_hours"] == 20.0  # 10 and 30 hours
    assert totals["overdue"] == 1 and late.number
    per_grid = {r["label"]: r["count"] for r in data["requests"]["per_grid"]}
    assert per_grid == {"第1网格": 3, "第2网格": 3}
    assert data["requests"]["per_category"] == [{"label": "水管漏水", "id": world.category.pk, "count": 6}]

    client.force_login(world.users["official"])
    html = client.get("/data-centre/").content.decode()
    assert "响应率" in html and "17%" in html and "50%" in html and "<svg" in html
    cases = client.get("/data-centre/cases/", {"overdue": "1"})
    assert cases.status_code == 200
    html = cases.content.decode()
    assert late.number in html and fast.number not in html
    for personal in ("张三丰", "13812341234", "138****1234", "厨房水管漏水", ">202<"):
        assert personal not in html
    assert client.get("/data-centre/cases/", {"status": "nope"}).status_code == 400
    assert client.get("/data-centre/cases/", {"category": "x"}).status_code == 400
