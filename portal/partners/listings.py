"""Which page model holds a partner's listings: the content app that has them registers it.

The domain knows no page models (docs/architecture.md, "Layers"); `cms.services` registers its
`ServicePage` when it loads (its AppConfig.ready), as it registers the bookable pages.
"""

_listing_model = None


def register_listing_model(model):
    """The page model with a `partner` foreign key whose pages a partner edits."""
    global _listing_model
    _listing_model = model
    return model


def listing_model():
    if _listing_model is None:
        raise LookupError("No listing page model is registered (cms.services registers ServicePage).")
    return _listing_model
