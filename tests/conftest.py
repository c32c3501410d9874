"""Shared fixtures. Test data is built with factories and small helpers, not whole-site fixtures."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def restore_initial_rows():
    """Put back the rows Wagtail's migrations create (default locale, root page, root collection).

    A transactional test ends by emptying the database; Django then re-creates content types,
    permissions and the portal's roles (post_migrate), but not these.
    """
    from django.conf import settings
    from wagtail.models import Collection, Locale, Page

    locale, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale, live=True))
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test's flush, put back what migrations created, so later tests start as
    they expect. It lives in the root conftest so that every package's transactional tests (browser, outbox
    sender, request numbers...) leave the database as the next test expects."""
    yield
    marker = item.get_closest_marker("django_db")
    transactional = marker is not None and marker.kwargs.get("transaction")
    if not (transactional or "live_server" in getattr(item, "fixturenames", ())):
        return
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        restore_initial_rows()


@pytest.fixture
def home_page(db):
    """The site's Chinese home page with brand settings, as the demo creates it."""
    from cms.core.models import BrandSettings
    from cms.home.demo import ensure_home_page

    home, site = ensure_home_page()
    BrandSettings.for_site(site).save()
    return home


@pytest.fixture
def world(db, home_page):
    """Two grids with their stewards, staff of every role, households and a request in each grid
    (`tests.factories.World`)."""
    from tests.factories import World

    return World()


def run_python(code, env=None, settings="portal.settings.test", timeout=120):
    """Run Python code in a fresh interpreter with the given settings module and extra env."""
    full_env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"}}
    full_env["DJANGO_SETTINGS_MODULE"] = settings
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=timeout
    )


def run_manage(*args, env=None, settings="portal.settings.test", timeout=300):
    full_env = {k: v for k, v in os.environ.items()}
    full_env["DJANGO_SETTINGS_MODULE"] = settings
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=timeout
    )


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """Each test starts with an empty page cache, as after a deploy (the cache itself stays on)."""
    from django.core.cache import caches

    caches["pages"].clear()
    yield


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in the site's default language (zh-hans), as a new process or request does.

    Django's LocaleMiddleware activates the visitor's language for the thread and leaves it active
    after the response, so a test that fetched an /en/ page left later tests of the same worker (a
    management command's messages, say) in English.
    """
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()
