"""A request's life after submission: the table of allowed transitions, one function per staff action,
and `perform`, the one dispatcher every staff channel (the admin, the worklist, the staff API) calls.

Each action checks who may do it (`portal.workorders.permissions.check`), locks the row, checks the
transition table, writes one audit-trail line and queues the resident's message, in one transaction.
"""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import permissions
from ..cleaning import clean_text
from ..models import Transition, WorkOrder
from . import notify
from .common import MAX_NOTE, WorkflowError, actor_label, locked

S = WorkOrder.Status

# action → (states it may start from, state it ends in)
TRANSITIONS = {
    "accept": ({S.SUBMITTED, S.REOPENED}, S.ACCEPTED),
    "assign": ({S.SUBMITTED, S.ACCEPTED, S.REOPENED, S.ASSIGNED}, S.ASSIGNED),
    "start": ({S.ASSIGNED}, S.IN_PROGRESS),
    "resolve": ({S.ACCEPTED, S.ASSIGNED, S.IN_PROGRESS}, S.RESOLVED),
    "close": ({S.RESOLVED}, S.CLOSED),
    "reopen": ({S.RESOLVED, S.CLOSED}, S.REOPENED),
    "reject": ({S.SUBMITTED, S.ACCEPTED, S.REOPENED}, S.REJECTED),
    "merge": ({S.SUBMITTED, S.ACCEPTED, S.ASSIGNED, S.REOPENED}, S.DUPLICATE),
}

ACTION_LABELS = {
    "submit": _("Submit"),
    "accept": _("Accept"),
    "assign": _("Assign"),
    "start": _("Start work"),
    "resolve": _("Mark resolved"),
    "close": _("Close"),
    "reopen": _("Reopen"),
    "reject": _("Reject"),
    "merge": _("Mark as duplicate"),
}


def allowed_actions(work_order, user=None):
    """The transitions the request's state allows now; with `user`, only those that user may carry out."""
    possible = [action for action, (sources, _target) in TRANSITIONS.items() if work_order.status in sources]
    return possible if user is None else permissions.allowed(user, possible, work_order)


def _transition(work_order, action, *, actor=None, note="", at=None, resident=False, notify_resident=True, apply=None):
    sources, target = TRANSITIONS[action]
    note = clean_text(note, multiline=True, max_length=MAX_NOTE)
    at = at or timezone.now()
    with transaction.atomic():
        order = locked(work_order)
        if order.status not in sources:
            raise WorkflowError(
                gettext("A request that is “%(status)s” cannot be changed with “%(action)s”.")
                % {"status": order.get_status_display(), "action": ACTION_LABELS[action]}
            )
        previous = order.status
        order.status = target
        if apply is not None:
            apply(order, at)
        order.save()
        Transition.objects.create(
            work_order=order,
            action=action,
            from_status=previous,
            to_status=target,
            actor=actor,
            actor_label=actor_label(actor),
            by_resident=resident,
            note=note,
            created_at=at,
        )
        if notify_resident:
            notify.resident(order, action)
    return order


def accept(work_order, *, actor=None, note="", at=None, notify=True):
    permissions.check(actor, "accept", work_order)

    def apply(order, at):
        order.accepted_at = order.accepted_at or at

    return _transition(work_order, "accept", actor=actor, note=note, at=at, notify_resident=notify, apply=apply)


def assign(work_order, steward, *, actor=None, note="", at=None, notify=True):
    permissions.check(actor, "assign", work_order)
    choosable = steward is not None and permissions.assignable_stewards(actor).filter(pk=steward.pk).exists()
    if not choosable or not steward.active:
        raise WorkflowError(gettext("Please choose an active steward."), code="invalid_steward")

    def apply(order, at):
        order.assignee = steward
        order.accepted_at = order.accepted_at or at
        order.assigned_at = at

    return _transition(work_order, "assign", actor=actor, note=note, at=at, notify_resident=notify, apply=apply)


def start(work_order, *, actor=None, note="", at=None, notify=True):
    permissions.check(actor, "start", work_order)

    def apply(order, at):
        order.started_at = at

    return _transition(work_order, "start", actor=actor, note=note, at=at, notify_resident=notify, apply=apply)


