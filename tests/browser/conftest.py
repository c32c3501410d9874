"""Browser tests run against `live_server`, so their data is committed and flushed afterwards.

The flush also removes what migrations created (the default locale and Wagtail's root page),
which later transactional tests such as the demo loader's need: put them back after each one.
"""

import pytest
from pytest_django.plugin import blocking_manager_key


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    marker = item.get_closest_marker("django_db")
    if marker is None or not (marker.kwargs.get("transaction") or "live_server" in item.fixturenames):
        return
    from tests.portal.workorders.factories import restore_migration_data

    with item.config.stash[blocking_manager_key].unblock():
        restore_migration_data()
