"""A problem found on a household visit can become a resident request in the same step.

Grids knows no requests (docs/architecture.md, "Layers"): the app that takes them provides
`visit_request_categories()` and `request_from_visit(user, visit, category)` in its `desk` module,
found by name as Django finds `admin.py` (`portal.workorders.desk`, which submits through
`portal.workorders.services.submit` like every other channel). Without one, the visit form offers
no request.
"""

from functools import cache
from importlib import import_module

from django.apps import apps


@cache
def _desk():
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.desk")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.desk":
                raise
            continue
        if hasattr(module, "request_from_visit"):
            return module
    return None


def categories():
    """The request categories for the visit form, or None when no app takes requests."""
    desk = _desk()
    return desk.visit_request_categories() if desk is not None else None


def request_from_visit(user, visit, category):
    """Submit a request for the visited household's problem, entered by the steward; returns its number.

    Raises ValidationError with readable messages (for example when the household has no mobile number).
    """
    return _desk().request_from_visit(user, visit, category)
