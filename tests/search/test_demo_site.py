"""Issue 6 "done means": on the demo site, 食堂, 养老, 恳谈会, 漏水维修, 養老 and shitang each find the
right page first in the site search, the portal API and the Wagtail admin's page search."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page

# query → what the first result must be: (content type, a test on its title)
RIGHT_FIRST = {
    "食堂": ("services.servicecategorypage", lambda title: title == "公益食堂"),
    "shitang": ("services.servicecategorypage", lambda title: title == "公益食堂"),
    "养老": ("services.servicecategorypage", lambda title: title == "居家养老"),
    "養老": ("services.servicecategorypage", lambda title: title == "居家养老"),
    "恳谈会": ("events.eventpage", lambda title: "恳谈会" in title),
    "漏水维修": ("cms_forms.requestformpage", lambda title: title == "报事报修"),
}


def _right(query, page):
    content_type, title_ok = RIGHT_FIRST[query]
    return f"{page.content_type.app_label}.{page.content_type.model}" == content_type and title_ok(page.title)


@pytest.mark.django_db
def test_the_demo_site_finds_the_right_page_first_on_every_surface(client, monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-pass-123")
    call_command("load_demo", "--scale", "0.02", "--no-progress")

    for query in RIGHT_FIRST:
        # The site search page.
        hits = client.get("/search/", {"q": query}).context["outcome"].hits
        assert hits and _right(query, hits[0].page), (query, [h.title for h in hits[:3]])
        # The portal API: the same first page.
        results = client.get("/api/portal/search/", {"q": query}).json()["results"]
        assert results and results[0]["id"] == hits[0].page.pk, (query, [r["title"] for r in results[:3]])

    # The Wagtail admin's page search, as an editor uses it.
    admin = get_user_model().objects.create_superuser("demo-search-admin", "a@example.com", "pw-123456789")
    client.force_login(admin)
    for query in RIGHT_FIRST:
        response = client.get("/admin/pages/search/", {"q": query})
        assert response.status_code == 200
        listed = [p if isinstance(p, Page) else p.page for p in response.context["pages"]]
        assert listed and _right(query, listed[0].specific), (query, [p.title for p in listed[:3]])
