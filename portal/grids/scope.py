"""Who may see which grids: the one place the portal decides a staff member's scope.

- managers (and superusers) see every grid;
- a grid steward (红管家) sees the grids they are attached to;
- a general steward (综合管家) sees the grids they are attached to (often none) and, for requests,
  what is assigned to them;
- everybody else sees no grid.
The care roster is narrower: only the grid steward of that grid and managers.
"""

from portal.accounts import roles

from .models import CareRecipient, Grid, Household, Steward


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


def grids_for(user):
    if is_manager(user):
        return Grid.objects.all()
    if not is_staff_worker(user):
        return Grid.objects.none()
    steward = steward_of(user)
    if steward is None:
        return Grid.objects.none()
    return steward.grids.all()


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
