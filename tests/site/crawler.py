"""A bounded crawl of the site as a role sees it, with the checks every rendered page must pass.

Starts from the home page of a language and from /sitemap.xml, follows every same-site link
(`<a href>`) and GET form (`<form method=get>`, submitted with the values it renders) the site itself
renders. Pages are grouped by their *shape* — the path with numbers and slugs of the same parent
folded together, and the query's parameter names — and at most `per_shape` pages of one shape are
fetched, so a new page type or link is covered without any change here while a listing of 500 news
items costs a handful of requests.

Findings are (check, url, detail, found-on) tuples, so a failure names the page that rendered the link.
"""

import re
from collections import Counter, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

# Visible text that means a template printed a Python object or its own syntax.
REPR_PATTERNS = [
    re.compile(r"<QuerySet"),
    re.compile(r"object at 0x"),
    re.compile(r"\bNone\b"),
    re.compile(r"\{\{|\{%|%\}|\}\}"),
    re.compile(r"<(?:bound method|function) "),
]
# Paths the crawl does not enter: Wagtail's and Django's own admin (their pages are Wagtail's UI, checked by
# the accessibility scan of the project's own admin views), files, and actions that change the session.
NOT_ENTERED = ("/admin/", "/django-admin/", "/documents/", "/media/", "/static/", "/api/")
NOT_FETCHED = ("/accounts/logout/", "/en/accounts/logout/")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
LATIN_LETTER = re.compile(r"[A-Za-z]")
# Two or more English words in a row (a UI string), the first may be capitalised.
ENGLISH_PHRASE = re.compile(r"\b[A-Za-z][a-z]+(?:[ ,'’]+[a-z]{2,})+\b")
URL_LIKE = re.compile(r"\S*(?:https?://|www\.|/)\S*|\S+@\S+")
# English on Chinese pages that is a name or a unit, not an untranslated UI string.
PROPER_NAMES = {
    "WeChat",
    "Wagtail",
    "English",
    "Excel",
    "Open311",
}


@dataclass
class Page:
    url: str
    status: int
    lang: str = ""
    text: str = ""  # visible text outside elements marked with another language
    foreign_text: str = ""  # visible text inside elements whose lang differs from the page's
    attributes_text: str = ""  # alt, title, placeholder, aria-label
    links: list = field(default_factory=list)
    form_links: list = field(default_factory=list)
    images_without_alt: list = field(default_factory=list)


class _Parser(HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, base):
        super().__init__(convert_charrefs=True)
        self.base = base
        self.page_lang = ""
        self.stack = []  # (tag, lang, hidden)
        self.text, self.foreign, self.attrs_text = [], [], []
        self.links, self.no_alt, self.form_links = [], [], []
        self.form = None

    def _lang(self):
        for _tag, lang, _hidden in reversed(self.stack):
            if lang:
                return lang
        return self.page_lang

    def _hidden(self):
        return any(hidden for _tag, _lang, hidden in self.stack)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.page_lang = (a.get("lang") or "").lower()
        hidden = tag in ("script", "style", "template", "noscript") or "hidden" in a
        lang = (a.get("lang") or "").lower()
        if not hidden:
            for name in ("alt", "title", "placeholder", "aria-label"):
                if a.get(name):
                    self.attrs_text.append(a[name])
        if tag == "a" and a.get("href"):
            self.links.append(urljoin(self.base, a["href"]))
        elif tag == "img":
            if "alt" not in a:
                self.no_alt.append(a.get("src", "?"))
        elif tag == "form" and (a.get("method") or "get").lower() == "get":
            self.form = {"action": urljoin(self.base, a.get("action") or self.base), "fields": []}
        elif self.form is not None and tag in ("input", "select", "textarea") and a.get("name"):
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset", "file"):
                pass
            elif kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.form["fields"].append((a["name"], a.get("value", "on")))
            elif tag != "select":
                self.form["fields"].append((a["name"], a.get("value", "")))
            else:
                self.form["select"] = a["name"]
        elif self.form is not None and tag == "option" and self.form.get("select"):
            # A select submits its selected option, or its first one; take the first non-empty option too,
            # so a form like "find my steward" is followed with a real choice.
            value = a.get("value", "")
            if value and not self.form.get("picked"):
                self.form["fields"].append((self.form["select"], value))
                self.form["picked"] = True
        if tag not in self.VOID:
            self.stack.append((tag, lang, hidden))

    def handle_endtag(self, tag):
        if tag == "select" and self.form is not None:
            self.form.pop("select", None)
            self.form.pop("picked", None)
        if tag == "form" and self.form is not None:
            query = urlencode(self.form["fields"])
            target = f"{self.form['action'].split('?')[0]}?{query}" if query else self.form["action"]
            self.links.append(target)
            self.form_links.append(target)
            self.form = None
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        if self._hidden() or not data.strip():
            return
        lang = self._lang()
        same = lang.split("-")[0] == self.page_lang.split("-")[0]
        (self.text if same else self.foreign).append(data)


