"""The monthly 公示 page: it lives under the 数据公开 index; it shows figures, never personal data."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from cms.home.models import HomePage
from portal.stats.models import PublicReportIndexPage, PublicReportPage
from tests.factories import VisitFactory


def test_page_tree_rules(db):
    assert PublicReportPage.parent_page_types == ["stats.PublicReportIndexPage"]
    assert PublicReportPage.subpage_types == []
    assert PublicReportPage.can_create_at(PublicReportIndexPage())
    assert not PublicReportPage.can_create_at(HomePage())
    assert not PublicReportPage.can_create_at(Page())
    assert PublicReportIndexPage.parent_page_types == ["home.HomePage"]
    assert PublicReportIndexPage.can_create_at(HomePage())
    assert PublicReportIndexPage.max_count_per_parent == 1


def test_public_report_renders_figures_without_personal_data(client, world, home_page):
    VisitFactory(household=world.household_a)
    index = home_page.add_child(instance=PublicReportIndexPage(title="数据公开", slug="gongshi"))
    page = index.add_child(
        instance=PublicReportPage(title="2026年11月公示", slug="report-2026-11", year=2026, month=11)
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200 and "2026年11月公示" in html and "第1网格" in html
    for personal in ("张三丰", "13812341234", "138****1234", "李奶奶"):
        assert personal not in html
    duplicate = PublicReportPage(title="重复", slug="dup", year=2026, month=11)
    with pytest.raises(ValidationError):
        index.add_child(instance=duplicate)
    api = client.get("/api/v2/pages/", {"type": "stats.PublicReportPage", "fields": "figures"}).json()
    assert api["items"][0]["figures"]["visits"]["visited"] == 1
