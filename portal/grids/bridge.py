"""The bridge to resident requests (portal.workorders): a problem found on a visit becomes a request
in one step, through portal.workorders.services.submit like every other channel."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def categories():
    from portal.workorders.models import Category

    return Category.objects.filter(active=True).order_by("sort_order", "name")


def request_from_visit(user, visit, category):
    """Submit a request for the visited household's problem, entered by the steward; returns its number.

    Raises ValidationError with readable messages (for example when the household has no mobile number).
    """
    from portal.workorders import services
    from portal.workorders.models import WorkOrder

    household = visit.household
    try:
        order = services.submit(
            services.Submission(
                category=category,
                name=household.head_name or _("Resident"),
                phone=household.phone,
                description=visit.problem,
                building=household.unit.building,
                unit=household.unit.number,
                room=household.room,
                channel=WorkOrder.Channel.VISIT,
                entered_by=user,
                consent=True,  # the household agreed during the visit; the steward records it for them
                extra={"visit": visit.pk},
            )
        )
    except ValidationError as exc:
        messages = []
        for field, errors in getattr(exc, "message_dict", {"": exc.messages}).items():
            label = _("household phone") if field == "phone" else field
            messages.extend(f"{label}: {e}" if label else e for e in errors)
        raise ValidationError(messages) from exc
    return order.number
