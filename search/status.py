"""What the health endpoint reports about search."""

from wagtail.search.backends import get_search_backend


def search_status():
    """Name the active search backend; raise when it cannot answer."""
    backend = get_search_backend()
    es = getattr(backend, "es", None)
    if es is not None and not es.ping():
        raise ConnectionError("Elasticsearch did not answer a ping")
    return f"{backend.__class__.__module__}.{backend.__class__.__name__}"
