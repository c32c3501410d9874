"""A resident on a phone: reads the home page, switches to elder-friendly mode and to English."""

import re

from playwright.sync_api import expect
from wagtail.models import Page

from .conftest import BROWSER_DB, shot

pytestmark = BROWSER_DB


def test_home_page_on_a_phone(phone, site):
    Page.objects.get(pk=site.pk).add_child(instance=Page(title="社区活动", slug="events", show_in_menus=True))
    phone.goto("/")
    expect(phone).to_have_title("枝叶关情 潍美家园")
    expect(phone.locator("h1")).to_have_text("枝叶关情 潍美家园")
    expect(phone.get_by_role("navigation", name="主导航").get_by_role("link", name="社区活动")).to_be_visible()
    expect(phone.get_by_role("link", name="0536-8888 1234").first).to_be_visible()
    # Nothing wider than the phone: no sideways scrolling.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    body_px = phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert body_px >= 16
    shot(phone, "phone-home")


def test_skip_link_is_the_first_tab_stop(phone, site):
    phone.goto("/")
    phone.keyboard.press("Tab")
    focused = phone.evaluate("document.activeElement.textContent.trim()")
    assert focused == "跳到主要内容"
    phone.keyboard.press("Enter")
    assert phone.evaluate("document.activeElement.id") == "main-content"


def test_elder_mode_switch_holds_across_pages(phone, site):
    phone.goto("/")
    normal_px = phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    toggle = phone.get_by_role("button", name="适老模式")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    toggle.click()
    expect(phone.locator("html")).to_have_class("elder")
    expect(phone.get_by_role("button", name="适老模式")).to_have_attribute("aria-pressed", "true")
    elder_px = phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert elder_px >= 18 and elder_px > normal_px
    # Touch targets in elder mode are at least 56 px high.
    height = phone.get_by_role("button", name="适老模式").bounding_box()["height"]
    assert height >= 56
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "phone-home-elder")
    # Another page (the English home) keeps the mode: the choice is stored in the browser, and the
    # page itself (served from the cache) is the same for everyone.
    phone.goto("/en/")
    expect(phone.locator("html")).to_have_class("elder")
    phone.get_by_role("button", name="Elder-friendly mode").click()
    expect(phone.locator("html")).not_to_have_class("elder")


def test_without_javascript_no_dead_switch_is_shown(browser, live_server, site):
    """A shared (cached) page cannot change per visitor without a script: the switch stays hidden."""
    from .conftest import PHONE

    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, **PHONE)
    page = context.new_page()
    page.goto("/")
    expect(page.get_by_role("button", name="适老模式")).to_have_count(0)
    expect(page.locator("html")).not_to_have_class("elder")
    context.close()


def test_language_switch_to_english_and_back(phone, site):
    phone.goto("/")
    phone.get_by_role("navigation", name="语言").get_by_role("link", name="English").click()
    expect(phone).to_have_url(re.compile(r"/en/$"))
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.get_by_role("link", name="Skip to main content")).to_be_attached()
    shot(phone, "phone-home-en")
    phone.get_by_role("navigation", name="Language").get_by_role("link", name="简体中文").click()
    expect(phone.locator("html")).to_have_attribute("lang", "zh-hans")
