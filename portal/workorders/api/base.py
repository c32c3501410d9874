"""The request API's router, its staff key authentication and its one error shape."""

from ninja import Router, Status
from ninja.security import HttpBearer

from ..models import ApiToken

router = Router(tags=["requests"])


class ApiKeyAuth(HttpBearer):
    def authenticate(self, request, token):
        user = ApiToken.authenticate(token)
        if user is not None:
            request.user = user
        return user


def error(status, detail, code="invalid", errors=None):
    return Status(status, {"detail": str(detail), "code": code, "errors": errors or {}})


def validation(exc):
    errors = {k: [str(m) for m in v] for k, v in exc.message_dict.items()} if hasattr(exc, "error_dict") else {}
    return error(400, " ".join(exc.messages), "invalid", errors)


def denied(exc):
    """A refused action (`permissions.ActionDenied`): 403 with its message, the same as every channel's."""
    return error(403, exc.message, exc.code)
