"""Mainland mobile numbers: normalise what people type, validate, and mask for lists."""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")


def normalise_phone(raw):
    """Full-width digits to ASCII, drop spaces, dashes and a +86/86 prefix."""
    text = unicodedata.normalize("NFKC", str(raw or "")).strip()
    text = re.sub(r"[\s\-()]", "", text)
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("86") and len(text) == 13:
        text = text[2:]
    return text


def validate_mobile(raw):
    """The normalised number, or a ValidationError in the user's language."""
    phone = normalise_phone(raw)
    if not MOBILE_RE.match(phone):
        raise ValidationError(
            _("Enter a mainland mobile number of 11 digits starting with 1, for example 13812345678."),
            code="invalid_phone",
        )
    return phone


def mask_phone(phone):
    """138****1234: enough for staff to tell people apart, not enough to call them."""
    phone = phone or ""
    if len(phone) < 7:
        return "*" * len(phone)
    return f"{phone[:3]}****{phone[-4:]}"
