"""English pages say everything in English (issue 15, item 10 leftovers): the picture at the top of
a page is described in the page's language, and the monthly 公示 is reachable from the main menu in
both languages. Translations are made the way editors make them, with wagtail-localize."""

import re

import pytest
from django.utils import timezone

from cms.core.demo_images import PICTURES, listing_picture
from theme.demo import ENGLISH, english_locale, ensure_main_menu, translate_page, translate_snippets

pytestmark = pytest.mark.django_db


def img_alts(html):
    return re.findall(r'<img [^>]*alt="([^"]*)"', html)


@pytest.fixture
def news(home_page):
    from cms.news.models import NewsCategory
    from tests.cms.factories import NewsIndexPageFactory, NewsPageFactory

    index = NewsIndexPageFactory(parent=home_page, title="新闻动态", slug="news")
    category = NewsCategory.objects.create(name="社区通知", slug="notices")
    article = NewsPageFactory(
        parent=index,
        title="3号楼水管检修完成",
        slug="pipe-fixed",
        date=timezone.localdate(),
        category=category,
        listing_summary="3号楼的水管已检修完毕。",
        **listing_picture("repair"),
    )
    return home_page, index, article


def test_page_picture_is_described_in_the_pages_language(client, news):
    home, index, article = news
    chinese_alt, english_alt = PICTURES["repair"][1], ENGLISH[PICTURES["repair"][1]]
    texts = {**ENGLISH, "3号楼水管检修完成": "Pipes of building 3 repaired", "3号楼的水管已检修完毕。": "Done."}
    locale = english_locale()
    translate_snippets(locale, home.locale, texts=texts)
    for page in (home, index, article):
        english = translate_page(page, locale, texts=texts)

    zh_html = client.get(article.url).content.decode()
    assert chinese_alt in img_alts(zh_html)
    assert "社区通知" in zh_html

    en_html = client.get(english.url).content.decode()
    assert english_alt in img_alts(en_html)
    assert not any(re.search(r"[\u4e00-\u9fff]", alt) for alt in img_alts(en_html))
    # The news category is a translatable snippet: the English article names the English category.
    assert "Community notices" in en_html and "社区通知" not in en_html
    en_index = client.get(index.get_translation(locale).url).content.decode()
    assert "Community notices" in en_index and "社区通知" not in en_index


def test_page_picture_falls_back_to_the_images_description(client, news):
    _home, _index, article = news
    article.listing_image_alt = ""
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert article.listing_image.description in img_alts(html)


def menu_links(html):
    header = re.search(r"<nav[^>]*(?:main|primary)[^>]*>(.*?)</nav>", html, re.S)
    assert header, "the page has a main menu"
    links = re.findall(r'<a [^>]*href="([^"]+)"[^>]*>([^<]+)</a>', header[1])
    return {text.strip(): href for href, text in links}


def test_monthly_publicity_is_in_the_main_menu_in_both_languages(client, home_page):
    from portal.stats.publicity import draft_monthly_report
    from tests.cms.factories import EventIndexPageFactory

    EventIndexPageFactory(parent=home_page, title="活动报名", slug="events")
    today = timezone.localdate()
    year, month = (today.year - (today.month == 1), (today.month - 2) % 12 + 1)
    report, _created = draft_monthly_report(year, month, submit=False)
    report.get_latest_revision().publish()
    ensure_main_menu(home_page)  # the demo's menu step
    index = report.get_parent().specific

    from wagtail.models import Site

    from theme.demo import _report_texts

    locale = english_locale()
    texts = {**ENGLISH, **_report_texts(Site.objects.get(is_default_site=True))}
    for page in (home_page, *home_page.get_children().specific(), report):
        translate_page(page, locale, texts=texts)

    zh_menu = menu_links(client.get("/").content.decode())
    assert zh_menu.get("数据公开") == index.url
    assert zh_menu.get("活动报名")  # the editors' sections are still ticked

    en_menu = menu_links(client.get("/en/").content.decode())
    en_index = index.get_translation(locale)
    assert en_menu.get("Public figures") == en_index.url == "/en/gongshi/"

    listing = client.get(en_index.url)
    assert listing.status_code == 200
    html = listing.content.decode()
    english_report = report.get_translation(locale)
    assert english_report.title in html and english_report.url in html
    assert "service report" in english_report.title
    assert client.get(english_report.url).status_code == 200


HAN = re.compile(r"[\u4e00-\u9fff]")


def test_choice_labels_residents_read_are_english_on_english_pages():
    """Kinds of events, stewards and requests are labelled "English (中文)" in the source, for the
    editors; English pages show the English alone, Chinese pages the Chinese."""
    from django.utils import translation
    from django.utils.translation import gettext

    from cms.core.event_kinds import EventKind
    from portal.grids.models import Steward
    from portal.workorders.models import Category

    choices = [*EventKind.choices, *Steward.Kind.choices, *Category.Kind.choices]
    with translation.override("en"):
        english = [str(label) for _value, label in choices] + [
            gettext("My requests (我的报事)"),
            gettext("Me too (我也遇到了)"),
        ]
    with translation.override("zh-hans"):
        chinese = [str(label) for _value, label in choices]
    assert [label for label in english if HAN.search(label)] == []
    assert "Lecture" in english and "In-home repair" in english and "My requests" in english
    assert all(HAN.search(label) for label in chinese)


def test_request_categories_are_named_in_english_on_the_english_form(client, home_page):
    from tests.cms.factories import RequestFormPageFactory
    from tests.factories import BuildingFactory, CategoryFactory

    CategoryFactory(code="water-leak", name="水管漏水", name_en="Leaking water pipe")
    CategoryFactory(code="wall-crack", name="墙面裂缝")  # no English name yet: the Chinese one shows
    BuildingFactory()
    form_page = RequestFormPageFactory(parent=home_page, title="报事报修", slug="baoshi")
    locale = english_locale()
    translate_page(home_page, locale, texts=ENGLISH)
    english = translate_page(form_page, locale, texts=ENGLISH)

    zh_html = client.get(form_page.url).content.decode()
    assert "水管漏水" in zh_html and "Leaking water pipe" not in zh_html
    en_html = client.get(english.url).content.decode()
    assert "Leaking water pipe" in en_html and "水管漏水" not in en_html
    assert "墙面裂缝" in en_html
