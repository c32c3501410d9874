"""Content-Security-Policy (issue 16 item 12): no inline script on the public site; the admin's
enforced policy allows only Wagtail's own inline scripts, and the strict one reports there."""

import re
from pathlib import Path

import pytest


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/requests/public/", "/open311/v2/services.json"])
def test_public_pages_forbid_inline_script(client, home_page, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]


def test_admin_enforces_all_but_inline_script_and_reports_the_strict_policy(admin_client, home_page):
    response = admin_client.get(f"/admin/pages/{home_page.pk}/edit/")
    assert response.status_code == 200
    enforced = directives(response["Content-Security-Policy"])
    assert set(enforced["script-src"]) == {"'self'", "'unsafe-inline'"}
    assert enforced["object-src"] == ["'none'"]
    assert directives(response["Content-Security-Policy-Report-Only"])["script-src"] == ["'self'", "'report-sample'"]


def test_the_sites_own_templates_carry_no_inline_script():
    """Scripts of the public site are static files: an inline <script> or on* handler would be blocked."""
    offenders = []
    for template in Path("theme/templates").rglob("*.html"):
        if "admin" in template.parts:
            continue
        text = template.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b[^>]*>", text):
            tag = match.group(0)
            if "src=" not in tag and "application/json" not in tag and "application/ld+json" not in tag:
                offenders.append(f"{template}: {tag}")
        offenders += [f"{template}: {m.group(0)}" for m in re.finditer(r"\son[a-z]+=\"", text)]
        offenders += [f"{template}: javascript: URL" for _ in re.finditer(r"href=\"javascript:", text)]
    assert offenders == []
