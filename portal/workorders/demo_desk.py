"""Demo: problems stewards found on this quarter's household visits, turned into requests (channel 走访).

A step of the request desk (`desk`): grids knows no requests, so it is the requests app's own.
Found by the demo registry like every app's `demo.py` (modules named `demo_*` are steps too).
"""

from django.core.exceptions import ValidationError

from portal.demo.registry import step
from portal.grids.models import Visit, current_quarter, quarter_bounds

from . import services as workorder_services
from .models import Category, WorkOrder


@step(430, "visit problems of this quarter turned into requests")
def load_visit_requests(ctx):
    """What a steward does on the stairs: a problem found on a visit becomes a request (channel 走访)."""
    category = Category.objects.filter(active=True, kind=Category.Kind.REPAIR_IN_HOME).order_by("sort_order").first()
    if category is None:  # the request categories come with the requests' demo step
        return
    start, end = quarter_bounds(*current_quarter())
    visits = (
        Visit.objects.filter(visited_on__range=(start, end))
        .exclude(problem="")
        .select_related("household__unit__building", "steward__user")
        .order_by("pk")
    )
    for visit in visits[: ctx.scaled(40)]:
        household = visit.household
        try:
            workorder_services.submit(
                workorder_services.Submission(
                    category=category,
                    name=household.head_name or "住户",
                    phone=household.phone,
                    description=visit.problem,
                    building=household.unit.building,
                    unit=household.unit.number,
                    room=household.room,
                    channel=WorkOrder.Channel.VISIT,
                    entered_by=visit.steward.user if visit.steward else None,
                    extra={"visit": visit.pk},
                    idempotency_key=f"demo-visit-{household.unit.building.number}-{household.unit.number}-"
                    f"{household.room}-{visit.visited_on:%Y%m%d}",
                ),
                notify=False,
            )
        except ValidationError:
            continue
