# ruff: noqa: S310 - benchmark code: fixed local URLs
"""The writing half of the working-day mix (bench/run.py starts it beside the readers).

For BENCH_MIX_SECONDS it does, round after round, what residents and stewards do during the day:
a resident submits a request over the API (HTTP, as the app does); a steward moves the oldest open
request of their grid one step (accept, assign, start, resolve, and the resident rates it); a
steward logs a household visit. The steps go through the portal's service functions, so every
signal a real action sends is sent. Prints one JSON line with what it did.
"""

import json
import os
import sys
import time
import urllib.parse
import urllib.request
import uuid

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from portal.accounts import roles  # noqa: E402
from portal.grids import services as grid_services  # noqa: E402
from portal.grids.models import Building, Household, Steward, Unit  # noqa: E402
from portal.workorders import services  # noqa: E402
from portal.workorders.models import WorkOrder  # noqa: E402

BASE = os.environ["BENCH_BASE"]
SECONDS = float(os.environ.get("BENCH_MIX_SECONDS", 60))
PAUSE = float(os.environ.get("BENCH_MIX_PAUSE", 0.3))  # between actions: a busy office, not a flood


def setup():
    building = Building.objects.select_related("grid").order_by("pk").first()
    user, _ = get_user_model().objects.get_or_create(username="bench-steward")
    user.groups.add(roles.ensure_roles()[roles.STEWARD])
    steward, _ = Steward.objects.get_or_create(
        user=user, defaults={"name": "红管家（基准）", "phone": "13900000001", "kind": Steward.Kind.GRID}
    )
    steward.grids.add(building.grid)
    unit, _ = Unit.objects.get_or_create(building=building, number=1)
    household, _ = Household.objects.get_or_create(unit=unit, room="101", defaults={"head_name": "李奶奶"})
    return building, user, steward, household


def submit(building, run_id, n):
    body = urllib.parse.urlencode(
        {
            "category": "water-leak",
            "name": "李奶奶",
            "phone": f"139{n:08d}",
            "description": "厨房水管漏水",
            "building": building.pk,
            "consent": "true",
            "room": "301",
        }
    ).encode()
    request = urllib.request.Request(
        BASE + "/api/portal/workorders/requests",
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded", "Idempotency-Key": f"mix-{run_id}-{n}"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status


def transition(building, steward):
    order = (
        WorkOrder.objects.filter(building__grid=building.grid, idempotency_key__startswith="mix-")
        .exclude(status__in=[WorkOrder.Status.CLOSED, WorkOrder.Status.REJECTED, WorkOrder.Status.DUPLICATE])
        .order_by("pk")
        .first()
    )
    if order is None:
        return None
    step = {
        WorkOrder.Status.SUBMITTED: lambda: services.accept(order),
        WorkOrder.Status.REOPENED: lambda: services.accept(order),
        WorkOrder.Status.ACCEPTED: lambda: services.assign(order, steward),
        WorkOrder.Status.ASSIGNED: lambda: services.start(order),
        WorkOrder.Status.IN_PROGRESS: lambda: services.resolve(order),
        WorkOrder.Status.RESOLVED: lambda: services.rate(order, speed=5, quality=4, attitude=5),
    }.get(order.status)
    if step is None:
        return None
    step()
    return order.status


def main():
    building, user, steward, household = setup()
    run_id = uuid.uuid4().hex[:8]
    done = {"submitted": 0, "transitions": 0, "rated": 0, "visits": 0, "errors": 0}
    end = time.monotonic() + SECONDS
    n = 0
    while time.monotonic() < end:
        n += 1
        try:
            if submit(building, run_id, n) in (200, 201):
                done["submitted"] += 1
            status = transition(building, steward)
            if status == WorkOrder.Status.RESOLVED:
                done["rated"] += 1
            elif status is not None:
                done["transitions"] += 1
            grid_services.log_visit(user, household, note="上门走访")
            done["visits"] += 1
        except Exception as exc:  # noqa: BLE001 - counted and shown: the benchmark goes on
            done["errors"] += 1
            print(f"workday: {exc!r}", file=sys.stderr)
        time.sleep(PAUSE)
    print(json.dumps(done))


if __name__ == "__main__":
    main()
