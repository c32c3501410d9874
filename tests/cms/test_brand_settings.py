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
