"""The demo's English pages are real wagtail-localize translations, kept in sync with the Chinese ones."""

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
