"""Demo: the site's home page for 枝叶关情 潍美家园 and the brand settings."""

from wagtail.models import Locale, Page, Site

from cms.core.models import BrandSettings
from portal.demo.registry import step

from .models import HomePage

INTRO = (
    "<p>山东博悦物业党支部坚持党建引领，在圣菲漫步小区推行“微网格”红管家服务，"
    "通过线下、线上、主动上门三重途径，把群众的美好生活向往实现在“家门口”。</p>"
)


def ensure_home_page():
    """The Chinese home page at the root of the default site; created once, then found."""
    locale = Locale.get_default()
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title="枝叶关情 潍美家园", slug="weimei-jiayuan", intro=INTRO, locale=locale, seo_title=""
            )
        )
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "枝叶关情 潍美家园"
        site.save()
        # Wagtail's placeholder "Welcome" page is replaced by the portal's home page.
        if old_root.specific_class is Page and not old_root.get_children().exists():
            old_root.delete()
    return home, site


@step(10, "home page and brand")
def load_home(ctx):
    home, site = ensure_home_page()
    brand = BrandSettings.for_site(site)
    brand.brand_name = brand.brand_name or "枝叶关情 潍美家园"
    brand.slogan = brand.slogan or "党建引领 红色物业 · 民呼我应"
    brand.hotline = brand.hotline or "0536-8888 1234"
    brand.address = brand.address or "山东省潍坊市潍城区北关街道 圣菲漫步小区党群服务站"
    brand.brand_name_en = brand.brand_name_en or "Caring Branches and Leaves · Beautiful Weifang Homes"
    brand.slogan_en = brand.slogan_en or "Party-led red property service · The people call, we respond"
    brand.company_name_en = brand.company_name_en or "Shandong Boyue Property Management Co., Ltd."
    brand.address_en = brand.address_en or (
        "Party and community service station, Shengfei Manbu, Beiguan Subdistrict, Weicheng District, Weifang, Shandong"
    )
    brand.save()
    ctx.objects["home"] = home
    ctx.objects["site"] = site


def _home_body(ctx):
    from cms.core.demo_helpers import stream
    from cms.news.models import NewsCategory
    from cms.services.models import ServiceCategoryPage

    notices = NewsCategory.objects.filter(slug="notice", locale=ctx.objects["home"].locale).first()

    canteen = ServiceCategoryPage.objects.filter(slug="canteen", locale=ctx.objects["home"].locale).first()
    party = ctx.objects.get("party_page")
    from cms.core.demo_images import demo_image

    blocks = [
        (
            "image",
            {
                "image": demo_image("buildings").pk,
                "alt_text": "圣菲漫步小区的住宅楼，阳光下窗明几净。",
                "decorative": False,
                "caption": "圣菲漫步小区 · 8个微网格、8名专职红管家",
            },
        ),
        (
            "statistics",
            {
                "heading": "民呼我应",
                "items": [
                    {"value": "90%+", "label": "物业服务满意率", "unit": ""},
                    {"value": "9480", "label": "累计报事报修", "unit": "件"},
                    {"value": "958", "label": "上半年线上报事报修", "unit": "条"},
                    {"value": "8", "label": "微网格红管家", "unit": "名"},
                ],
            },
        ),
        ("latest_news", {"heading": "新闻动态", "category": None, "count": 3}),
        ("latest_news", {"heading": "通知公告", "category": notices.pk if notices else None, "count": 3}),
        ("upcoming_events", {"heading": "近期活动", "kind": "", "count": 3}),
    ]
    if canteen is not None:
        blocks.append(("services_in_category", {"heading": "公益食堂", "category": canteen.pk, "count": 3}))
    if party is not None:
        blocks.append(
            (
                "call_to_action",
                {
                    "heading": "党建引领 红色物业",
                    "text": "鸢都红管家先进党组织 · 齐鲁红色物业星级服务企业 · 绿色智慧住区示范项目",
                    "link": {"text": "了解党建引领", "page": party.pk, "external_url": ""},
                },
            )
        )
    return stream(*blocks)


@step(290, "home page blocks and review workflows")
def load_home_body(ctx):
    from cms.core.workflows import ensure_workflows

    home, _site = ensure_home_page()
    if not home.body:
        home.body = _home_body(ctx)
        home.save_revision().publish()
    ensure_workflows()
