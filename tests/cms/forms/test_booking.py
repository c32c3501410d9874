"""Service booking: the directory links to the booking form with ?service=<page id>."""

import pytest
from wagtail.models import Page

from portal.workorders.models import Category, WorkOrder
from tests.cms.factories import RequestFormPageFactory, ServicePageFactory
from tests.factories import CategoryFactory

from .test_request_form import post_data


@pytest.fixture
def booking_page(home_page, db):
    category = CategoryFactory(code="housekeeping", name="家政保洁", kind=Category.Kind.SERVICE_BOOKING)
    page = RequestFormPageFactory(
        parent=home_page,
        title="服务预约",
        slug="yuyue",
        is_service_booking=True,
        allow_without_service=False,
        categories=[category],
    )
    return page, category


@pytest.fixture
def service_page(home_page):
    return ServicePageFactory(parent=home_page, title="定制保洁", slug="baojie")


def test_booking_keeps_the_chosen_service(client, booking_page, service_page, building):
    page, category = booking_page
    html = client.get(page.url, {"service": service_page.pk}).content.decode()
    assert "定制保洁" in html
    assert f'name="service" value="{service_page.pk}"' in html
    data = post_data(category, building, service=service_page.pk)
    assert client.post(page.url, data).status_code == 302
    assert WorkOrder.objects.get().service_page_id == service_page.pk


@pytest.mark.parametrize("bad", ["99999", "abc", "-1"])
def test_unknown_or_bad_service_is_refused(client, booking_page, building, bad):
    page, category = booking_page
    assert client.get(page.url, {"service": bad}).status_code == 200  # ignored on display
    response = client.post(page.url, post_data(category, building, service=bad))
    assert response.status_code == 400
    assert WorkOrder.objects.count() == 0


def test_unpublished_service_cannot_be_booked(client, booking_page, service_page, building):
    page, category = booking_page
    service_page.unpublish()
    response = client.post(page.url, post_data(category, building, service=service_page.pk))
    assert response.status_code == 400
    assert "该服务暂不能预约" in response.content.decode()


def test_booking_without_service_is_refused_when_required(client, booking_page, building):
    page, category = booking_page
    response = client.post(page.url, post_data(category, building))
    assert response.status_code == 400
    assert "请从服务目录中选择" in response.content.decode()


def test_only_service_pages_can_be_booked(client, booking_page, home_page, building):
    """Issue 16 item 14: the site root or any other live page is no bookable service."""
    page, category = booking_page
    for not_a_service in (home_page, Page.objects.get(depth=1), page):
        response = client.post(page.url, post_data(category, building, service=not_a_service.pk))
        assert response.status_code == 400
        assert "该服务暂不能预约" in response.content.decode()
    assert WorkOrder.objects.count() == 0
