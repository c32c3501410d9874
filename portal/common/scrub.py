"""One scrubber for personal data in resident-written text before it reaches a public output.

Residents type phone numbers, rooms and plates into descriptions and addresses; Open311 reads, the
public request list and any other public place show that text only through `scrub()`. It replaces:

- mainland mobiles (13812345678, 138-1234-5678, +86 138 1234 5678) and landlines (0536-1234567,
  (0536)12345678, 12345678 after 电话/tel);
- 18-digit resident ID numbers (the last character may be X) and 15-digit old ones;
- rooms and units: 3号楼502室, 3栋2单元502, 502室, 2单元, 3-2-502, 3#502;
- licence plates (鲁G12345, 鲁G·D12345 new-energy);
- e-mail addresses.

It keeps dates (2026-11-03, 11月3日), times (14:30), prices (¥35, 35元), counts and building names
without a room (3号楼, 东门, 北区). What it cannot tell apart it removes: over-removing a bare number
costs a reader little, leaking a room or phone costs a resident much.
"""

import re

from django.utils.translation import gettext_lazy as _

REDACTED = _("[removed]")

_D = r"(?<![0-9A-Za-z])"  # not preceded by a digit or letter
_E = r"(?![0-9A-Za-z])"  # not followed by one
_SEP = r"[\s\-－—.·]?"
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"

PATTERNS = [
    # e-mail first: its digits must not be read as a phone
    re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"),
    # resident ID: 18 (last may be X) or 15 digits
    re.compile(_D + r"\d{17}[\dXx]" + _E),
    re.compile(_D + r"\d{15}" + _E),
    # mobile: optional +86/0086, 1[3-9]x, separators allowed in 3-4-4 groups
    re.compile(r"(?:(?:\+|00)86[\s\-]?)?" + _D + r"1[3-9]\d" + _SEP + r"\d{4}" + _SEP + r"\d{4}" + _E),
    # landline with area code: 0536-1234567, (0536)12345678, 0536 1234 5678, optional extension
    re.compile(
        r"[(（]?" + _D + r"0\d{2,3}[)）]?[\s\-－]?\d{3,4}[\s\-]?\d{4}" + _E + r"(?:\s*(?:转|ext\.?|x)\s*\d{1,5})?"
    ),
    # a bare 7-8 digit number after a phone word
    re.compile(r"(?:电话|手机|座机|联系|tel|phone)[:：\s]*\d{7,8}" + _E, re.IGNORECASE),
    # licence plates: 鲁G12345, 鲁G·D12345, 鲁 G 1234学
    re.compile(r"[" + _PROVINCES + r"]\s?[A-HJ-NP-Z][\s·•.\-]?[A-HJ-NP-Z0-9]{4,6}[挂学警港澳]?" + r"(?![0-9A-Za-z])"),
    # unit-and-room triples: 3-2-502, 3#2-502, 3栋2-502
    re.compile(_D + r"\d{1,3}\s?[-#－—栋号幢座]\s?\d{1,2}\s?[-－—]\s?\d{3,4}" + _E),
    # 3#502, 3-502 (building-room with a 3-4 digit room)
    re.compile(_D + r"\d{1,3}\s?[#＃]\s?\d{3,4}" + _E),
    # rooms and units spelled out: 502室, 502房, 2单元, 2门, 5层502, 502号房
    re.compile(_D + r"\d{1,4}\s?(?:单元|门洞)(?:\s?\d{1,4}\s?(?:室|房|号房|号|户)?)?"),
    re.compile(_D + r"[A-Za-z]?\d{1,5}\s?(?:室|号房|房间|房|户)"),
    # a building followed directly by a room number: 3号楼502, 3栋502, 3号楼 502
    re.compile(r"(?<=[楼栋幢座])\s?\d{3,4}" + _E),
    # "room 502", "Rm 502", "unit 2", "apt 5B"
    re.compile(r"\b(?:room|rm|flat|apt|apartment|unit)\.?\s*#?\s*\d{1,5}[A-Za-z]?\b", re.IGNORECASE),
]


def scrub(text):
    """`text` with every phone, ID number, room/unit, plate and e-mail replaced by “[removed]”."""
    if not text:
        return ""
    text = str(text)
    marker = str(REDACTED)
    for pattern in PATTERNS:
        text = pattern.sub(marker, text)
    # "[removed] [removed]" from adjacent matches reads as one
    return re.sub(r"(?:" + re.escape(marker) + r"\s*){2,}", marker + " ", text).strip()
