"""Personal data in resident requests: anonymising, a resident's own copy, claiming by phone.

portal.accounts finds this module as it finds every app's `privacy.py` (its retention command,
own-data download and deletion, and the claim of rows made with a verified mobile number); accounts
knows no requests (docs/architecture.md, "Layers").

Anonymising keeps what the statistics need (category, grid, building, state, timestamps, rating
scores) and removes name, phone, email, unit, room, free text, coordinates, photos, notes and the
notification outbox. A request is anonymised once; running again finds nothing left to scrub.
"""

from django.db import transaction
from django.db.models import Q

from portal.notifications.models import Notification

from .models import MeToo, Rating, Transition, WorkOrder, WorkOrderPhoto
from .photos import delete_files

#: The key of this app's part in the own-data download, the retention report and the claim page.
LABEL = "requests"

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


def _unclaimed_requests(phone):
    return WorkOrder.objects.filter(phone=phone, resident__isnull=True)


def unclaimed(phone):
    """Requests (and service bookings) made with `phone` before the resident had an account."""
    return _unclaimed_requests(phone).count()


def claim(phone, user):
    return _unclaimed_requests(phone).update(resident=user)
