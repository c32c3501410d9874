"""Input errors of the portal API in the client's language (zh-hans first), one shape for all.

django-ninja answers input that does not validate with pydantic's English messages, an unknown
path with "Not Found" and an unreadable body with "Cannot parse request body". These handlers
give the same statuses (422, 404, 400) with translated text, in the shape the portal's own
errors use: `{"detail": "...", "code": "...", "errors": {"field": ["message", ...]}}`.

Messages carry the context "api" so that they neither override nor are overridden by the same
English text in another catalog (Django's own "This field is required." for instance).

`StrictSchema` is the base of every input schema: a body field the operation does not know is
refused (422, code `unknown_field`) instead of being silently ignored. Form bodies are checked
with `unknown_form_fields()`, since django-ninja picks only the known keys out of a form.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from django.utils.translation import pgettext
from ninja import Schema
from ninja.errors import HttpError, ValidationError
from pydantic import ConfigDict

# The part of an error's location that names where the value came from, not the field.
_SOURCES = {"body", "form", "query", "path", "header", "cookie", "file"}


class StrictSchema(Schema):
    """An input schema that refuses unknown fields (`additionalProperties: false` in the document)."""

    model_config = ConfigDict(extra="forbid")


def unknown_form_fields(request, allowed):
    """Names sent in a form body (fields and files) that the operation does not take, sorted."""
    return sorted((set(request.POST) | set(request.FILES)) - set(allowed))


def unknown_fields_error(names):
    """The body of the answer to a form with unknown fields (same shape as the 422 below)."""
    return {
        "detail": pgettext("api", "Unknown fields: %(names)s") % {"names": ", ".join(n[:40] for n in names[:10])},
        "code": "unknown_field",
        "errors": {n[:40]: [pgettext("api", "This field is not accepted here.")] for n in names[:10]},
    }


def _field(loc):
    parts = [str(p) for p in loc]
    if parts and parts[0] in _SOURCES:
        parts = parts[1:]
    if len(parts) > 1 and parts[0] == "payload":
        parts = parts[1:]
    return ".".join(parts)[:80] or "__all__"


def _message(error):
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return pgettext("api", "This field is required.")
    if kind == "extra_forbidden":
        return pgettext("api", "This field is not accepted here.")
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return pgettext("api", "Enter a whole number.")
    if kind in ("float_parsing", "float_type", "decimal_parsing"):
        return pgettext("api", "Enter a number.")
    if kind in ("bool_parsing", "bool_type"):
        return pgettext("api", "Use true or false.")
    if kind in ("string_type", "string_unicode"):
        return pgettext("api", "Enter text.")
    if kind in ("uuid_parsing", "uuid_type", "uuid_version"):
        return pgettext("api", "This is not a valid token.")
    if kind == "greater_than_equal":
        return pgettext("api", "Use %(limit)s or more.") % {"limit": ctx.get("ge")}
    if kind == "greater_than":
        return pgettext("api", "Use more than %(limit)s.") % {"limit": ctx.get("gt")}
    if kind == "less_than_equal":
        return pgettext("api", "Use %(limit)s or less.") % {"limit": ctx.get("le")}
    if kind == "less_than":
        return pgettext("api", "Use less than %(limit)s.") % {"limit": ctx.get("lt")}
    if kind == "string_too_long":
        return pgettext("api", "Use at most %(limit)s characters.") % {"limit": ctx.get("max_length")}
    if kind == "string_too_short":
        return pgettext("api", "Use at least %(limit)s characters.") % {"limit": ctx.get("min_length")}
    if kind in ("model_type", "model_attributes_type", "dict_type", "json_invalid", "json_type"):
        return pgettext("api", "Send a JSON object.")
    if kind in ("list_type", "too_long", "too_short"):
        return pgettext("api", "This list is not valid here.")
    return pgettext("api", "This value is not valid.")


def validation_body(errors):
    fields = {}
    unknown = []
    for error in errors:
        name = _field(error.get("loc", ()))
        fields.setdefault(name, []).append(str(_message(error)))
        if error.get("type") == "extra_forbidden":
            unknown.append(name)
    if unknown and len(unknown) == len(errors):
        detail = pgettext("api", "Unknown fields: %(names)s") % {"names": ", ".join(unknown[:10])}
        code = "unknown_field"
    else:
        detail = pgettext("api", "Please check: %(fields)s") % {
            "fields": "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in list(fields.items())[:10])
        }
        code = "invalid"
    return {"detail": detail, "code": code, "errors": fields}


def install(api):
    def on_validation_error(request, exc):
        return api.create_response(request, validation_body(exc.errors), status=422)

    def on_not_found(request, exc):
        return api.create_response(
            request, {"detail": pgettext("api", "Not found."), "code": "not_found", "errors": {}}, status=404
        )

    def on_http_error(request, exc):
        message = str(exc)
        if exc.status_code == 400 and message.startswith("Cannot parse request body"):
            message = pgettext("api", "The request body could not be read; send JSON.")
        elif exc.status_code == 401 and message == "Unauthorized":
            message = pgettext("api", "Please sign in or send a valid API key.")
        return api.create_response(request, {"detail": message}, status=exc.status_code)

    def on_too_big(request, exc):
        from portal.common.middleware import too_large_message

        message = too_large_message(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        return api.create_response(request, {"detail": message, "code": "too_large", "errors": {}}, status=413)

    api.add_exception_handler(RequestDataTooBig, on_too_big)
    api.add_exception_handler(ValidationError, on_validation_error)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(HttpError, on_http_error)
