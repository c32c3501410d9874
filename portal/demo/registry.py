"""Demo-content steps contributed by each app.

An app adds its demo content by defining `demo.py` (and, split by concern, modules named
`demo_<something>.py`) with functions decorated by `@step`. The `load_demo` command imports every
app's `demo` modules and runs the steps by `order`. Each step must
be idempotent (get_or_create on natural keys), because `make run` loads the demo every time.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

_steps = []
_arounds = []


@dataclass
class DemoContext:
    """What steps share: the scale factor, the admin user, and objects earlier steps made."""

    scale: float = 1.0
    admin: object = None
    password: str = ""  # the printed admin password; demo staff accounts share it
    stdout: object = None
    objects: dict = field(default_factory=dict)

    def scaled(self, count, minimum=1):
        """`count` multiplied by the scale, never below `minimum`."""
        return max(minimum, round(count * self.scale))


@dataclass(order=True)
class Step:
    order: int
    label: str = field(compare=False)
    func: Callable = field(compare=False)


def step(order, label):
    """Register a demo step; lower `order` runs first (grids 100, content 200, requests 300...)."""

    def decorator(func):
        if not any(s.func.__module__ == func.__module__ and s.func.__name__ == func.__name__ for s in _steps):
            _steps.append(Step(order, label, func))
        return func

    return decorator


def around(func):
    """Register a context manager factory `func(ctx)` that wraps the whole load (all the steps).

    An app uses it for work that is cheaper once at the end than after every step, such as the
    search app, which pauses indexing on save and builds its index once when the steps are done.
    """
    if not any(a.__module__ == func.__module__ and a.__name__ == func.__name__ for a in _arounds):
        _arounds.append(func)
    return func


def arounds():
    steps()
    return list(_arounds)


def steps():
    import pkgutil
    from importlib import import_module

    from django.apps import apps
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("demo")
    for config in apps.get_app_configs():
        for module in pkgutil.iter_modules([config.path]):
            if module.name.startswith("demo_") and not module.ispkg:
                import_module(f"{config.name}.{module.name}")
    return sorted(_steps)
