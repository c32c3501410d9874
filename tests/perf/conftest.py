import pytest
from django.core.cache import cache

from portal.pagecache import generation, memo


@pytest.fixture
def page_cache(settings):
    """The whole-page cache switched on (the test settings keep it off for the rest of the suite)."""
    settings.PAGECACHE_ENABLED = True
    cache.clear()
    generation.forget_local()
    memo.forget()
    yield
    cache.clear()
    generation.forget_local()
    memo.forget()


def pytest_collection_modifyitems(config, items):
    """Mark the fuzz cases of operations with a known schema gap as expected failures."""
    from .test_api_schema import KNOWN_GAPS

    for item in items:
        if "test_api_operations" not in item.name:
            continue
        for label, reason in KNOWN_GAPS.items():
            if f"[{label}]" in item.name:
                item.add_marker(pytest.mark.xfail(reason=reason, strict=False))
