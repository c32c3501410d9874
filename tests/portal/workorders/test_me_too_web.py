"""Neighbours find open public-area requests on the site and add "me too" (no JavaScript needed)."""

import pytest

from portal.workorders import services
from portal.workorders.models import MeToo
from tests.factories import BuildingFactory, CommunityFactory, submission

URL = "/requests/public/"


@pytest.fixture
def street_light(public_category, building):
    return services.submit(
        submission(
            public_category,
            building,
            name="李阿姨",
            phone="13800001234",
            room="301",
            location="3号楼东侧路灯",
            description="路灯坏了，我家301门口很黑，电话13800001234",
        ),
        notify=False,
    )


def me_too_url(order):
    return f"/requests/public/{order.number}/me-too/"


def test_neighbour_sees_open_public_area_requests_without_personal_data(
    client, home_page, street_light, category, building
):
    in_home = services.submit(submission(category, building), notify=False)
    closed = services.submit(submission(street_light.category, building, location="车库入口"), notify=False)
    services.reject(closed, note="重复", notify=False)

    page = client.get(URL)
    html = page.content.decode()
    assert page.status_code == 200
    assert page["Cache-Control"].startswith("private")
    assert street_light.number in html and "3号楼东侧路灯" in html and "路灯不亮" in html
    assert "我也遇到了" in html and "csrfmiddlewaretoken" in html
    # Not the requester's name, phone, room or description; not in-home or closed requests.
    for private in ("李阿姨", "13800001234", "138****1234", "301", "门口很黑", street_light.lookup_token):
        assert private not in html
    assert in_home.number not in html and closed.number not in html
    # The list of requests is not mistaken for a breadcrumb trail (it once showed "› › ›" with empty links).
    assert '<span aria-current="page"></span>' not in html


def test_neighbour_adds_me_too_once_and_sees_the_count(client, home_page, street_light, building):
    response = client.post(me_too_url(street_light), {"phone": "139 0000 2222", "building": building.pk})
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?building={building.pk}#request-{street_light.pk}"
    page = client.get(response["Location"])
    html = page.content.decode()
    assert "1 位邻居也遇到了同样的问题" in html and "谢谢" in html

    again = client.post(me_too_url(street_light), {"phone": "13900002222"}, follow=True)
    assert "您已经对报事" in again.content.decode()
    assert MeToo.objects.filter(work_order=street_light).count() == 1


@pytest.mark.parametrize(
    ("phone", "status", "message"),
    [
        ("", 400, "请输入手机号码后再点"),
        ("12345", 400, "手机号码"),
        ("13800001234", 409, "这是您自己提交的"),
    ],
)
def test_bad_me_too_is_a_clear_message_and_nothing_saved(client, home_page, street_light, phone, status, message):
    response = client.post(me_too_url(street_light), {"phone": phone})
    assert response.status_code == status
    assert message in response.content.decode()
    assert MeToo.objects.count() == 0


def test_only_open_public_area_requests_take_me_too(client, home_page, street_light, category, building):
    in_home = services.submit(submission(category, building), notify=False)
    response = client.post(me_too_url(in_home), {"phone": "13900002222"})
    assert response.status_code == 409 and "公共区域" in response.content.decode()
    services.reject(street_light, note="已处理", notify=False)
    response = client.post(me_too_url(street_light), {"phone": "13900002222"})
    assert response.status_code == 409
    assert client.post("/requests/public/BY-19990101-0001/me-too/", {"phone": "13900002222"}).status_code == 404
    assert client.get(me_too_url(street_light)).status_code == 405
    assert MeToo.objects.count() == 0


def test_me_too_needs_the_csrf_token(home_page, street_light):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(me_too_url(street_light), {"phone": "13900002222"}).status_code == 403
    assert MeToo.objects.count() == 0


def test_me_too_is_rate_limited(client, home_page, street_light, settings):
    settings.WORKORDER_RATE_LIMITS = {"me_too_per_hour": 2}
    for n in range(2):
        assert client.post(me_too_url(street_light), {"phone": f"1390000222{n}"}).status_code == 302
    response = client.post(me_too_url(street_light), {"phone": "13900002229"})
    assert response.status_code == 429 and "请稍等" in response.content.decode()
    assert MeToo.objects.count() == 2


def test_filter_by_community_and_building(client, home_page, street_light, public_category):
    other_community = CommunityFactory(name="阳光花园", slug="yangguang")
    elsewhere = services.submit(
        submission(public_category, BuildingFactory(community=other_community), location="西门电梯"), notify=False
    )
    mine = client.get(URL, {"community": street_light.building.community.pk}).content.decode()
    assert street_light.number in mine and elsewhere.number not in mine
    theirs = client.get(URL, {"building": elsewhere.building.pk}).content.decode()
    assert elsewhere.number in theirs and street_light.number not in theirs
    bad = client.get(URL, {"building": "abc"})
    assert bad.status_code == 400 and street_light.number not in bad.content.decode()
