"""Another company rebrands without code: logo, colours and footer links from the site settings show on every page."""

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.core.models import BrandSettings


def test_logo_colours_and_footer_links_show_on_the_site(client, home_page):
    brand = BrandSettings.for_site(home_page.get_site())
    brand.brand_name = "幸福里 物业之家"
    brand.primary_colour = "#1565c0"
    brand.accent_colour = "#2e7d32"
    brand.logo = Image.objects.create(title="logo", file=get_test_image_file())
    brand.footer_links = [("link", {"text": "隐私政策", "external_url": "https://example.cn/privacy"})]
    brand.save()

    html = client.get("/").content.decode()
    assert "幸福里 物业之家" in html
    assert "--color-red:#1565c0;" in html and "--color-gold:#2e7d32;" in html
    assert 'class="site-brand__logo"' in html
    assert '<a href="https://example.cn/privacy">隐私政策</a>' in html


def test_an_invalid_colour_is_refused_in_the_admin_form():
    from django.core.exceptions import ValidationError

    brand = BrandSettings(primary_colour="red; background:url(x)")
    try:
        brand.full_clean(exclude=["site", "footer_links", "logo", "booking_page"])
    except ValidationError as error:
        assert "primary_colour" in error.message_dict
    else:
        raise AssertionError("a CSS injection in the colour field was accepted")


def test_the_english_site_shows_the_english_brand_words(client, home_page, django_capture_on_commit_callbacks):
    """/en/ once showed the Chinese brand name, slogan, company and address in its header and footer."""
    from theme.demo import english_locale, translate_page

    brand = BrandSettings.for_site(home_page.get_site())
    brand.brand_name, brand.brand_name_en = "枝叶关情 潍美家园", "Beautiful Weifang Homes"
    brand.company_name, brand.company_name_en = "山东博悦物业管理有限公司", "Shandong Boyue Property"
    brand.address, brand.address_en = "圣菲漫步小区党群服务站", "Shengfei Manbu service station"
    brand.slogan = "民呼我应"  # no English given: the Chinese stays
    brand.save()
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(home_page, english_locale(), texts={})
    english = client.get("/en/").content.decode()
    for text in ("Beautiful Weifang Homes", "Shandong Boyue Property", "Shengfei Manbu service station", "民呼我应"):
        assert text in english
    assert "山东博悦物业管理有限公司" not in english and "圣菲漫步小区党群服务站" not in english
    chinese = client.get("/").content.decode()
    assert "山东博悦物业管理有限公司" in chinese and "Shandong Boyue Property" not in chinese
    brand.refresh_from_db()
    assert brand.brand_name == "枝叶关情 潍美家园"
