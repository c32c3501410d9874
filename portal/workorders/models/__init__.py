"""Resident requests (报事报修 / 工单), by concern: `requests` (categories with SLA targets, the day's
counter, work orders, photos), `feedback` (the audit trail, ratings, "me too"), `tokens` (staff
API keys) and `hotline` (12345 orders: the hotline's ticket, deadlines and reply). The outbox is
portal.notifications.

State changes happen only through `portal.workorders.services`; the models hold data and read-only
questions about it (is it overdue? may it be rated?).
"""

from .feedback import MeToo, Rating, Transition, satisfaction_rate
from .hotline import HotlineOrder
from .requests import (
    LOOKUP_ALPHABET,
    Category,
    DailySequence,
    WorkOrder,
    WorkOrderPhoto,
    WorkOrderQuerySet,
    new_lookup_token,
    photo_upload_to,
)
from .tokens import ApiToken, hash_token

__all__ = [
    "LOOKUP_ALPHABET",
    "ApiToken",
    "Category",
    "DailySequence",
    "HotlineOrder",
    "MeToo",
    "Rating",
    "Transition",
    "WorkOrder",
    "WorkOrderPhoto",
    "WorkOrderQuerySet",
    "hash_token",
    "new_lookup_token",
    "photo_upload_to",
    "satisfaction_rate",
]
