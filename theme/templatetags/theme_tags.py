"""Template tags of the theme: main menu, breadcrumbs, language links, pagination links, icons.

Components stay small includes with flat variables; these tags only compute what a template cannot.
"""

import re
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


UNTRANSLATED_PARAM = "untranslated"


def _nearest_translation(request, page, locale):
    """The live translation into `locale` of `page`'s nearest ancestor on the site (the home page at
    the latest), or None."""
    root = _site_root(request)
    if root is None or locale is None:
        return None
    ancestors = page.get_ancestors().filter(depth__gte=root.depth).values_list("translation_key", flat=True)
    translated = Page.objects.filter(translation_key__in=list(ancestors), locale=locale).live().public()
    return translated.order_by("-depth").first()


def _language_links(request, page, current):
    """A page without a live translation links to its nearest translated ancestor, with
    `?untranslated=1` so that page tells the visitor why they landed there (never a 404)."""
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
                target = _nearest_translation(request, page, locale)
            if target is not None:
                url = target.get_url(request)
                if url and not translated:
                    url = f"{url}?{UNTRANSLATED_PARAM}=1"
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


_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@register.simple_tag
def lang_attr(text):
    """` lang="zh-hans"` for text with Chinese characters on a page in another language, so a screen
    reader reads the brand, a name or an untranslated label with a Chinese voice (WCAG 3.1.2).
    Usage: `<span{% lang_attr brand.brand_name %}>{{ brand.brand_name }}</span>`."""
    if not text or translation.get_language() == settings.LANGUAGE_CODE or not _CJK.search(str(text)):
        return ""
    return format_html(' lang="{}"', settings.LANGUAGE_CODE)


@register.simple_tag(takes_context=True)
def account_links(context):
    """The header's account links: "Sign in" for a visitor; for a signed-in user, the places their roles
    use (steward tools, data centre, partner listings, their requests and home, the admin), the account
    page and "Sign out". Each as {"title", "url"}."""
    from django.urls import reverse
    from django.utils.http import urlencode
    from django.utils.translation import gettext as _

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        next_url = request.get_full_path() if request is not None else "/"
        return [{"title": _("Sign in"), "url": f"{reverse('account_login')}?{urlencode({'next': next_url})}"}]
    from portal.grids import scope
    from portal.partners.models import PartnerMembership

    links = []
    if scope.is_staff_worker(user):
        links.append({"title": _("Steward tools"), "url": reverse("grids:home")})
    elif scope.works_requests(user):
        links.append({"title": _("Request worklist"), "url": reverse("desk:worklist")})
    if user.has_perm("stats.view_dashboard"):
        links.append({"title": _("Data centre"), "url": reverse("stats:dashboard")})
    if PartnerMembership.objects.filter(user=user).exists():
        links.append({"title": _("My listings"), "url": reverse("partners:dashboard")})
    links.append({"title": _("My requests"), "url": reverse("workorders:mine")})
    if user.has_perm("wagtailadmin.access_admin"):
        links.append({"title": _("Admin"), "url": reverse("wagtailadmin_home")})
    links.append({"title": _("My account"), "url": reverse("account_email")})
    links.append({"title": _("Sign out"), "url": reverse("account_logout")})
    return links
