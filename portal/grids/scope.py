"""Who may see which grids: the one place the portal decides a staff member's scope.

- managers (and superusers) see every grid;
- a grid steward (红管家) sees the grids they are attached to;
- a general steward (综合管家) sees the grids they are attached to (often none) and, for requests,
  what is assigned to them;
- everybody else sees no grid.
The care roster is narrower: only the grid steward of that grid and managers.

Requests (`request_filter`) follow the same people, plus the branch secretary (支部书记), who
assigns and escalates requests and watches overdue ones (DESIGN.md): the secretary sees every
request like a manager, but no households, visits or care roster (no need for them).
`WorkOrderQuerySet.for_user` (admin, API) and the steward worklist both use `request_filter`.
"""

from django.db.models import Q

from portal.accounts import roles

from .models import Building, CareRecipient, Grid, Household, Steward, Unit


def steward_of(user):
    """The active Steward record of a login, or None."""
    if not user.is_authenticated:
        return None
    return Steward.objects.filter(user=user, active=True).first()


def is_manager(user):
    return user.is_authenticated and (user.is_superuser or roles.has_role(user, roles.MANAGER))


def is_staff_worker(user):
    """Managers and stewards: the people who work households and requests."""
    return is_manager(user) or (
        user.is_authenticated and roles.has_any_role(user, [roles.STEWARD, roles.GENERAL_STEWARD])
    )


def sees_all_requests(user):
    """Managers, branch secretaries and superusers: every request of every grid."""
    return user.is_authenticated and (user.is_superuser or roles.has_any_role(user, [roles.MANAGER, roles.SECRETARY]))


def works_requests(user):
    """May open the request worklist: staff workers (managers, stewards) and branch secretaries."""
    return is_staff_worker(user) or sees_all_requests(user)


def request_filter(user):
    """A Q over WorkOrder selecting the requests `user` may see; matches nothing for outsiders.

    Managers and secretaries: all. The active steward record decides the rest: a grid steward (红管家)
    their grids' requests and those assigned to them, a general steward (综合管家) those assigned to
    them. Everybody else: none. (Site views are gated by role as well, see `works_requests`.)
    """
    nothing = Q(pk__in=[])
    if not user.is_authenticated:
        return nothing
    if sees_all_requests(user):
        return Q()
    steward = steward_of(user)
    if steward is None:
        return nothing
    if steward.kind == Steward.Kind.GRID:
        return Q(grid__in=steward.grids.all()) | Q(assignee=steward)
    return Q(assignee=steward)


def grids_for(user):
    if is_manager(user):
        return Grid.objects.all()
    if not is_staff_worker(user):
        return Grid.objects.none()
    steward = steward_of(user)
    if steward is None:
        return Grid.objects.none()
    return steward.grids.all()


def stewards_for(user):
    """Stewards the user may pick (assign a request to, choose in the admin): all for those who see every
    request; otherwise the stewards of the user's grids and the general stewards, who have no grid."""
    active = Steward.objects.filter(active=True)
    if sees_all_requests(user) or is_manager(user):
        return active
    grids = grids_for(user)
    return active.filter(Q(grids__in=grids) | Q(kind=Steward.Kind.GENERAL)).distinct()


def buildings_for(user):
    if sees_all_requests(user) or is_manager(user):
        return Building.objects.all()
    return Building.objects.filter(grid__in=grids_for(user))


def units_for(user):
    return Unit.objects.filter(building__in=buildings_for(user))


def households_for(user):
    return Household.objects.filter(unit__building__grid__in=grids_for(user))


def roster_grids_for(user):
    """Grids whose care roster the user may see: a manager all, a grid steward their own."""
    if is_manager(user):
        return Grid.objects.all()
    steward = steward_of(user)
    if steward is None or steward.kind != Steward.Kind.GRID or not roles.has_role(user, roles.STEWARD):
        return Grid.objects.none()
    return steward.grids.all()


def care_recipients_for(user):
    return CareRecipient.objects.filter(household__unit__building__grid__in=roster_grids_for(user))


def can_see_roster(user):
    return roster_grids_for(user).exists()
