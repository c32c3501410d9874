"""Shared fixtures. Test data is built with factories and small helpers, not whole-site fixtures."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


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
