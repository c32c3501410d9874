"""Mainland mobile numbers: normalise what people type and validate (masking: portal.common.masking).

Every channel (request forms, event sign-ups, partners, the API, Open311) calls `validate_mobile`,
so each accepts the same input and answers with the same message.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
HIDDEN_CATEGORIES = {"Cc", "Cf"}  # control, bidi and zero-width characters


def normalise_phone(raw):
    """Full-width digits to ASCII; drop hidden characters, spaces, dashes, dots, brackets and +86/0086/86."""
    text = unicodedata.normalize("NFKC", str(raw or ""))
    text = "".join(ch for ch in text if unicodedata.category(ch) not in HIDDEN_CATEGORIES)
    text = re.sub(r"[\s\-().]", "", text)
    for prefix in ("+86", "0086"):
        if text.startswith(prefix):
            return text[len(prefix) :]
    if text.startswith("86") and len(text) == 13:
        return text[2:]
    return text


def validate_mobile(raw):
    """The normalised number, or a ValidationError in the user's language."""
    phone = normalise_phone(raw)
    if not MOBILE_RE.match(phone):
        raise ValidationError(
            _("Please enter an 11-digit mainland mobile number, for example 138 0000 1234."), code="invalid_phone"
        )
    return phone
