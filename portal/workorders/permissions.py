"""Who may do what to a request: one check per business action, made by the action itself.

Each service function in `portal.workorders.services` starts with `check(actor, action, order)`, as
Wagtail's own actions (`wagtail.actions.move_page.MovePageAction.check`) do: a refusal raises
`ActionDenied`, a `PermissionDenied` carrying a translated message, and every channel maps it to its
own answer (the API and Open311 403 with the message, the steward's worklist 403 with the message on
the page, the Wagtail admin the message on the dashboard). Channels ask `can(...)` only to decide
what to offer (buttons, choices); they never decide alone.

`actor=None` is the portal itself (the demo loader, scheduled commands): like Wagtail's actions
called without a user, it is not checked. A channel that serves a person always passes that person.

The rules:
- submit, rate, reopen by the resident, "me too": anybody (the lookup code or the form is the key);
- enter a request for a resident (`entered_by`: the admin, Open311, a steward's visit): the
  `workorders.add_workorder` permission (every role that works requests);
- accept, start, resolve, close, reopen, reject, and the reply to the 12345 hotline: the
  `workorders.change_workorder` permission and the
  request in the user's scope (`WorkOrder.objects.for_user`: managers and the branch secretary all,
  a grid steward their grids' and assigned ones, a general steward those assigned to them);
- assign and merge (dispatching) in addition: managers, the branch secretary and grid stewards only,
  not general stewards; an assignee is one of `assignable_stewards(user)`.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext

from portal.accounts import roles
from portal.grids import scope
from portal.grids.models import Steward

RESIDENT_ACTIONS = ("submit", "rate", "reopen_by_resident", "me_too")
STAFF_TRANSITIONS = ("accept", "assign", "start", "resolve", "close", "reopen", "reject", "merge")
DISPATCH = ("assign", "merge")
ACTIONS = (*RESIDENT_ACTIONS, "enter", *STAFF_TRANSITIONS, "hotline_reply")


class ActionDenied(PermissionDenied):
    """A person may not carry out this action; `message` is for people, `code` for programs."""

    def __init__(self, message, code="permission_denied"):
        super().__init__(str(message))
        self.message = str(message)
        self.code = code


def may_work(user):
    """Works requests at all (the staff transitions' first condition): `workorders.change_workorder`."""
    return user.is_authenticated and user.is_active and user.has_perm("workorders.change_workorder")


def may_dispatch(user):
    """Assign and merge: managers, the branch secretary (and superusers), and grid stewards (红管家)."""
    if scope.sees_all_requests(user) or scope.is_manager(user):
        return True
    steward = scope.steward_of(user)
    return steward is not None and steward.kind == Steward.Kind.GRID and roles.has_role(user, roles.STEWARD)


def assignable_stewards(user):
    """The stewards `user` may assign a request to (`None`, the portal itself: every active steward)."""
    if user is None:
        return Steward.objects.filter(active=True)
    return scope.stewards_for(user)


def _in_scope(user, order):
    from .models import WorkOrder

    return WorkOrder.objects.for_user(user).filter(pk=order.pk).exists()


def check(user, action, order=None):
    """Raise `ActionDenied` unless `user` may carry out `action` (on `order`, when given).

    Without `order` the question is "on some request" (may this user ever assign?), as Wagtail's
    permission policies ask `user_has_permission` before `user_has_permission_for_instance`.
    """
    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    if user is None or action in RESIDENT_ACTIONS:
        return
    if not (user.is_authenticated and user.is_active):
        raise ActionDenied(gettext("Please sign in as a member of staff."))
    if action == "enter":
        if not user.has_perm("workorders.add_workorder"):
            raise ActionDenied(gettext("You may not enter requests for residents."))
        return
    if not may_work(user):
        raise ActionDenied(gettext("You may not work on requests."))
    if action in DISPATCH and not may_dispatch(user):
        raise ActionDenied(
            gettext("Only managers, the branch secretary and grid stewards may assign requests or mark duplicates.")
        )
    if order is not None and not _in_scope(user, order):
        raise ActionDenied(gettext("This request is not in your list."))


def allowed(user, actions, order):
    """The staff transitions among `actions` that `user` may carry out on `order` (for offering them):
    the scope is asked once, then each action's own rule."""
    if user is not None and not (user.is_authenticated and _in_scope(user, order)):
        return []
    return [action for action in actions if can(user, action)]


def can(user, action, order=None):
    """Whether `check(user, action, order)` passes: for offering buttons and choices."""
    try:
        check(user, action, order)
    except ActionDenied:
        return False
    return True
