"""Demo: English versions of the main pages, made the way editors make them — with wagtail-localize.

Each page gets a wagtail-localize translation into English; the English strings below are entered
as manual translations of the Chinese segments, and the English page is published from them. A
Chinese string without an English entry falls back to the Chinese text (the page still publishes,
and an editor finishes it in the admin's translation editor). Running the step again changes
nothing unless the Chinese page was published since: then the translation is synced.
"""

from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from portal.demo.registry import step

from .demo_english import DISHES, PAGES

# Chinese source text → English. Keys are the exact segment texts of the demo pages.
ENGLISH = {
    "枝叶关情 潍美家园": "Caring Branches and Leaves · Beautiful Weifang Homes",
    "山东博悦物业党支部坚持党建引领，在圣菲漫步小区推行“微网格”红管家服务，"
    "通过线下、线上、主动上门三重途径，把群众的美好生活向往实现在“家门口”。": (
        "Led by its Party branch, Shandong Boyue Property runs “micro-grid” red steward service in the "
        "Shengfei Manbu community — in person, online and by visiting residents at home — bringing a "
        "better life right to residents’ doorsteps."
    ),
    "新闻动态": "News",
    "通知公告": "Notices",
    "活动报名": "Events and sign-up",
    "社区活动": "Community events",
    "博悦大讲堂": "Boyue Lecture Hall",
    "近邻议事厅": "Neighbourhood Council",
    "业主恳谈会": "Owners’ Forum",
    "社区服务": "Community services",
    "便民服务": "Community services",
    "公益食堂": "Community canteen",
    "居家养老": "Home elderly care",
    "家政保洁": "Housekeeping and cleaning",
    "定制保洁": "Custom cleaning",
    "家庭医生": "Family doctor",
    "报事报修": "Repairs and reports",
    "我要报修": "Report a repair",
    "找红管家": "Find your red steward",
    "关于我们": "About us",
    "党建引领": "Party-led service",
    "数据公开": "Public figures",
    **PAGES,
    **DISHES,
}


def english_locale():
    locale, _created = Locale.objects.get_or_create(language_code="en")
    return locale


def site_pages(site):
    """Every page of the site's tree in the default language, parents before their children."""
    home = site.root_page.specific
    return [home, *home.get_descendants().filter(locale_id=home.locale_id).order_by("path").specific()]


@transaction.atomic
def translate_page(page, locale, texts=ENGLISH, user=None):
    """Create or sync the translation of `page` into `locale` and publish it; returns the translated page.

    The translation is published here, inside the transaction: wagtail-localize's own `publish=True`
    publishes on commit, from the page object it held when the translation was made — when a whole
    tree is translated in one transaction, that object still counts no children, and publishing it
    wrote `numchild = 0` over the English home and sections (their subpages then 404). Does nothing
    (and returns the existing translation) when the translation is up to date.
    """
    existing = page.get_translation_or_none(locale)
    source = TranslationSource.objects.get_for_instance_or_none(page)
    published_at = Page.objects.filter(pk=page.pk).values_list("last_published_at", flat=True).first()
    if existing is not None and existing.live and source is not None and published_at:
        if source.last_updated_at >= published_at:
            return existing.specific
    _save_translation(page, locale, texts, user)
    translated = page.get_translation(locale)
    translated.get_latest_revision().publish(user=user)
    return translated.specific


def _save_translation(instance, locale, texts, user=None, publish=False):
    """Create or update the wagtail-localize translation of `instance` with the English of `texts`
    (saved as a draft, or saved outright for a snippet without drafts: `publish`)."""
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        english = texts.get(segment.string.data)
        if english:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": english, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
            )
    translation.save_target(user=user, publish=publish)


def translate_snippets(locale, source_locale, texts=ENGLISH, user=None):
    """English news categories, made before the pages: an English article points at the English
    category (wagtail-localize requires the translation of a translatable snippet it refers to)."""
    from cms.news.models import NewsCategory

    for category in NewsCategory.objects.filter(locale=source_locale):
        if category.get_translation_or_none(locale) is None:
            _save_translation(category, locale, texts, user, publish=True)


def ensure_main_menu(home):
    """Tick "show in menus" on the home page's sections, unless an editor already chose some.

    A section whose type is in the menu from its creation (`show_in_menus_default`, the 数据公开
    index) is no editor's choice, so it does not stop the others from being ticked.
    """
    sections = home.get_children().live().specific()
    if any(section.show_in_menus and not section.show_in_menus_default for section in sections):
        return
    for section in sections:
        if not section.show_in_menus:
            section.show_in_menus = True
            section.save_revision().publish()


def _report_texts(site):
    """The 数据公开 index's and the monthly 公示 pages' titles and introductions in English (they come
    from the stats app's catalog)."""
    from django.utils import translation

    from portal.stats.models import PublicReportPage
    from portal.stats.publicity import index_intro, index_title, report_intro, report_title

    def bare(html):
        return html.removeprefix("<p>").removesuffix("</p>")

    with translation.override(site.root_page.locale.language_code):
        chinese = (index_title(), bare(index_intro()))
    with translation.override("en"):
        texts = dict(zip(chinese, (index_title(), bare(index_intro())), strict=True))
    for report in PublicReportPage.objects.filter(locale_id=site.root_page.locale_id).only("title", "year", "month"):
        with translation.override(site.root_page.locale.language_code):
            chinese = report_intro(report.year, report.month)
        with translation.override("en"):
            texts[report.title] = report_title(report.year, report.month)
            english = report_intro(report.year, report.month)
        texts[bare(chinese)] = bare(english)
    return texts


@step(890, "main menu of the home page")
def load_main_menu(ctx):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        ensure_main_menu(site.root_page)


@step(900, "English translations of the main pages")
def load_translations(ctx):
    locale = english_locale()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return
    texts = {**ENGLISH, **_report_texts(site)}
    translate_snippets(locale, site.root_page.locale, texts=texts, user=ctx.admin)
    for page in site_pages(site):
        if page.live:
            translate_page(page, locale, texts=texts, user=ctx.admin)
    ctx.objects["english_home"] = site.root_page.get_translation_or_none(locale)
