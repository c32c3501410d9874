"""axe-core (vendored in theme/static/theme/vendor/axe-core) scans the main pages in Chromium.

The portal promises WCAG 2.2 AA: no serious or critical violation is allowed on any page scanned,
in normal and in elder-friendly mode, on a phone and on a desktop.
"""

import json
from pathlib import Path

import pytest

from .conftest import ARTIFACTS, BROWSER_DB

AXE = Path(__file__).resolve().parents[2] / "theme" / "static" / "theme" / "vendor" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

pytestmark = BROWSER_DB


def axe_violations(page, name):
    """Run axe on the page; return serious and critical violations (all are saved as an artifact)."""
    page.add_script_tag(path=str(AXE))
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


PAGES = [
    ("home-zh", "/"),
    ("home-en", "/en/"),
]


@pytest.mark.parametrize(("name", "url"), PAGES, ids=[p[0] for p in PAGES])
def test_main_pages_have_no_serious_violations(phone, desktop, name, url):
    for label, page in (("phone", phone), ("desktop", desktop)):
        page.goto(url)
        assert axe_violations(page, f"{name}-{label}") == []


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
