import pytest
from django.core.cache import cache

from portal.pagecache import generation


@pytest.fixture
def page_cache(settings):
    """The whole-page cache switched on (the test settings keep it off for the rest of the suite)."""
    settings.PAGECACHE_ENABLED = True
    cache.clear()
    generation.forget_local()
    yield
    cache.clear()
    generation.forget_local()
