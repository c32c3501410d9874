"""An editor in the Wagtail admin (in Chinese): logs in, edits and publishes a page."""

import re

from playwright.sync_api import expect

from .conftest import BROWSER_DB, admin_login, shot

pytestmark = BROWSER_DB


def publish(page):
    """Open the footer's action menu and press 发布 (publish)."""
    page.locator("footer [data-w-dropdown-target='toggle'], .footer__container [aria-label='更多操作']").first.click()
    page.get_by_role("button", name="发布").click()


def test_admin_login_is_in_chinese(desktop, admin_user):
    desktop.goto("/admin/login/")
    expect(desktop.locator("html")).to_have_attribute("lang", "zh-hans")
    admin_login(desktop)
    expect(desktop.get_by_role("heading", level=1).first).to_be_visible()
    shot(desktop, "admin-dashboard")


def test_editor_edits_and_publishes_the_home_page(desktop, admin_user, site):
    admin_login(desktop)
    desktop.goto(f"/admin/pages/{site.pk}/edit/")
    desktop.fill("#id_title", "枝叶关情 潍美家园 · 欢迎您")
    shot(desktop, "admin-edit-home")
    publish(desktop)
    expect(desktop.locator(".messages")).to_contain_text("已经发布")
    desktop.goto("/")
    expect(desktop.locator("h1")).to_have_text("枝叶关情 潍美家园 · 欢迎您")


def test_editor_translates_the_home_page_into_english(desktop, admin_user, site):
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="en")
    admin_login(desktop)
    desktop.goto(f"/admin/localize/submit/page/{site.pk}/")
    desktop.get_by_label("English").check()
    shot(desktop, "admin-translate-submit")
    desktop.locator("form button[type=submit], form input[type=submit]").last.click()
    desktop.wait_for_url("**/edit/")
    shot(desktop, "admin-translation-editor")
    english = site.get_translation(Locale.objects.get(language_code="en"))
    assert english.title == site.title  # untranslated strings start as the Chinese text
    desktop.get_by_role("button", name=re.compile("发布")).first.click()
    expect(desktop.locator(".messages")).to_contain_text("发布")
    english.refresh_from_db()
    assert english.live
