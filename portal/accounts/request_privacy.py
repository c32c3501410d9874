"""Personal data in resident requests (portal.workorders): anonymising, a resident's own copy.

Anonymising keeps what the statistics need (category, grid, building, state, timestamps, rating
scores) and removes name, phone, email, unit, room, free text, coordinates, photos, notes and the
notification outbox. A request is anonymised once; running again finds nothing left to scrub.
"""

from django.db import transaction
from django.db.models import Q

from portal.notifications.models import Notification
from portal.workorders.models import MeToo, Rating, Transition, WorkOrder, WorkOrderPhoto
from portal.workorders.photos import delete_files

SCRUBBED = {
    "name": "",
    "phone": "",
    "email": "",
    "unit": None,
    "room": "",
    "description": "",
    "extra": {},
    "resolution_note": "",
    "latitude": None,
    "longitude": None,
    "resident": None,
}


def not_yet_anonymised():
    return WorkOrder.objects.filter(~Q(name="") | ~Q(phone="") | ~Q(description=""))


@transaction.atomic
def anonymise(orders):
    """Scrub the given requests (a queryset); returns how many were scrubbed."""
    ids = list(orders.values_list("pk", flat=True))
    if not ids:
        return 0
    photos = WorkOrderPhoto.objects.filter(work_order_id__in=ids)
    names = [n for pair in photos.values_list("image", "thumbnail") for n in pair if n]
    photos.delete()
    WorkOrder.objects.filter(pk__in=ids).update(**SCRUBBED)
    # Locations are kept only for public areas (a street lamp, not a flat).
    WorkOrder.objects.filter(pk__in=ids).exclude(category__kind="public_area").update(location="")
    # The audit trail stays (who changed what, when); only its free-text notes go.
    Transition.objects.filter(work_order_id__in=ids).exclude(note="").update(note="")
    Rating.objects.filter(work_order_id__in=ids).exclude(comment="").update(comment="")
    MeToo.objects.filter(work_order_id__in=ids).delete()
    Notification.objects.filter(work_order_id__in=ids).delete()
    transaction.on_commit(lambda: delete_files(names))
    return len(ids)


def anonymise_expired(cutoff):
    """Closed, rejected or duplicate requests finished before the cutoff."""
    return anonymise(
        not_yet_anonymised().filter(status__in=WorkOrder.FINAL_STATES, closed_at__isnull=False, closed_at__lt=cutoff)
    )


def own_data(user):
    return [
        {
            "number": order.number,
            "category": order.category.name,
            "status": order.status,
            "submitted_at": order.submitted_at.isoformat(),
            "name": order.name,
            "phone": order.phone,
            "address": order.address_display,
            "description": order.description,
        }
        for order in WorkOrder.objects.filter(resident=user).select_related("category", "building__community")
    ]


def forget(user):
    return anonymise(WorkOrder.objects.filter(resident=user))