def resolve(work_order, *, actor=None, note="", at=None, notify=True):
    permissions.check(actor, "resolve", work_order)

    def apply(order, at):
        order.resolved_at = at
        order.rating_reminder_at = None
        order.resolution_note = clean_text(note, multiline=True, max_length=MAX_NOTE)

    return _transition(work_order, "resolve", actor=actor, note=note, at=at, notify_resident=notify, apply=apply)


def close(work_order, *, actor=None, note="", at=None, notify=True):
    permissions.check(actor, "close", work_order)
    return _transition(work_order, "close", actor=actor, note=note, at=at, notify_resident=notify, apply=set_closed)


def set_closed(order, at):
    order.closed_at = at


def reopen(work_order, *, actor=None, note="", at=None, resident=False, notify=True):
    """ "Not fixed": back to the queue with fresh SLA targets. Residents must say why."""
    permissions.check(actor, "reopen_by_resident" if resident else "reopen", work_order)
    if resident and not clean_text(note):
        raise ValidationError({"note": [gettext("Please tell us what is still wrong.")]})

    def apply(order, at):
        order.closed_at = None
        order.response_due = at + timedelta(hours=order.category.response_hours)
        order.resolution_due = at + timedelta(hours=order.category.resolution_hours)

    return _transition(
        work_order, "reopen", actor=actor, note=note, at=at, resident=resident, notify_resident=notify, apply=apply
    )


def reject(work_order, *, actor=None, note="", at=None, notify=True):
    permissions.check(actor, "reject", work_order)
    if not clean_text(note):
        raise ValidationError({"note": [gettext("Please give the resident a reason.")]})
    return _transition(work_order, "reject", actor=actor, note=note, at=at, notify_resident=notify, apply=set_closed)


def merge(work_order, original, *, actor=None, note="", at=None, notify=True):
    """Mark `work_order` a duplicate of `original` (which must be a different, non-duplicate request)."""
    permissions.check(actor, "merge", work_order)
    original_pk = original.pk if isinstance(original, WorkOrder) else original
    work_pk = work_order.pk if isinstance(work_order, WorkOrder) else work_order
    original = WorkOrder.objects.filter(pk=original_pk).first()
    if original is None or original.pk == work_pk or original.status == S.DUPLICATE:
        raise WorkflowError(gettext("Please choose another request that is not a duplicate."), code="invalid_original")

    def apply(order, at):
        order.duplicate_of = original
        order.closed_at = at

    note = note or gettext("Duplicate of %(number)s.") % {"number": original.number}
    return _transition(work_order, "merge", actor=actor, note=note, at=at, notify_resident=notify, apply=apply)


STAFF_ACTIONS = {
    "accept": accept,
    "start": start,
    "resolve": resolve,
    "close": close,
    "reopen": reopen,
    "reject": reject,
}


def perform(work_order, action, *, actor, note="", steward=None, original=None):
    """Carry out the staff transition `action` named by a channel (a form's or a JSON body's value).

    `steward` (for assign) is a Steward or its id, looked up among `permissions.assignable_stewards`;
    `original` (for merge) is a request or its number. Raises `WorkflowError` (unknown action, wrong
    state, no such steward or original), `ValidationError` (a missing reason) or
    `permissions.ActionDenied` (this person may not).
    """
    if action not in TRANSITIONS:
        raise WorkflowError(gettext("Unknown action: %(action)s") % {"action": str(action)[:30]}, code="unknown_action")
    if action == "assign":
        permissions.check(actor, "assign", work_order)
        if steward is not None and not hasattr(steward, "active"):
            pk = int(steward) if str(steward).isdigit() else None
            steward = permissions.assignable_stewards(actor).filter(pk=pk).first() if pk else None
        return assign(work_order, steward, actor=actor, note=note)
    if action == "merge":
        permissions.check(actor, "merge", work_order)
        if not isinstance(original, WorkOrder):
            number = str(original or "").strip().upper()[:20]
            original = WorkOrder.objects.filter(number=number).first() if number else None
            if original is None:
                raise WorkflowError(gettext("Please give the number of the original request."), code="invalid_original")
        return merge(work_order, original, actor=actor, note=note)
    return STAFF_ACTIONS[action](work_order, actor=actor, note=note)
