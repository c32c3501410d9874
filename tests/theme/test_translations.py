"""Every translatable string has a Chinese translation, compiled into the committed .mo files."""

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIP_PARTS = {".venv", "node_modules", "staticfiles"}
CATALOGS = sorted(
    p
    for p in ROOT.glob("**/locale/zh_Hans/LC_MESSAGES/django.po")
    if not SKIP_PARTS.intersection(p.relative_to(ROOT).parts)
)


def test_there_are_chinese_catalogs():
    assert len(CATALOGS) >= 10


@pytest.mark.parametrize("po_path", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_catalog_is_fully_translated_and_compiled(po_path):
    po = polib.pofile(str(po_path))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == [], f"untranslated in {po_path}"
    assert fuzzy == [], f"fuzzy in {po_path}"
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} missing: run make messages"
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in polib.mofile(str(mo_path))}
    stale = [
        (e.msgctxt, e.msgid)
        for e in po.translated_entries()
        if not e.msgid_plural and compiled.get((e.msgctxt, e.msgid)) != e.msgstr
    ]
    assert stale == [], f"{mo_path} is older than its .po: run make messages"
