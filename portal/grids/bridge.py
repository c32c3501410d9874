"""The bridge to resident requests (portal.workorders), which another part of the portal owns.

Until portal.workorders provides its service functions, the visit log simply has no
"turn into a request" option; nothing here fakes a request.
"""

from importlib import import_module


def _services():
    try:
        module = import_module("portal.workorders.services")
    except ModuleNotFoundError:
        return None
    return module if hasattr(module, "submit") else None


def available():
    return _services() is not None


def request_from_visit(user, visit):
    """Submit a request for the visited household's problem; returns its number. Not yet wired."""
    raise NotImplementedError("portal.workorders.services.submit is not on main yet")
