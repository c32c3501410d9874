"""The service directory: structured hours and open-now, menu, booking link, poster, API, query counts."""

from datetime import datetime, time

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.core.models import BrandSettings
from cms.services.models import ServicePage
from tests.cms.factories import ServicePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

MENU = [("day", {"weekday": "0", "lunch": ["红烧肉", "米饭"], "dinner": [], "price": "老人 ¥8"})]


def at(weekday, hour):
    """A local moment on the given weekday (0 = Monday) of a fixed week."""
    return timezone.make_aware(datetime(2026, 11, 23 + weekday, hour, 30))


def test_open_now_follows_the_structured_hours(tree):
    service = ServicePageFactory(parent=tree["canteen"], hours=[(0, time(11), time(13)), (2, time(8), time(17))])
    assert service.is_open_at(at(0, 11))
    assert not service.is_open_at(at(0, 13))
    assert not service.is_open_at(at(1, 11))
    assert service.is_open_at(at(2, 16))


def test_service_page_shows_menu_hours_and_poster(client, tree):
    service = ServicePageFactory(
        parent=tree["canteen"],
        weekly_menu=MENU,
        contact_phone="0536-1234567",
        prices=[("price", {"item": "老人午餐", "price": "8元", "note": ""})],
        hours=[(0, time(11), time(13))],
    )
    html = client.get(service.url).content.decode()
    for text in ("本周菜单", "星期一", "红烧肉", "老人 ¥8", "8元", "11:00–13:00", "0536-1234567"):
        assert text in html
    poster = client.get(service.url + "poster/")
    assert poster.status_code == 200
    body = poster.content.decode()
    assert "<svg" in body and service.title in body
    assert service.get_full_url() in body


def test_booking_link_appears_only_when_a_live_booking_form_is_set(client, tree, home_page):
    service = ServicePageFactory(parent=tree["canteen"])
    assert "预约/咨询" not in client.get(service.url).content.decode()

    form_page = StandardPageFactory(parent=home_page, title="服务预约", slug="booking")
    brand = BrandSettings.for_site(home_page.get_site())
    brand.booking_page = form_page
    brand.save()
    html = client.get(service.url).content.decode()
    assert "预约/咨询" in html
    assert f"/booking/?service={service.pk}" in html


def test_api_exposes_hours_open_now_category_and_menu(client, tree):
    ServicePageFactory(parent=tree["canteen"], weekly_menu=MENU, hours=[(3, time(9), time(10))])
    data = client.get("/api/v2/pages/?type=services.ServicePage&fields=*").json()
    [item] = data["items"]
    assert item["category"] == {"id": tree["canteen"].pk, "title": "公益食堂"}
    assert item["opening_hours"][0]["weekday"] == 3
    assert item["opening_hours"][0]["opens"] == "09:00:00"
    assert isinstance(item["open_now"], bool)
    assert item["weekly_menu"][0]["value"]["lunch"] == ["红烧肉", "米饭"]


def test_category_listing_query_count_does_not_grow_per_service(client, tree):
    ServicePageFactory(parent=tree["canteen"], title="服务1", hours=[(0, time(8), time(9))])
    client.get(tree["canteen"].url)
    caches["pages"].clear()  # measure a render, not a page-cache hit
    with CaptureQueriesContext(connection) as one:
        assert client.get(tree["canteen"].url).status_code == 200
    for n in range(2, 6):
        ServicePageFactory(parent=tree["canteen"], title=f"服务{n}", hours=[(0, time(8), time(9))])
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as five:
        assert client.get(tree["canteen"].url).status_code == 200
    assert len(five) == len(one)
    assert ServicePage.objects.count() == 5


def test_unpublished_services_are_not_listed(client, tree):
    service = ServicePageFactory(parent=tree["canteen"], title="草稿服务")
    service.unpublish()
    assert "草稿服务" not in client.get(tree["canteen"].url).content.decode()
