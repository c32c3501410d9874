"""Real-browser fixtures: Debian's Chromium driven by Playwright's sync API against pytest-django's live server.

One browser for the whole browser-test run; each test gets a fresh context (cookies, viewport). Tests skip with a
reason when /usr/bin/chromium is absent. Screenshots go to test-artifacts/ (CI keeps them).
"""

import os
from pathlib import Path

import pytest

from tests.conftest import restore_initial_rows as _restore_initial_rows

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
ADMIN_PASSWORD = "browser-test-password-1"


# Browser tests need committed data: the live server answers from another thread. Every module sets
# pytestmark = BROWSER_DB.
BROWSER_DB = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Kept importable from here for the conftests that import it.
restore_initial_rows = _restore_initial_rows


@pytest.fixture(scope="package")
def browser():
    """One Chromium for all browser tests, closed when the last one has run.

    Playwright's sync API keeps an event loop in this thread while it is open; the ORM calls that
    tests and pytest-django make meanwhile are still plain synchronous calls, so Django's
    async-safety guard is told so — only while the browser is open, never for the other tests.
    """
    if not CHROMIUM.exists():
        pytest.skip("Debian Chromium is not installed at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _page(browser, live_server, options):
    context = browser.new_context(base_url=live_server.url, locale="zh-CN", **options)
    context.set_default_timeout(15_000)
    page = context.new_page()
    outside = []
    # Nothing may load from outside the site: record any request to another origin.
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((live_server.url, "data:")) else None)
    page.outside_requests = outside
    return context, page


@pytest.fixture
def phone(browser, live_server, site):
    """A resident's phone: 375 px wide, touch."""
    context, page = _page(browser, live_server, PHONE)
    yield page
    context.close()
    assert page.outside_requests == [], "requests left the site"


@pytest.fixture
def desktop(browser, live_server, site):
    context, page = _page(browser, live_server, DESKTOP)
    yield page
    context.close()
    assert page.outside_requests == [], "requests left the site"


@pytest.fixture
def site(transactional_db):
    """The demo's home page and brand settings, committed so the live server's thread sees them."""
    from cms.core.models import BrandSettings
    from cms.home.demo import ensure_home_page

    restore_initial_rows()
    home, site = ensure_home_page()
    brand = BrandSettings.for_site(site)
    brand.slogan = "党建引领 红色物业 · 民呼我应"
    brand.hotline = "0536-8888 1234"
    brand.address = "山东省潍坊市潍城区北关街道 圣菲漫步小区党群服务站"
    brand.save()
    return home


@pytest.fixture
def admin_user(site, django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.com", ADMIN_PASSWORD)


def shot(page, name):
    """Save a full-page screenshot as a test artifact."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def admin_login(page, username="editor", password=ADMIN_PASSWORD):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
