"""What the health endpoint reports about search."""

from wagtail.search.backends import get_search_backend

from . import elastic


def search_status():
    """Name the active search engine(s); raise when Elasticsearch is configured but does not answer."""
    backend = get_search_backend()
    name = f"{backend.__class__.__module__}.{backend.__class__.__name__}"
    if elastic.is_configured():
        if not elastic.ElasticsearchEngine().ping():
            raise ConnectionError("Elasticsearch did not answer a ping; searching the database instead")
        return f"elasticsearch + {name}"
    return name
