"""axe-core (vendored in theme/static/theme/vendor/axe-core) scans the main pages in Chromium.

The portal promises WCAG 2.2 AA: no serious or critical violation is allowed on any page scanned,
in normal and in elder-friendly mode, on a phone and on a desktop.
"""

import json
from pathlib import Path

from .conftest import ARTIFACTS, BROWSER_DB

AXE = Path(__file__).resolve().parents[2] / "theme" / "static" / "theme" / "vendor" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = BROWSER_DB


def axe_violations(page, name):
    """Run axe on the page; return serious and critical violations (all are saved as an artifact)."""
    # Evaluated through the DevTools protocol: the site's Content-Security-Policy forbids inline script,
    # which a <script> tag added by the test would be.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{name}.json").write_text(
        json.dumps(result["violations"], ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:5]}"
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def test_axe_engine_is_vendored_not_fetched():
    assert AXE.is_file()
    assert AXE.read_text(encoding="utf-8")[:40].startswith("/*! axe v4.")
    assert (AXE.parent / "LICENSE").is_file()


def content(site):
    """The main pages: home, news, events, services (with a lecture and the canteen menu)."""
    from tests.cms.factories import EventPageFactory, NewsPageFactory, ServicePageFactory, make_tree

    tree = make_tree(site)
    for section in (tree["news"], tree["events"], tree["services"]):
        section.show_in_menus = True
        section.save_revision().publish()
    NewsPageFactory(parent=tree["news"], title="党群联席会召开")
    event = EventPageFactory(parent=tree["events"], title="博悦大讲堂：学区政策解读")
    menu = [("day", {"weekday": "1", "lunch": ["红烧肉"], "dinner": ["小米粥"], "price": "¥8"})]
    canteen = ServicePageFactory(parent=tree["canteen"], title="圣菲漫步公益食堂", weekly_menu=menu)
    from cms.forms.models import RequestFormPage
    from tests.factories import BuildingFactory, CategoryFactory

    CategoryFactory(code="water-leak", name="水管漏水")
    BuildingFactory()
    repair = RequestFormPage(title="报事报修", slug="baoshi")
    site.add_child(instance=repair)
    repair.save_revision().publish()
    return {
        "home-zh": "/",
        "home-en": "/en/",
        "news": tree["news"].url,
        "events": tree["events"].url,
        "lecture": event.url,
        "services": tree["services"].url,
        "canteen-category": tree["canteen"].url,
        "canteen": canteen.url,
        "repair-form": repair.url,
    }


def test_main_pages_have_no_serious_violations(phone, desktop, site):
    found = {}
    for name, url in content(site).items():
        for label, page in (("phone", phone), ("desktop", desktop)):
            page.goto(url)
            violations = axe_violations(page, f"{name}-{label}")
            if violations:
                found[f"{name} ({label}) {url}"] = violations
    assert found == {}


def test_form_with_errors_has_no_serious_violations(phone, site):
    urls = content(site)
    phone.goto(urls["lecture"])
    phone.locator(".event__signup button[type=submit]").click()
    phone.wait_for_selector("[data-error-summary]")
    assert axe_violations(phone, "lecture-form-errors") == []


def test_elder_mode_has_no_serious_violations(phone):
    phone.goto("/")
    phone.get_by_role("button", name="适老模式").click()
    phone.wait_for_selector("html.elder")
    assert axe_violations(phone, "home-elder") == []


def test_axe_catches_a_real_violation(phone):
    """The scan is live: an image without alt text on the page is reported."""
    phone.goto("/")
    phone.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        " '<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\"><input type=text>')"
    )
    found = axe_violations(phone, "deliberately-broken")
    assert any(v.startswith("image-alt") for v in found)
    assert any(v.startswith("label") for v in found)
