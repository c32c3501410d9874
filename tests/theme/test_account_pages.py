"""allauth's pages use the site's layout through allauth's own layout and element templates
(theme/templates/allauth/), so pages allauth adds later inherit it (issue 15 item 4, issue 22 item 4)."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

ENTRANCE = ["/accounts/login/", "/accounts/signup/", "/accounts/password/reset/"]


def in_site_layout(html):
    return all(
        marker in html
        for marker in ('class="site-header"', 'class="site-footer"', '<main id="main-content"', 'class="skip-link"')
    )


@pytest.mark.parametrize("url", ENTRANCE)
def test_entrance_pages_in_both_languages(client, home_page, url):
    zh = client.get(url).content.decode()
    assert in_site_layout(zh) and '<html lang="zh-hans"' in zh
    assert 'class="field__label"' in zh  # labels are visible, not placeholder-only
    en = client.get(f"/en{url}").content.decode()
    assert in_site_layout(en) and '<html lang="en"' in en


def test_elder_mode_holds_on_account_pages(client, home_page):
    """Elder mode is the browser's own choice (elder.js applies it before drawing): every account page
    loads it, as every other page does."""
    assert "/static/theme/js/elder.js" in client.get("/accounts/login/").content.decode()


def test_failed_sign_in_has_the_error_summary(client, home_page):
    response = client.post("/accounts/login/", {"login": "nobody", "password": "wrong-pass"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "data-error-summary" in html and in_site_layout(html)


def test_signed_in_account_pages_have_the_account_menu(client, home_page):
    user = get_user_model().objects.create_user("resident9", "r9@example.com", "Resident-pass-2026")
    client.force_login(user)
    for url in ("/accounts/email/", "/accounts/password/change/"):
        html = client.get(url).content.decode()
        assert in_site_layout(html), url
        assert 'class="account-nav' in html and 'aria-current="page"' in html, url
