"""Helpers the content apps' demo steps share: find-or-create a published child page by slug."""


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


def stream(*blocks):
    """StreamField raw JSON from (type, value) pairs, values in the stored (raw) form."""
    import json

    return json.dumps([{"type": kind, "value": value} for kind, value in blocks], ensure_ascii=False)
