"""The request API for the company's app (django-ninja, in the portal's one OpenAPI document).

Residents (no login, `resident`): categories, submit with photos and an idempotency key, look up by
number + lookup code, rate, reopen ("not fixed"), me too. Staff (`staff`): `Authorization: Bearer
<API key>` (keys from `manage.py workorder_token <username> <purpose>`), list with filters and
transitions. `schemas` holds the bodies, `base` the router, the key check and the error shape.
Every action calls `portal.workorders.services`, which decides who may do it.
"""

from . import resident, staff  # noqa: F401 - their operations register on the router
from .base import ApiKeyAuth, router
from .schemas import ErrorOut

PREFIX = "/workorders/"

__all__ = ["PREFIX", "ApiKeyAuth", "ErrorOut", "router"]
