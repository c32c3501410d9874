"""The data centre's figures as JSON: the same numbers as the dashboard, no personal data."""

from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError
from ninja.security import django_auth

from portal.workorders.api import ApiKeyAuth

from . import access, figures, hotline
from .views import _one_month, period_from

router = Router(tags=["statistics"])
PREFIX = "/stats/"


@router.get(
    "/summary",
    auth=[ApiKeyAuth(), django_auth],
    summary="Figures of the data centre",
    description="Query: month=YYYY-MM for one month, or from=YYYY-MM and to=YYYY-MM; grid=<id>. Managers and "
    "officials only: a staff API key (`Authorization: Bearer <key>`) or a session login.",
)
def stats_summary(request):
    if not access.can_view(request.user):
        raise HttpError(403, _("Only managers and officials may read the statistics."))
    try:
        start, end, grids = period_from(request)
    except ValueError as exc:
        raise HttpError(
            400, _("Choose months like 2026-03, the first not after the last, and a grid from the list.")
        ) from exc
    return figures.summary(start, end, grids)


@router.get(
    "/hotline",
    auth=[ApiKeyAuth(), django_auth],
    summary="12345 hotline orders of a month",
    description="Query: month=YYYY-MM (default: last month). Per order: the hotline's ticket number, the "
    "request number, category, status, received, deadline, handled, reply due and replied times; no names, "
    "phone numbers, addresses or texts. Managers and officials only, as for /summary.",
)
def stats_hotline(request):
    if not access.can_view(request.user):
        raise HttpError(403, _("Only managers and officials may read the statistics."))
    try:
        start, end = _one_month(request)
    except ValueError as exc:
        raise HttpError(400, _("Choose a month like 2026-03.")) from exc
    return hotline.report(start, end)
