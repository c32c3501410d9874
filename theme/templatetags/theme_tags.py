"""Template tags of the theme: main menu, breadcrumbs, language links, pagination links, icons.

Components stay small includes with flat variables; these tags only compute what a template cannot.
"""

from functools import lru_cache
from pathlib import Path

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Locale, Page, Site

register = template.Library()

ICON_DIR = Path(__file__).resolve().parent.parent / "static" / "theme" / "icons"


def _memo(request, key, compute):
    """`compute()` once per request: the header, footer, breadcrumbs and language links all need
    the site's home page and the locales, and each lookup is a query plus ORM work (a page rendered
    them 5-6 times over)."""
    memo = request.__dict__.setdefault("_theme_tags_memo", {})
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def _site_root(request):
    """The current site's home page in the active language (falls back to the default language)."""
    if request is None:
        return None

    def compute():
        site = Site.find_for_request(request)
        return site.root_page.localized if site is not None else None

    return _memo(request, ("site_root", translation.get_language()), compute)


def _locales(request):
    """Every Locale by language code, read once per request."""

    def compute():
        return {locale.language_code: locale for locale in Locale.objects.all()}

    return _memo(request, "locales", compute)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """Live, public pages directly under the home page that editors marked "show in menus"."""
    request = context.get("request")
    root = _site_root(request)
    if root is None:
        return []
    current = context.get("page")
    current_path = getattr(current, "path", "") or ""
    items = []
    children = root.get_children().live().in_menu().public()
    for child in children.only("id", "path", "title", "url_path", "depth"):
        items.append(
            {
                "title": child.title,
                "url": child.get_url(request),
                "active": bool(current_path) and current_path.startswith(child.path),
                "current": current is not None and current.pk == child.pk,
            }
        )
    return items


@register.simple_tag(takes_context=True)
def breadcrumb_items(context, page=None):
    """The trail from the home page to `page`: a list of {title, url}; the last one is the page itself."""
    request = context.get("request")
    page = page or context.get("page")
    root = _site_root(request)
    if page is None or root is None or not isinstance(page, Page) or page.depth <= root.depth:
        return []

    def ancestors():
        qs = page.get_ancestors().filter(depth__gte=root.depth).live().public()
        items = [{"title": a.title, "url": a.get_url(request)} for a in qs.only("title", "url_path", "depth")]
        if items:
            items[0]["title"] = translation.gettext("Home")
        return tuple(items)

    return [*ancestors(), {"title": page.title, "url": None}]


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per site language to the same page in that language.

    For a Wagtail page this is its live translation, or the home page of that language when the page
    is not translated yet; for other views it is the same path with the language prefix swapped.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    if request is None:
        return _language_links(request, page, current)
    if not isinstance(page, Page):
        key = ("language_links", None, request.path, current)
        return _memo(request, key, lambda: _language_links(request, page, current))
    key = ("language_links", page.pk, request.path, current)
    return _memo(request, key, lambda: _language_links(request, page, current))


def _language_links(request, page, current):
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        translated = not isinstance(page, Page)
        if isinstance(page, Page) and request is not None:
            locale = _locales(request).get(code)
            if locale is not None and page.locale_id == locale.pk:
                target = page  # the page itself: no query
            else:
                target = page.get_translation_or_none(locale) if locale else None
            translated = target is not None and target.live
            if not translated:
                root = _site_root(request)
                target = root.get_translation_or_none(locale) if (root and locale) else None
                if target is not None and not target.live:
                    target = None
            if target is not None:
                url = target.get_url(request)
        if url is None and request is not None:
            url = translate_url(request.path, code)
        links.append(
            {"code": code, "name": name, "url": url or "/", "current": code == current, "translated": translated}
        )
    return links


@register.simple_tag(takes_context=True)
def page_query(context, number, param="page"):
    """The current query string with `param` set to `number` (keeps filters while paging)."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else None
    if query is None:
        return f"?{param}={number}"
    query[param] = number
    return "?" + query.urlencode()


@lru_cache(maxsize=64)
def _icon_svg(name):
    path = ICON_DIR / f"{name}.svg"
    if not path.is_file() or path.parent != ICON_DIR:
        return ""
    return path.read_text(encoding="utf-8").strip()


@register.simple_tag
def icon(name, label=""):
    """An inline SVG icon from theme/static/theme/icons; decorative unless a label is given."""
    svg = _icon_svg(name)
    if not svg:
        return ""
    if label:
        return format_html('<span class="icon" role="img" aria-label="{}">{}</span>', label, mark_safe(svg))  # noqa: S308 - our own files
    return format_html('<span class="icon" aria-hidden="true">{}</span>', mark_safe(svg))  # noqa: S308


@register.simple_tag(takes_context=True)
def language_home_url(context):
    """The URL of the home page in the active language ("/" for Chinese, "/en/" for English)."""
    request = context.get("request")
    root = _site_root(request)
    url = root.get_url(request) if root is not None else None
    return url or "/"
