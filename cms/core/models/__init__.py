"""Shared content models: the page mixins and the site-wide brand settings."""

from .mixins import BasePage, ListingMixin
from .settings import BrandSettings

__all__ = ["BasePage", "BrandSettings", "ListingMixin"]
