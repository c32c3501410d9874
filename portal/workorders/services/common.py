"""What the service modules share: the error of a refused state change, row locking, the actor's label."""

from ..models import WorkOrder

MAX_NOTE = 1000


class WorkflowError(Exception):
    """An action that is not allowed now; `message` is for people, `code` for programs."""

    def __init__(self, message, code="invalid_transition"):
        super().__init__(str(message))
        self.message = str(message)
        self.code = code


def by_unique_key(queryset):
    """The row a lookup by a unique key finds, or None. Unlike `first()`, no ORDER BY (neither the
    model's default ordering nor the primary key): part of what a submission costs is building SQL,
    and it asks three such questions."""
    return next(iter(queryset.order_by()[:1]), None)


def actor_label(actor):
    if actor is None:
        return ""
    return actor.get_full_name() or actor.get_username()


def locked(work_order):
    """The request, re-read and locked for the rest of the transaction."""
    pk = work_order.pk if isinstance(work_order, WorkOrder) else work_order
    return (
        WorkOrder.objects.select_for_update(of=("self",)).select_related("category", "assignee", "building").get(pk=pk)
    )
