"""What search needs to know about a page, whatever its type."""

import re

from django.utils.html import strip_tags
from modelsearch.index import RelatedFields, SearchField
from wagtail.models import Page

#: A page type may define `search_category` (a short label) to appear in the "service category" facet.
CATEGORY_ATTRIBUTES = ("search_category",)
#: Service listings are grouped under category pages of this type: their title is the category.
SERVICE_CATEGORY_PAGE = ("services", "servicecategorypage")


#: Runs of punctuation that are layout, not words: a horizontal rule ("---", "***", "==="), a
#: Markdown table's "|---|---|", the "---------" Django shows for an empty choice (Wagtail indexes
#: a ChoiceBlock's label, so an optional block left empty contributed exactly that).
_PUNCTUATION_TOKEN = re.compile(r"(?<!\S)[^\w\s]{3,}(?!\S)")
_PUNCTUATION_RUN = re.compile(r"([^\w\s.])\1{2,}")
_DOTS = re.compile(r"\.{3,}")


def strip_punctuation_runs(text):
    """`text` without tokens made only of punctuation (3+ marks); a run of one mark inside text
    ("!!!") becomes one mark, "..." an ellipsis. Chinese ellipses and dashes (…… ——) stay.
    """
    text = _PUNCTUATION_TOKEN.sub(" ", text)
    return _DOTS.sub("…", _PUNCTUATION_RUN.sub(r"\1", text))


def plain(value):
    """Text of a field value: rich text and HTML stripped, lists joined, punctuation runs dropped.

    It is what the index stores and what result snippets are cut from.
    """
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(plain(v) for v in value)
    if isinstance(value, dict):
        return " ".join(plain(v) for v in value.values())
    text = str(value)
    if "<" in text:
        text = strip_tags(text)
    return " ".join(strip_punctuation_runs(text).split())


def _field_texts(obj, fields):
    for field in fields:
        if isinstance(field, SearchField) and field.field_name != "title":
            yield plain(field.get_value(obj))
        elif isinstance(field, RelatedFields):
            related = field.get_value(obj)
            if related is None:
                continue
            items = related.all() if hasattr(related, "all") else [related]
            for item in items:
                yield from _field_texts(item, field.fields)


def page_texts(page):
    """(title, body) as plain text: the body is every indexed field but the title, plus the summary."""
    fields = page.get_search_fields()
    texts = [t for t in _field_texts(page, fields) if t]
    names = {getattr(f, "field_name", None) for f in fields}
    if "search_description" not in names and page.search_description:
        texts.append(plain(page.search_description))
    return page.title, " ".join(texts)


def page_content_type_key(page):
    ct = page.content_type if page.content_type_id else None
    return f"{ct.app_label}.{ct.model}" if ct else ""


def page_category(page):
    """The page's own service category label, when its type defines `search_category`."""
    for name in CATEGORY_ATTRIBUTES:
        value = getattr(page, name, None)
        if callable(value):
            value = value()
        if value:
            return str(getattr(value, "name", None) or getattr(value, "title", None) or value)
    return ""


def service_categories(rows):
    """{page id: category title} for pages whose parent is a service category page (one query at most).

    `rows` are (page id, path, depth) tuples.
    """
    from django.contrib.contenttypes.models import ContentType

    try:
        ct = ContentType.objects.get_by_natural_key(*SERVICE_CATEGORY_PAGE)
    except ContentType.DoesNotExist:
        return {}
    step = Page.steplen
    parent_paths = {pk: path[:-step] for pk, path, depth in rows if depth > 1}
    # Every service category's title by tree path (a dozen pages).
    titles = dict(Page.objects.filter(content_type=ct).values_list("path", "title"))
    return {pk: titles[path] for pk, path in parent_paths.items() if path in titles}


def page_is_public(page):
    return Page.objects.public().filter(pk=page.pk).exists()
