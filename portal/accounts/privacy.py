"""Moved to `portal.common.masking` (masking is a shared helper; DESIGN.md, "Layers").

Kept only for `portal.workorders` (models, admin views), whose modules are being split; new code
imports `portal.common.masking`. Delete this module when nothing imports it.
"""

from portal.common.masking import mask_name, mask_phone

__all__ = ["mask_name", "mask_phone"]
