"""Masking helpers for personal data in lists (PIPL): 13812341234 → 138****1234, 张三 → 张*.

Shared by every app that lists people (requests, sign-ups, partners, households, the outbox), so it
lives in portal/common and imports nothing of the project.
"""


def mask_phone(phone):
    """Keep the first three and last four digits of a mobile number; landlines keep the last four."""
    phone = (phone or "").strip()
    if not phone:
        return ""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if len(digits) == 11 and digits.startswith("1"):
        return f"{digits[:3]}****{digits[-4:]}"
    if len(digits) <= 4:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]


def mask_name(name):
    """Keep the family name (first character): 张三 → 张*, 欧阳娜娜 → 欧***; Latin names keep the initial."""
    name = (name or "").strip()
    if not name:
        return ""
    if len(name) == 1:
        return "*"
    return name[0] + "*" * min(len(name) - 1, 3)
