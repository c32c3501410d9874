"""The demo's content from the customer's story is on the site and in the API."""

import pytest
from django.core.management import call_command
from django.http import HttpRequest
from wagtail.models import Locale

from cms.events.models import EventPage, EventSignup
from cms.services.models import ServicePage

pytestmark = pytest.mark.django_db


def test_demo_content_is_served(client, monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-pass-123")
    call_command("load_demo", "--scale", "0.02", "--no-progress")
    chinese = Locale.get_default()
    home = client.get("/").content.decode()
    for text in ("9480", "近期活动", "圣菲漫步公益食堂", "了解党建引领"):
        assert text in home
    party = client.get("/party-building/").content.decode()
    for honour in ("鸢都红管家 先进党组织", "齐鲁红色物业 星级服务企业", "绿色智慧住区示范项目"):
        assert honour in party
    lecture = EventPage.objects.get(slug="school-district-lecture-2022", locale=chinese)
    html = client.get(lecture.url).content.decode()
    assert "问题清单 → 服务清单 → 满意清单" in html and "一对一讲解" in html
    past = client.get("/events/?when=past&kind=owners_forum").content.decode()
    assert "业主恳谈会：供暖保障" in past
    council = EventPage.objects.get(slug="council-parking", locale=chinese)
    assert EventSignup.objects.filter(event=council, status="waiting").exists()
    canteen = ServicePage.objects.get(slug="sfmb-canteen", locale=chinese)
    assert "本周菜单" in client.get(canteen.url).content.decode()
    assert ServicePage.objects.filter(locale=chinese).values("partner").distinct().count() == 3
    for category in ("canteen", "elderly-care", "housekeeping", "family-doctor"):
        assert client.get(f"/services/{category}/").status_code == 200
    assert client.get("/news/").status_code == 200
    assert client.login(request=HttpRequest(), username="partner_canteen", password="demo-pass-123")  # axes needs one
    assert "圣菲漫步公益食堂" in client.get("/partners/dashboard/").content.decode()
