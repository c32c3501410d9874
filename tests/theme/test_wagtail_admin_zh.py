"""Wagtail's own admin strings read in Chinese in the zh-hans admin (issue 15, item 10).

Wagtail 7.4's zh_Hans catalog leaves about 390 admin strings untranslated; locale/wagtail/ supplies
them through LOCALE_PATHS. These tests render the admin as an editor meets it and read the words,
and check that every string of Wagtail's catalogs has a Chinese translation somewhere, so that a
Wagtail upgrade that adds strings fails here with the list to translate.
"""

import json
import re
from pathlib import Path

import polib
import pytest
import wagtail
import wagtail_localize
from django.apps import apps
from django.utils import translation
from django.utils.translation import trans_real

WAGTAIL = Path(wagtail.__file__).parent
LOCALIZE = Path(wagtail_localize.__file__).parent


@pytest.fixture
def editor_zh(client, django_user_model, home_page):
    user = django_user_model.objects.create_superuser("boss", "boss@example.com", "a-long-password-1")
    client.force_login(user)
    return client


def visible(html):
    """The text a reader sees: no tags, and whitespace collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_dashboard_counts_pages_in_chinese(editor_zh):
    html = editor_zh.get("/admin/").content.decode()
    text = visible(html)
    assert re.search(r"\d+ 个页面", text), "the site summary counts pages in Chinese"
    assert not re.search(r"\d+ Pages?\b", text)
    assert "created in" not in text


def test_page_editor_autosave_indicator_in_chinese(editor_zh, home_page):
    html = editor_zh.get(f"/admin/pages/{home_page.pk}/edit/").content.decode()
    assert "自动保存已暂停" in html or "自动保存<span>已暂停</span>" in html
    assert "Autosave is paused" not in html and "Autosave is <span>paused</span>" not in html
    text = visible(html)
    for english in ("Content metrics", "Reading time", "Show keyboard shortcuts", "Schedule to publish"):
        assert english not in text


def test_admin_javascript_catalog_in_chinese(editor_zh):
    """The admin's JavaScript reads its strings from wagtailadmin_javascript_catalog (djangojs)."""
    body = editor_zh.get("/admin/jsi18n/").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", body, re.S).group(1))
    assert catalog["Autosave in progress\u2026"] == "正在自动保存…"
    assert catalog["Changes have been autosaved."] == "修改已自动保存。"
    assert catalog["Insert a block"] == "插入区块"


def wagtail_entries(domain):
    """The source strings of every installed Wagtail app's catalog (English is the source)."""
    for po_path in sorted(WAGTAIL.glob(f"**/locale/en/LC_MESSAGES/{domain}.po")):
        parts = po_path.relative_to(WAGTAIL).parts
        app = ".".join(["wagtail", *parts[: parts.index("locale")]])
        if not apps.is_installed(app):
            continue
        for entry in polib.pofile(str(po_path)):
            if not entry.obsolete:
                yield app, entry


def untranslated(catalog, entries):
    missing = []
    for app, entry in entries:
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if entry.msgid_plural:
            key = (key, 0)
        if key not in catalog:
            missing.append(f"{app}: {entry.msgid!r}")
    return missing


def localize_entries(domain):
    """wagtail-localize's strings (its translation editor and sync views live in the admin)."""
    for entry in polib.pofile(str(LOCALIZE / f"locale/en/LC_MESSAGES/{domain}.po")):
        if not entry.obsolete:
            yield "wagtail_localize", entry


def test_every_wagtail_admin_string_has_a_chinese_translation():
    with translation.override("zh-hans"):
        catalog = trans_real.translation("zh-hans")._catalog
        assert untranslated(catalog, wagtail_entries("django")) == []
        assert untranslated(catalog, localize_entries("django")) == []


def test_every_wagtail_admin_javascript_string_has_a_chinese_translation(editor_zh):
    body = editor_zh.get("/admin/jsi18n/").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", body, re.S).group(1))
    missing = []
    for app, entry in wagtail_entries("djangojs"):
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        if app == "wagtail.admin" and key not in catalog:
            missing.append(entry.msgid)
    assert missing == []
    body = editor_zh.get("/admin/localize/jsi18n/").content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});", body, re.S).group(1))
    assert [entry.msgid for _app, entry in localize_entries("djangojs") if entry.msgid not in catalog] == []
