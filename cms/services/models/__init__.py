"""The service directory: categories editors add without code, and listings partners maintain."""

from .blocks import MenuDayBlock, PriceBlock
from .pages import OpeningHours, ServiceCategoryPage, ServiceIndexPage, ServicePage

__all__ = ["MenuDayBlock", "OpeningHours", "PriceBlock", "ServiceCategoryPage", "ServiceIndexPage", "ServicePage"]
