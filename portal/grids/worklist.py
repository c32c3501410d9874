"""Who may work requests on the steward's request desk (portal.workorders.desk): rules about
stewards, so they stay with the grids; the desk itself, its queries and pages, live with the requests.

Full name and phone are shown only to the steward handling the request (routed grid steward or
assignee), managers and branch secretaries.
"""

from . import scope


def can_handle(user, order):
    """May see the full name and phone: the routed steward, the assignee, a manager or a secretary."""
    if scope.sees_all_requests(user):
        return True
    steward = scope.steward_of(user)
    return steward is not None and steward.pk in {order.steward_id, order.assignee_id}
