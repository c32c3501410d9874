"""Document the error answers django-ninja gives for every operation, so clients (and the schema
fuzzer) find every status the API can send in /api/portal/openapi.json.

django-ninja answers 401 when an operation's authentication fails, 404 for `Http404`, 400 when a
body cannot be parsed and 422 when input does not validate — all as `{"detail": ...}` — but lists
only the responses each operation declares. This adds the missing ones, without touching what an
operation documents itself, and marks form bodies `additionalProperties: false` (every form
operation refuses unknown keys; JSON bodies say so through `portal.api.errors.StrictSchema`).
"""

ERROR_SCHEMA = {
    "type": "object",
    "title": "Error",
    "properties": {"detail": {"title": "Detail"}},
    "required": ["detail"],
}


def _error(description):
    return {"description": description, "content": {"application/json": {"schema": ERROR_SCHEMA}}}


def _add(responses, code, description):
    if code not in responses and str(code) not in responses:
        responses[code] = _error(description)


FORM_MEDIA_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


def _close_form_bodies(operation):
    """Form bodies refuse unknown keys (`portal.api.errors.unknown_form_fields`): say so."""
    content = (operation.get("requestBody") or {}).get("content") or {}
    for media_type in FORM_MEDIA_TYPES:
        body_schema = (content.get(media_type) or {}).get("schema")
        if isinstance(body_schema, dict) and body_schema.get("type") == "object":
            body_schema.setdefault("additionalProperties", False)


def complete(schema):
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            _close_form_bodies(operation)
            parameters = operation.get("parameters") or []
            if operation.get("security"):
                _add(responses, 401, "Not authenticated (missing or invalid credentials)")
            if "{" in path:
                _add(responses, 404, "Not found")
            if parameters or operation.get("requestBody"):
                _add(responses, 400, "The input could not be read (or holds characters the database refuses)")
            if parameters or operation.get("requestBody"):
                _add(responses, 422, "Input did not validate")
    return schema


def document_common_errors(api):
    original = api.get_openapi_schema

    def get_openapi_schema(*args, **kwargs):
        return complete(original(*args, **kwargs))

    api.get_openapi_schema = get_openapi_schema


def refuse_nul_characters(api):
    """PostgreSQL refuses NUL characters in text: answer 400 instead of a 500 (found by the fuzzer)."""
    from django.db import DataError
    from django.utils.translation import gettext

    def handler(request, exc):
        if "NUL" not in str(exc) and "\\x00" not in str(exc):
            raise exc
        return api.create_response(request, {"detail": gettext("Null characters are not allowed.")}, status=400)

    api.add_exception_handler(DataError, handler)
