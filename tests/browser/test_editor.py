"""An editor in the Wagtail admin (in Chinese): logs in, edits and publishes a page."""

from playwright.sync_api import expect

from .conftest import admin_login, shot


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
