"""The portal's own JSON API: one django-ninja `NinjaAPI`, one OpenAPI document.

Each app that serves endpoints defines `api.py` with a `router` (a `ninja.Router`) and a
`PREFIX`; they are added here, so `/api/portal/openapi.json` lists everything a client may call.
"""

from importlib import import_module

from django.apps import apps
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI

api = NinjaAPI(
    title="红管家 Portal API",
    version="1",
    description=str(_("Requests, sign-ups, services and search for the company's app.")),
    urls_namespace="portal_api",
)


@api.get("/ping", tags=["meta"], summary="Liveness of the API")
def ping(request):
    return {"ok": True}


def _add_app_routers():
    for config in apps.get_app_configs():
        if not config.name.startswith(("portal.", "cms.", "search")):
            continue
        try:
            module = import_module(f"{config.name}.api")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.api":
                raise
            continue
        router = getattr(module, "router", None)
        if router is not None:
            api.add_router(getattr(module, "PREFIX", f"/{config.label}/"), router)


_add_app_routers()

from . import errors  # noqa: E402
from .openapi_defaults import document_common_errors, refuse_nul_characters  # noqa: E402

errors.install(api)
document_common_errors(api)
refuse_nul_characters(api)
