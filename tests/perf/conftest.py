import pytest


def pytest_collection_modifyitems(config, items):
    """Mark the fuzz cases of operations with a known schema gap as expected failures."""
    from .test_api_schema import KNOWN_GAPS

    for item in items:
        if "test_api_operations" not in item.name:
            continue
        for label, reason in KNOWN_GAPS.items():
            if f"[{label}]" in item.name:
                item.add_marker(pytest.mark.xfail(reason=reason, strict=False))
