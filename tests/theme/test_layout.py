"""The layout every page shares: landmarks, main menu, breadcrumbs, language links, elder mode."""

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from wagtail.models import Page

from theme.context_processors import ELDER_COOKIE


def add_child(parent, title, slug, show_in_menus=True, live=True):
    child = parent.add_child(instance=Page(title=title, slug=slug, show_in_menus=show_in_menus, live=live))
    return child


def test_home_page_has_landmarks_and_skip_link(client, home_page):
    html = client.get("/").content.decode()
    for landmark in ("<header", '<main id="main-content"', "<footer", 'href="#main-content"'):
        assert landmark in html
    assert 'aria-label="主导航"' not in html  # no menu pages yet, so no empty nav
    assert "适老模式" in html
    assert html.count("<h1") == 1


def test_main_menu_lists_live_menu_pages_only(client, home_page):
    add_child(home_page, "社区活动", "events")
    add_child(home_page, "便民服务", "services")
    add_child(home_page, "隐藏页面", "hidden", show_in_menus=False)
    add_child(home_page, "草稿页面", "draft", live=False)
    html = client.get("/").content.decode()
    assert 'aria-label="主导航"' in html
    assert 'href="/events/"' in html and "社区活动" in html
    assert 'href="/services/"' in html
    assert "隐藏页面" not in html
    assert "草稿页面" not in html


def test_breadcrumbs_trail_from_home_to_the_page(home_page):
    section = add_child(home_page, "社区活动", "events")
    lecture = add_child(section, "博悦大讲堂：招生政策解读", "lecture")
    request = RequestFactory().get(lecture.url)
    html = render_to_string("navigation/breadcrumbs.html", {"page": lecture, "request": request})
    assert 'aria-label="当前位置"' in html
    assert '<a href="/">首页</a>' in html
    assert '<a href="/events/">社区活动</a>' in html
    assert '<span aria-current="page">博悦大讲堂：招生政策解读</span>' in html


def test_breadcrumbs_from_items_for_non_page_views(db):
    items = [{"title": "首页", "url": "/"}, {"title": "报修已受理", "url": None}]
    html = render_to_string("navigation/breadcrumbs.html", {"items": items})
    assert '<a href="/">首页</a>' in html
    assert '<span aria-current="page">报修已受理</span>' in html


def test_home_page_has_no_breadcrumbs(client, home_page):
    assert 'aria-label="当前位置"' not in client.get("/").content.decode()


def test_language_switcher_links_both_languages(client, home_page):
    html = client.get("/").content.decode()
    assert 'href="/" lang="zh-hans" aria-current="true"' in html
    assert 'href="/en/" lang="en" hreflang="en">English</a>' in html


def test_english_prefix_renders_english_interface(client, home_page):
    html = client.get("/en/").content.decode()
    assert '<html lang="en"' in html
    assert "Skip to main content" in html
    assert "Elder-friendly mode" in html


class TestElderMode:
    def test_switch_on_sets_cookie_and_goes_back(self, client, home_page):
        response = client.post("/elder-mode/", {"elder": "1", "next": "/en/"})
        assert response.status_code == 302
        assert response["Location"] == "/en/"
        cookie = response.cookies[ELDER_COOKIE]
        assert cookie.value == "1"
        assert cookie["max-age"] == 365 * 24 * 60 * 60
        assert cookie["samesite"] == "Lax"

    def test_pages_render_in_elder_mode_while_the_cookie_is_set(self, client, home_page):
        client.post("/elder-mode/", {"elder": "1", "next": "/"})
        html = client.get("/").content.decode()
        assert '<html lang="zh-hans" class="elder">' in html
        assert 'aria-pressed="true"' in html
        client.post("/elder-mode/", {"elder": "0", "next": "/"})
        html = client.get("/").content.decode()
        assert 'class="elder"' not in html
        assert 'aria-pressed="false"' in html

    @pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)"])
    def test_refuses_to_redirect_off_site(self, client, home_page, target):
        response = client.post("/elder-mode/", {"elder": "1", "next": target})
        assert response.status_code == 302
        assert response["Location"] == "/"

    def test_get_is_not_allowed(self, client, db):
        assert client.get("/elder-mode/").status_code == 405

    def test_switch_needs_csrf_token(self, home_page):
        from django.test import Client

        strict = Client(enforce_csrf_checks=True)
        assert strict.post("/elder-mode/", {"elder": "1"}).status_code == 403


def test_every_page_has_a_labelled_site_search_box(client, home_page):
    html = client.get("/").content.decode()
    assert 'role="search"' in html and 'action="/search/"' in html
    assert '<label class="visually-hidden" for="site-search-q">搜索本站</label>' in html


def test_language_switcher_sends_an_untranslated_page_to_its_nearest_translated_ancestor(
    client, home_page, django_capture_on_commit_callbacks
):
    """The switcher once linked an untranslated page to the English home, or (before the tree
    counts were right) to English pages that 404ed; now it never leads to a 404 and says why."""
    from tests.cms.factories import make_news, make_tree
    from theme.demo import english_locale, translate_page

    tree = make_tree(home_page)
    article = make_news(tree["news"], title="党群联席会召开", slug="joint-meeting")
    locale = english_locale()
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(home_page, locale, texts={})
        english_news = translate_page(tree["news"], locale, texts={"新闻动态": "News"})
    html = client.get(article.url).content.decode()
    assert f'href="{english_news.url}?untranslated=1" lang="en" hreflang="en">English</a>' in html
    response = client.get(f"{english_news.url}?untranslated=1")
    assert response.status_code == 200
    assert "not available in this language yet" in response.content.decode()
    assert "not available in this language yet" not in client.get(english_news.url).content.decode()
    # A translated page links straight to its translation, with no notice.
    html = client.get(tree["news"].url).content.decode()
    assert f'href="{english_news.url}" lang="en" hreflang="en">English</a>' in html
