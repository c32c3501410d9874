"""The search suggestions follow the WAI-ARIA combobox pattern, used with the keyboard only (issue 22)."""

from urllib.parse import unquote

from .conftest import BROWSER_DB

pytestmark = BROWSER_DB


def test_suggestions_work_with_the_keyboard(desktop, site):
    from search.synonyms import ensure_default_synonyms
    from tests.search.conftest import add_page

    ensure_default_synonyms()
    menu = add_page(site, "长者食堂本周菜单", "周一红烧鸡块、清蒸鲈鱼，老人八折。")
    add_page(site, "就餐卡办理", "就餐卡可在党群服务站办理，长者食堂窗口可充值。")
    page = desktop
    page.goto("/search/")
    box = page.locator("#search-q")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "false"
    # The header search and the page search are two search landmarks with different names.
    names = page.eval_on_selector_all(
        "[role=search]",
        "els => els.map(e => e.getAttribute('aria-label') || "
        "document.getElementById(e.getAttribute('aria-labelledby')).textContent)",
    )
    assert len(names) == 2 and len(set(names)) == 2, names

    box.focus()
    page.keyboard.type("shitang")
    page.wait_for_selector("#search-suggestions [role=option]")
    assert box.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    first = page.locator("#search-suggestions [role=option]").first
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "search-q"  # focus stays in the box
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false" and box.get_attribute("aria-activedescendant") is None
    page.keyboard.type(" ")  # typing again brings the list back
    page.keyboard.press("Backspace")
    page.wait_for_selector("#search-suggestions [role=option]")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert unquote(page.url).endswith(unquote(menu.url))
