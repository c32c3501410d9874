"""The loaded demo, once for the whole-site tests of a worker: the crawl reads it, never writes.

The demo is loaded outside the per-test transaction (so it is loaded once, not per test) and the
database is emptied again after the last test of this package, as after a transactional test.
"""

import pytest
from django.core.management import call_command

DEMO_PASSWORD = "crawl-demo-pass-1"

# One account per role of the list (None: not signed in); the demo makes them all.
ROLES = {
    "anonymous": None,
    "resident": "resident1",
    "partner": "partner_canteen",
    "grid_steward": "steward1",
    "general_steward": "general1",
    "editor": "editor1",
    "moderator": "moderator1",
    "manager": "manager1",
    "official": "official1",
}


@pytest.fixture(scope="package")
def demo(django_db_setup, django_db_blocker):
    import os

    os.environ.setdefault("DEMO_ADMIN_PASSWORD", DEMO_PASSWORD)
    with django_db_blocker.unblock():
        call_command("load_demo", "--scale", "0.02", "--no-progress")
    yield
    from tests.browser.conftest import restore_initial_rows

    with django_db_blocker.unblock():
        call_command("flush", "--noinput")
        restore_initial_rows()


def client_for(role):
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    username = ROLES[role]
    if username:
        client.force_login(get_user_model().objects.get(username=username))
    return client
