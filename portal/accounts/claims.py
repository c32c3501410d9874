"""A verified mobile number claims what was done with it before the account existed: requests
(and service bookings), event sign-ups. Only after the resident confirms (`views.claim`); from then
on "my requests", the own-data download and deletion include them.

Each app takes part with `unclaimed(phone)` and `claim(phone, user)` in its `privacy.py` (requests:
`portal.workorders.privacy`, sign-ups: `cms.events.privacy`); accounts imports none of them.
"""

from django.db import transaction

from .models import AuditLog, PhoneNumber
from .services import _own_data_contributors


def unclaimed(phone):
    """{label: count} of rows made with `phone` and not yet in an account."""
    found = {}
    for label, module in _own_data_contributors():
        if hasattr(module, "unclaimed"):
            found[label] = module.unclaimed(phone)
    return {label: count for label, count in found.items() if count}


@transaction.atomic
def claim(user):
    """Attach the rows made with the user's verified number to the account; returns {label: count}."""
    number = PhoneNumber.objects.filter(user=user, verified=True).first()
    if number is None:
        return {}
    claimed = {}
    for label, module in _own_data_contributors():
        if hasattr(module, "claim"):
            claimed[label] = module.claim(number.phone, user)
    AuditLog.objects.create(
        action=AuditLog.Action.OWN_DATA_CLAIM,
        actor=user,
        actor_name=str(user),
        detail=", ".join(f"{k}={v}" for k, v in claimed.items()),
    )
    return {label: count for label, count in claimed.items() if count}
