"""Document the error answers django-ninja gives for every operation, so clients (and the schema
fuzzer) find every status the API can send in /api/portal/openapi.json.

django-ninja answers 401 when an operation's authentication fails, 404 for `Http404`, 400 when a
body cannot be parsed and 422 when input does not validate — all as `{"detail": ...}` — but lists
only the responses each operation declares. This adds the missing ones, without touching what an
operation documents itself.
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


def complete(schema):
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            parameters = operation.get("parameters") or []
            if operation.get("security"):
                _add(responses, 401, "Not authenticated (missing or invalid credentials)")
            if "{" in path:
                _add(responses, 404, "Not found")
            if operation.get("requestBody"):
                _add(responses, 400, "The body could not be read")
            if parameters or operation.get("requestBody"):
                _add(responses, 422, "Input did not validate")
    return schema


def document_common_errors(api):
    original = api.get_openapi_schema

    def get_openapi_schema(*args, **kwargs):
        return complete(original(*args, **kwargs))

    api.get_openapi_schema = get_openapi_schema
