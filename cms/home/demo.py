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
    brand.save()
    ctx.objects["home"] = home
    ctx.objects["site"] = site
