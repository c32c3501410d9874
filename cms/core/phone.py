"""Moved to `portal.common.phone` (issue 17: the domain imports nothing from cms/).

Kept only for `portal.workorders`, whose modules are being split; new code imports
`portal.common.phone`. Delete this module when nothing imports it (tests/test_layers.py, KNOWN).
"""

from portal.common.phone import MOBILE_RE, normalise_phone, validate_mobile

__all__ = ["MOBILE_RE", "normalise_phone", "validate_mobile"]
