"""Resident-written text reaches public outputs only scrubbed (issue 16, item 1)."""

import pytest

from portal.workorders import services
from portal.workorders.models import ApiToken
from tests.factories import UserFactory, submission

PERSONAL = ("502", "13812345678", "138-1234-5678", "鲁G12345", "li@example.com")


@pytest.fixture
def leaky(public_category, building):
    return services.submit(
        submission(
            public_category,
            building,
            unit=None,
            room="",
            location="3号楼 502室门口",
            description="路灯不亮，电话13812345678，车牌鲁G12345的车挡着，邮件li@example.com",
        ),
        notify=False,
    )


def test_open311_post_then_anonymous_reads_show_no_room_or_phone(
    client, public_category, building, steward, hotline_account
):
    _token, key = ApiToken.issue(hotline_account(UserFactory(username="city")), "12345")
    created = client.post(
        "/open311/v2/requests.json",
        {
            "api_key": key,
            "service_code": "street-light",
            "address_string": "3号楼 502室",
            "phone": "13900001111",
            "description": "路灯坏了 请回电 138-1234-5678",
            "lat": "36.7",
            "long": "119.1",
        },
    )
    assert created.status_code == 201, created.content
    number = created.json()[0]["service_request_id"]
    for url in (f"/open311/v2/requests/{number}.json", "/open311/v2/requests.json"):
        body = client.get(url).content.decode()
        assert number in body
        assert "路灯坏了" in body and "3号楼" in body
        for personal in PERSONAL:
            assert personal not in body, (url, personal)


def test_public_request_list_shows_the_place_without_the_room(client, home_page, leaky):
    html = client.get("/requests/public/").content.decode()
    assert leaky.number in html and "3号楼" in html
    for personal in PERSONAL:
        assert personal not in html


def test_open311_description_of_a_public_request_is_scrubbed(client, leaky):
    record = client.get(f"/open311/v2/requests/{leaky.number}.json").json()[0]
    assert record["description"].startswith("路灯不亮")
    for personal in PERSONAL:
        assert personal not in str(record)
