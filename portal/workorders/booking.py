"""Which pages a request may book (`service_page`): the page types a content app registers.

The domain knows no page models (docs/architecture.md, layers); `cms.services` registers its
`ServicePage` when it loads. Any other page, the site root included, cannot be booked.
"""

from wagtail.models import Page

_bookable_models = []


def register_bookable(model):
    if model not in _bookable_models:
        _bookable_models.append(model)
    return model


def bookable_pages():
    """Live, public pages of a registered bookable type (none if no type is registered)."""
    if not _bookable_models:
        return Page.objects.none()
    return Page.objects.live().public().type(*_bookable_models)


def bookable_page(page_id):
    """The bookable page with this id, as its specific type, or None."""
    if not page_id:
        return None
    return bookable_pages().filter(pk=page_id).specific().first()
