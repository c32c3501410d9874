"""Cleaning what residents type: mainland mobile numbers, control and bidi characters, lengths.

Used by the form pages, the API and Open311 alike, so every channel accepts the same input.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Bidirectional overrides/isolates and marks: they can make "123" display as "321" in a list.
BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def clean_text(value, *, multiline=False, max_length=None):
    """Strip bidi, zero-width and control characters (keeping newlines when `multiline`) and trim."""
    if value is None:
        return ""
    value = str(value).translate(BIDI).translate(ZERO_WIDTH)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    kept = []
    for char in value:
        if char == "\n" and multiline:
            kept.append(char)
        elif char == "\t":
            kept.append(" ")
        elif unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co", "Cn"} and char != "\n":
            continue
        elif char == "\n":
            kept.append(" ")
        else:
            kept.append(char)
    value = "".join(kept).strip()
    if multiline:
        value = re.sub(r"\n{3,}", "\n\n", value)
    if max_length is not None and len(value) > max_length:
        raise ValidationError(
            _("Please keep this to %(max)d characters (you typed %(count)d).")
            % {"max": max_length, "count": len(value)},
            code="too_long",
        )
    return value
