"""Every business action on a request, one function each.

Views, the Wagtail admin, the API, Open311, management commands and the demo loader call these and
nothing else changes a request's state. Each checks who may do it (`portal.workorders.permissions`),
runs in one transaction, locks the row, checks the transition table, writes one audit-trail line and
queues the resident's notification in the outbox (sent after commit).

Errors are `WorkflowError` (a wrong state), `permissions.ActionDenied` (a `PermissionDenied`: this
person may not) or Django's `ValidationError` (bad input), each with a message people can read.

By concern: `numbers` (BY-YYYYMMDD-NNNN), `intake` (`Submission`, `submit`), `lifecycle` (the
transition table, the staff actions and `perform`, their one dispatcher), `feedback` (rating, the
reminder, "me too"), `hotline` (12345 orders and the reply owed to the hotline), `notify` (the messages they queue).
"""

from ..permissions import ActionDenied
from .common import MAX_NOTE, WorkflowError, by_unique_key
from .feedback import me_too, rate, rating_refusal, remind_unrated
from .hotline import enter_hotline_order, reply_to_hotline
from .intake import MAX_DESCRIPTION, Submission, building_with_grid, category_for_code, submit
from .lifecycle import (
    ACTION_LABELS,
    STAFF_ACTIONS,
    TRANSITIONS,
    accept,
    allowed_actions,
    assign,
    close,
    merge,
    perform,
    reject,
    reopen,
    resolve,
    start,
)
from .notify import RESIDENT_KINDS
from .numbers import NUMBER_PREFIX, next_number

__all__ = [
    "ACTION_LABELS",
    "MAX_DESCRIPTION",
    "MAX_NOTE",
    "NUMBER_PREFIX",
    "RESIDENT_KINDS",
    "STAFF_ACTIONS",
    "TRANSITIONS",
    "ActionDenied",
    "Submission",
    "WorkflowError",
    "accept",
    "allowed_actions",
    "assign",
    "building_with_grid",
    "by_unique_key",
    "category_for_code",
    "close",
    "enter_hotline_order",
    "me_too",
    "merge",
    "next_number",
    "perform",
    "rate",
    "reply_to_hotline",
    "rating_refusal",
    "reject",
    "remind_unrated",
    "reopen",
    "resolve",
    "start",
    "submit",
]