def parse(url, status, html):
    parser = _Parser(url)
    parser.feed(html)
    return Page(
        url=url,
        status=status,
        lang=parser.page_lang,
        text=" ".join(parser.text),
        foreign_text=" ".join(parser.foreign),
        attributes_text=" ".join(parser.attrs_text),
        links=parser.links,
        form_links=parser.form_links,
        images_without_alt=parser.no_alt,
    )


SEGMENT_ID = re.compile(r"^(\d+|[0-9a-f]{8,}|[A-Z0-9-]{8,})$")


def shape(url):
    """The page type of a URL: numbers and ids folded, the last path segment folded under its
    parent, and the query's parameter names (not values)."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    folded = ["#" if SEGMENT_ID.match(s) else s for s in segments]
    if len(folded) >= 2:
        folded[-1] = "*"
    names = sorted({name for name, _value in parse_qsl(parts.query, keep_blank_values=True)})
    return "/".join(folded) + ("?" + "&".join(names) if names else "")


def same_site(url):
    parts = urlsplit(url)
    return parts.scheme in ("", "http") and parts.netloc in ("", "testserver")


def local(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def in_language(url, language):
    """Whether `url` belongs to `language`'s half of the site (English under /en/, Chinese elsewhere)."""
    english = url == "/en" or url.startswith("/en/")
    return english if language == "en" else not english


def crawl(client, starts, *, language, per_shape=2, limit=150):
    """Fetch pages breadth-first from `starts`; return ({url: Page}, [findings], {url: referrer}).

    Pages of the other language are fetched (a link to them must work) but not followed: that
    language's own crawl does."""
    pages, referrer = {}, {}
    shapes = Counter()
    queue = deque((local(u), None) for u in starts)
    findings = []
    from_forms = set()  # a GET form sent with the values it renders may fail validation: 400 is its answer
    while queue and len(pages) < limit:
        url, found_on = queue.popleft()
        if url in pages or url.startswith(NOT_FETCHED):
            continue
        key = shape(url)
        if found_on is not None and shapes[key] >= per_shape:
            continue
        shapes[key] += 1
        response = client.get(url)
        referrer[url] = found_on
        if response.status_code >= 400 and not (response.status_code == 400 and url in from_forms):
            findings.append(("status", url, response.status_code, found_on))
            pages[url] = Page(url, response.status_code)
            continue
        if response.status_code in (301, 302, 303, 307, 308):
            target = response["Location"]
            if same_site(target):
                queue.appendleft((local(urljoin(url, target)), url))
            pages[url] = Page(url, response.status_code)
            continue
        content_type = response.get("Content-Type", "")
        if url.startswith(NOT_ENTERED) or "html" not in content_type or not in_language(url, language):
            pages[url] = Page(url, response.status_code)
            if url.endswith("sitemap.xml"):
                for loc in re.findall(r"<loc>([^<]+)</loc>", response.content.decode()):
                    queue.append((local(loc), url))
            continue
        page = parse(url, response.status_code, response.content.decode())
        pages[url] = page
        from_forms.update(local(link) for link in page.form_links)
        for link in page.links:
            link = link.split("#")[0]
            if link and same_site(link) and urlsplit(link).scheme in ("", "http"):
                target = local(link)
                if target not in pages:
                    queue.append((target, url))
    return pages, findings, referrer


def text_problems(page):
    """Python reprs and template syntax in what a visitor reads."""
    visible = f"{page.text} {page.foreign_text} {page.attributes_text}"
    return [pattern.pattern for pattern in REPR_PATTERNS if pattern.search(visible)]


def mostly_chinese(page):
    """An English page whose own text (not the parts marked lang="zh-hans") reads mostly as Chinese.

    Words are estimated as 1.5 Chinese characters or 5 Latin letters."""
    cjk = len(CJK.findall(page.text))
    latin = len(LATIN_LETTER.findall(page.text))
    return cjk / 1.5 > latin / 5


def english_ui_strings(page):
    """English phrases on a Chinese page, outside elements marked lang="en", less proper names."""
    found = []
    for text in (page.text, page.attributes_text):
        for match in ENGLISH_PHRASE.finditer(URL_LIKE.sub(" ", text)):
            phrase = match.group(0)
            if not any(name in phrase for name in PROPER_NAMES):
                found.append(phrase)
    return found


def chinese_unmarked(page):
    """Chinese characters in an English page's own text (they should carry lang="zh-hans")."""
    return CJK.findall(page.text)
