"""The demo's English pages are real wagtail-localize translations, kept in sync with the Chinese ones."""

import re

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation

from portal.demo.registry import DemoContext
from theme.demo import ENGLISH, english_locale, load_translations, translate_page


def test_home_page_gets_a_published_english_translation(
    client, home_page, django_user_model, django_capture_on_commit_callbacks
):
    admin = django_user_model.objects.create_superuser("admin", "a@example.com", "pw-123456789")
    with django_capture_on_commit_callbacks(execute=True):
        load_translations(DemoContext(admin=admin))
    english = home_page.get_translation(Locale.objects.get(language_code="en")).specific
    assert english.live
    assert english.title == ENGLISH["枝叶关情 潍美家园"]
    assert "micro-grid" in english.intro
    assert Translation.objects.filter(source__object_id=home_page.translation_key, target_locale__language_code="en")
    html = client.get("/en/").content.decode()
    assert '<html lang="en">' in html
    assert "Beautiful Weifang Homes" in html and "red steward" in html
    # The Chinese page is unchanged and both link to each other.
    zh = client.get("/").content.decode()
    assert "微网格" in zh
    assert '<link rel="alternate" hreflang="en" href="/en/">' in zh


def test_running_again_changes_nothing(home_page, django_capture_on_commit_callbacks):
    locale = english_locale()
    with django_capture_on_commit_callbacks(execute=True):
        first = translate_page(home_page, locale)
    revisions = first.revisions.count()
    with django_capture_on_commit_callbacks(execute=True):
        again = translate_page(home_page, locale)
    assert again.pk == first.pk
    assert again.revisions.count() == revisions


def test_changes_to_the_chinese_page_are_synced(home_page, django_capture_on_commit_callbacks):
    locale = english_locale()
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(home_page, locale)
    home_page.intro = "<p>新的欢迎词</p>"
    home_page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(home_page, locale, texts={**ENGLISH, "新的欢迎词": "A new welcome"})
    english = home_page.get_translation(locale).specific
    assert english.live
    assert "A new welcome" in english.intro


def test_untranslated_text_falls_back_to_chinese(home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(home_page, english_locale(), texts={})
    english = home_page.get_translation(english_locale()).specific
    assert english.live
    assert english.title == home_page.title


def test_main_menu_step_ticks_sections_once(home_page):
    from tests.cms.factories import make_tree
    from theme.demo import ensure_main_menu

    tree = make_tree(home_page)
    ensure_main_menu(home_page)
    assert all(p.show_in_menus for p in home_page.get_children().specific())
    # An editor takes one out of the menu: the demo leaves that choice alone.
    news = tree["news"].specific
    news.refresh_from_db()
    news.show_in_menus = False
    news.save_revision().publish()
    revisions = news.revisions.count()
    ensure_main_menu(home_page)
    news.refresh_from_db()
    assert news.show_in_menus is False and news.revisions.count() == revisions


def test_sections_in_the_menu_are_translated_too(home_page, django_capture_on_commit_callbacks):
    from tests.cms.factories import make_tree
    from theme.demo import ensure_main_menu, site_pages

    make_tree(home_page)
    ensure_main_menu(home_page)
    site = home_page.get_site()
    titles = [p.title for p in site_pages(site)]
    assert titles[0] == home_page.title and "活动报名" in titles and "公益食堂" in titles
    with django_capture_on_commit_callbacks(execute=True):
        load_translations(DemoContext())
    english = english_locale()
    assert all(p.get_translation_or_none(english) for p in site_pages(site))


@pytest.mark.django_db
def test_every_page_of_the_demo_tree_is_served_in_english(client, monkeypatch):
    """The demo once left the English home and sections counting no children: /en/news/ etc. 404ed."""
    from django.core.management import call_command
    from wagtail.models import Page

    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-pass-123")
    call_command("load_demo", "--scale", "0.02", "--no-progress")
    english = english_locale()
    chinese = Locale.get_default()
    sources = Page.objects.filter(locale=chinese, depth__gt=1).live()
    pages = Page.objects.filter(locale=english).live().specific()
    assert pages.count() == sources.count() > 20
    for page in pages:
        assert page.numchild == page.get_children().count() == Page.objects.child_of(page).count(), page.url_path
        url = page.get_url()
        assert url.startswith("/en/"), url
        response = client.get(url)
        assert response.status_code == 200, url
        source = page.get_translation(chinese)
        if source.title != page.title or page.depth == 2:
            assert page.title in response.content.decode(), url
    for path in ("/en/news/", "/en/events/", "/en/services/", "/en/baoshi/", "/en/services/canteen/sfmb-canteen/"):
        assert client.get(path).status_code == 200, path
    news = client.get("/en/news/").content.decode()
    assert "958 online requests handled in the first half-year" in news
    # The home page: news, notices and upcoming events, each in the visitor's language (item 12).
    home = client.get("/").content.decode()
    latest = ("物业服务向公益食堂、居家养老延伸", "博悦大讲堂：居家养老与家庭医生签约")
    for text in ("新闻动态", "通知公告", "近期活动", *latest):
        assert text in home
    assert "/en/" not in home.split("<main", 1)[1]
    english_home = client.get("/en/").content.decode()
    for text in ("News", "Notices", "Upcoming events", "Boyue Lecture Hall: home elderly care and family doctors"):
        assert text in english_home
    assert "Caring Branches and Leaves" in english_home and "Shandong Boyue Property Management" in english_home
    main = english_home.split("<main", 1)[1]
    assert 'href="/events/' not in main and 'href="/news/' not in main
    # Pictures drawn on the machine, stored as Wagtail images, shown with alt text (item 11).
    pictured = ["/", "/en/", "/news/", "/events/", "/services/canteen/"]
    pictured += ["/news/elderly-visits/", "/events/lecture-elderly-care/", "/services/canteen/sfmb-canteen/"]
    pictured += ["/en/news/elderly-visits/", "/en/services/canteen/sfmb-canteen/"]
    for path in pictured:
        html = client.get(path).content.decode()
        images = re.findall(r"<img\b[^>]*>", html)
        assert images, path
        assert all(re.search(r'\salt="[^"]*"', img) for img in images), path
        assert all("/media/images/" in img for img in images), path
    article = client.get("/news/elderly-visits/").content.decode()
    assert 'alt="护理员上门，握着老人的手聊天。"' in article and "srcset=" in article
    assert 'alt="Homes of the Shengfei Manbu community in the sunshine."' in english_home
    # The 预约/咨询 button of a service listing leads to the booking form, in both languages.
    canteen = client.get("/services/canteen/sfmb-canteen/").content.decode()
    assert 'href="/fuwu-yuyue/?service=' in canteen
    english_canteen = client.get("/en/services/canteen/sfmb-canteen/").content.decode()
    assert 'href="/en/fuwu-yuyue/?service=' in english_canteen
    service = canteen.split('href="/fuwu-yuyue/?service=', 1)[1].split('"', 1)[0]
    booking = client.get(f"/fuwu-yuyue/?service={service}")
    assert booking.status_code == 200 and "圣菲漫步公益食堂" in booking.content.decode()
