"""The whole site as each role meets it, in both languages (issue 15, "What done means", first point).

For each demo role and language a bounded crawl (tests/site/crawler.py) starts at the home page and
/sitemap.xml and follows every same-site link and GET form the site renders. Then, per page:
no status ≥ 400 for a rendered link; no Python repr or template syntax in visible text; an English
page reads as English (Chinese names carry lang="zh-hans"), a Chinese page shows no English UI string;
every <img> has alt. Nothing here names a page: new page types and links are covered as they appear.
"""

import pytest

from . import crawler
from .conftest import ROLES, client_for

# One worker takes the whole package: the demo is loaded once and each crawl made once.
pytestmark = pytest.mark.xdist_group("site")

LANGUAGES = ["zh-hans", "en"]
_crawls = {}


def crawled(role, language):
    """The crawl of (role, language), made once per test session and shared by the checks below."""
    if (role, language) not in _crawls:
        home = "/en/" if language == "en" else "/"
        _crawls[role, language] = crawler.crawl(client_for(role), [home, "/sitemap.xml"], language=language)
    return _crawls[role, language]


def cases():
    return [pytest.param(role, language, id=f"{role}-{language}") for role in ROLES for language in LANGUAGES]


def report(findings):
    return "\n".join(f"{check} {url}: {detail} (linked from {source})" for check, url, detail, source in findings)


@pytest.mark.parametrize(("role", "language"), cases())
def test_every_rendered_link_works(demo, db, role, language):
    pages, findings, _referrer = crawled(role, language)
    assert len(pages) > 10, "the crawl found almost nothing: the start pages are broken"
    own = [f for f in findings if crawler.in_language(f[1], language)]
    assert own == [], report(own)


@pytest.mark.parametrize(("role", "language"), cases())
def test_links_to_the_other_language_work(demo, db, role, language):
    """The language switcher and the sitemap never lead to a 404 (issue 15 item 2)."""
    _pages, findings, _referrer = crawled(role, language)
    other = [f for f in findings if not crawler.in_language(f[1], language)]
    assert other == [], report(other)


@pytest.mark.parametrize(("role", "language"), cases())
def test_no_python_repr_or_template_syntax_in_visible_text(demo, db, role, language):
    pages, _findings, referrer = crawled(role, language)
    found = [
        ("repr", p.url, crawler.text_problems(p), referrer.get(p.url))
        for p in pages.values()
        if crawler.text_problems(p)
    ]
    assert found == [], report(found)


@pytest.mark.parametrize(("role", "language"), cases())
def test_every_image_has_alt(demo, db, role, language):
    pages, _findings, referrer = crawled(role, language)
    found = [
        ("img-alt", p.url, p.images_without_alt, referrer.get(p.url)) for p in pages.values() if p.images_without_alt
    ]
    assert found == [], report(found)


@pytest.mark.parametrize("role", list(ROLES))
def test_chinese_pages_show_no_english_ui_strings(demo, db, role):
    pages, _findings, referrer = crawled(role, "zh-hans")
    found = [
        ("english-on-zh", p.url, crawler.english_ui_strings(p)[:5], referrer.get(p.url))
        for p in pages.values()
        if p.lang.startswith("zh") and crawler.english_ui_strings(p)
    ]
    assert found == [], report(found)


@pytest.mark.parametrize("role", list(ROLES))
def test_english_pages_read_as_english(demo, db, role):
    pages, _findings, referrer = crawled(role, "en")
    found = [
        ("mostly-chinese", p.url, "".join(crawler.chinese_unmarked(p))[:60], referrer.get(p.url))
        for p in pages.values()
        if p.lang == "en" and crawler.mostly_chinese(p)
    ]
    assert found == [], report(found)


def test_the_crawler_catches_what_it_checks():
    """The checks themselves, on small pages: each flags what it must and passes clean text."""
    bad = crawler.parse(
        "/x/",
        200,
        '<html lang="zh-hans"><body><p>&lt;QuerySet [&lt;Building: 1号楼&gt;]&gt; None {{ x }}</p>'
        '<img src="a.png"><p>Autosave is paused</p><a href="/y/">y</a>'
        '<form method="get" action="/s/"><input name="q" value="t"><select name="b"><option value="">-</option>'
        '<option value="7">7</option></select></form></body></html>',
    )
    assert {"<QuerySet", r"\bNone\b", r"\{\{|\{%|%\}|\}\}"} <= set(crawler.text_problems(bad))
    assert bad.images_without_alt == ["a.png"]
    assert crawler.english_ui_strings(bad) == ["Autosave is paused"]
    assert "/y/" in [crawler.local(link) for link in bad.links] and "/s/?q=t&b=7" in [
        crawler.local(link) for link in bad.links
    ]
    english = crawler.parse("/en/", 200, '<html lang="en"><p>社区服务 公益食堂 居家养老 家政</p><p>Home</p></html>')
    assert crawler.mostly_chinese(english)
    marked = crawler.parse(
        "/en/", 200, '<html lang="en"><p lang="zh-hans">枝叶关情 潍美家园</p><p>Community services and news</p></html>'
    )
    assert not crawler.mostly_chinese(marked) and crawler.chinese_unmarked(marked) == []
    clean = crawler.parse(
        "/", 200, '<html lang="zh-hans"><p>报事报修 WeChat 0536-8888</p><img src="b.png" alt=""></html>'
    )
    assert (
        crawler.text_problems(clean) == []
        and clean.images_without_alt == []
        and crawler.english_ui_strings(clean) == []
    )
    assert crawler.shape("/news/a-story/?page=2") == crawler.shape("/news/other/?page=9") == "news/*?page"
