"""The request API's schemas: what the app sends and what it reads back."""

from datetime import datetime
from typing import Annotated

from ninja import Schema
from pydantic import BeforeValidator, Field

from portal.api.errors import StrictSchema


class ErrorOut(Schema):
    detail: str
    code: str = "invalid"
    errors: dict[str, list[str]] = {}


class CategoryOut(Schema):
    code: str
    name: str
    kind: str
    kind_label: str
    description: str
    is_emergency: bool
    response_hours: int
    resolution_hours: int


def _blank_to_none(value):
    """A form cannot carry JSON null: an empty field or the text "null" means "not given"."""
    if isinstance(value, str) and value.strip().lower() in ("", "null"):
        return None
    return value


# An optional id or number in a form body (an empty form field arrives as "", which means "not given").
Id = Annotated[int, Field(ge=1, le=2**31 - 1)]
OptionalFormId = Annotated[Id | None, BeforeValidator(_blank_to_none)]
Required = Annotated[str, Field(min_length=1)]


class SubmitIn(StrictSchema):
    category: Required
    name: Required
    phone: Required
    description: Required
    building: OptionalFormId = None
    unit: Annotated[Annotated[int, Field(ge=1, le=20)] | None, BeforeValidator(_blank_to_none)] = None
    room: str = ""
    location: str = ""
    consent: bool = False
    idempotency_key: str = ""
    service_page: OptionalFormId = None


SUBMIT_FIELDS = {*SubmitIn.model_fields, "photos"}


class ReceiptOut(Schema):
    number: str
    lookup_code: str
    status: str
    urgent: bool
    lookup_url: str
    replayed: bool


class TransitionOut(Schema):
    action: str
    from_status: str
    to_status: str
    note: str
    created_at: datetime


class WorkOrderOut(Schema):
    number: str
    status: str
    status_label: str
    category: str
    urgent: bool
    address: str
    submitted_at: datetime
    resolved_at: datetime | None
    steward: str | None
    duplicate_of: str | None
    me_too: int
    can_rate: bool
    trail: list[TransitionOut]


class RateIn(StrictSchema):
    lookup_code: str
    speed: int
    quality: int
    attitude: int
    comment: str = ""


class ReopenIn(StrictSchema):
    lookup_code: str
    note: str


class MeTooIn(StrictSchema):
    phone: str


class MeTooOut(Schema):
    number: str
    me_too: int
    added: bool


class StaffWorkOrderOut(Schema):
    number: str
    status: str
    category: str
    urgent: bool
    overdue: bool
    channel: str
    grid: str | None
    assignee: str | None
    phone: str
    address: str
    submitted_at: datetime
    response_due: datetime | None
    resolution_due: datetime | None


class StaffPageOut(Schema):
    count: int
    page: int
    pages: int
    results: list[StaffWorkOrderOut]


class TransitionIn(StrictSchema):
    action: str
    note: str = ""
    steward: Id | None = None
    original: str | None = None
