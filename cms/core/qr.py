"""Moved to `portal.common.qr` (issue 17: the domain imports nothing from cms/).

Kept only for `portal.workorders`, whose modules are being split; new code imports
`portal.common.qr`. Delete this module when nothing imports it (tests/test_layers.py, KNOWN).
"""

from portal.common.qr import qr_svg

__all__ = ["qr_svg"]
