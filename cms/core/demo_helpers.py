"""Helpers the content apps' demo steps share: find-or-create a published child page by slug."""

import json
import uuid


def child_page(parent, model, slug, **fields):
    """The live child `slug` of `parent`; created and published once, never touched again."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page, True


def _block_format(value):
    """Lists inside a block value in ListBlock's stored form ({"type": "item", "value", "id"}).

    The short form (a bare list) also loads, but wagtail-localize extracts no segments from it, so
    the items of statistics, cards, FAQs and menus would stay untranslatable.
    """
    if isinstance(value, list):
        return [{"type": "item", "value": _block_format(item), "id": str(uuid.uuid4())} for item in value]
    if isinstance(value, dict):
        return {key: _block_format(item) for key, item in value.items()}
    return value


def stream(*blocks):
    """StreamField raw JSON from (type, value) pairs, values in the stored (raw) form."""
    return json.dumps(
        [{"type": kind, "value": _block_format(value), "id": str(uuid.uuid4())} for kind, value in blocks],
        ensure_ascii=False,
    )
