"""The layout every page shares: landmarks, main menu, breadcrumbs, language links, elder mode."""

from django.template.loader import render_to_string
from django.test import RequestFactory
from wagtail_factories import PageFactory


def add_child(parent, title, slug, show_in_menus=True, live=True):
    """A plain page without a revision: what a menu shows is the tree, not the page's content."""
    return PageFactory(parent=parent, title=title, slug=slug, show_in_menus=show_in_menus, live=live)


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
    """Pages are the same for every visitor (cached), so the mode is applied in the browser."""

    def test_the_switch_is_a_script_button_hidden_until_scripts_run(self, client, home_page):
        html = client.get("/").content.decode()
        assert '<html lang="zh-hans">' in html  # no per-visitor class from the server
        assert '<div class="elder-toggle" hidden>' in html
        assert 'type="button" class="switch-button" aria-pressed="false" data-elder-toggle' in html
        assert "/static/theme/js/elder.js" in html  # applies a stored choice before drawing

    def test_no_inline_script_and_no_form_on_the_page(self, client, home_page):
        html = client.get("/").content.decode()
        assert "<script>" not in html and "csrfmiddlewaretoken" not in html

    def test_the_old_cookie_changes_nothing(self, client, home_page):
        client.cookies["elder_mode"] = "1"
        assert 'class="elder"' not in client.get("/").content.decode()


def test_every_page_has_a_labelled_site_search_box(client, home_page):
    html = client.get("/").content.decode()
    assert 'role="search"' in html and 'action="/search/"' in html
    assert '<label class="visually-hidden" for="site-search-q">搜索本站</label>' in html


def test_language_switcher_sends_an_untranslated_page_to_its_nearest_translated_ancestor(
    client, home_page, django_capture_on_commit_callbacks
):
    """The switcher once linked an untranslated page to the English home, or (before the tree
    counts were right) to English pages that 404ed; now it never leads to a 404 and says why."""
    from tests.cms.factories import NewsPageFactory, make_tree
    from theme.demo import english_locale, translate_page

    tree = make_tree(home_page)
    article = NewsPageFactory(parent=tree["news"], title="党群联席会召开", slug="joint-meeting")
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
