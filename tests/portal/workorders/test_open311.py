"""The Open311 GeoReport v2 facade: a city system files a request and reads it back without personal data."""

import pytest

from portal.workorders import services
from portal.workorders.models import ApiToken, WorkOrder
from tests.factories import UserFactory, submission


@pytest.fixture
def api_key(db, hotline_account):
    _token, raw = ApiToken.issue(hotline_account(UserFactory(username="city12345")), "12345 platform")
    return raw


def test_discovery_and_services(client, category, public_category):
    discovery = client.get("/open311/v2/discovery.json").json()
    assert discovery["endpoints"][0]["formats"] == ["application/json", "text/xml"]
    services_json = client.get("/open311/v2/services.json").json()
    assert {s["service_code"] for s in services_json} == {"water-leak", "street-light"}
    assert all(isinstance(s["service_code"], str) for s in services_json)
    definition = client.get("/open311/v2/services/street-light.json").json()
    assert definition["service_code"] == "street-light"
    assert definition["required_fields"] == ["lat+long|address_string|address_id"]
    missing = client.get("/open311/v2/services/nope.json")
    assert missing.status_code == 404
    assert missing.json() == [{"code": 404, "description": "未知的 service_code。"}]


def test_city_system_files_and_reads_a_request(client, public_category, building, steward, api_key):
    response = client.post(
        "/open311/v2/requests.json",
        {
            "api_key": api_key,
            "service_code": "street-light",
            "address_id": str(building.pk),
            "address_string": "东门路灯",
            "lat": "36.708",
            "long": "119.101",
            "first_name": "建国",
            "last_name": "张",
            "phone": "13812345678",
            "description": "东门路灯不亮三天了",
        },
    )
    assert response.status_code == 201, response.content
    created = response.json()
    number = created[0]["service_request_id"]
    assert isinstance(number, str) and number.startswith("BY-")
    order = WorkOrder.objects.get(number=number)
    assert order.channel == "hotline12345" and order.name == "张 建国"

    one = client.get(f"/open311/v2/requests/{number}.json").json()
    assert len(one) == 1
    record = one[0]
    assert record["status"] == "open"
    assert record["requested_datetime"].endswith("+08:00")
    assert record["description"] == "东门路灯不亮三天了"
    text = str(record)
    assert "13812345678" not in text and "张" not in text and "建国" not in text

    services.resolve(services.accept(order, notify=False), notify=False)
    listing = client.get("/open311/v2/requests.json", {"status": "closed"}).json()
    assert [r["service_request_id"] for r in listing] == [number]


def test_public_reads_hide_in_home_details(client, category, building):
    order = services.submit(submission(category, building, description="李阿姨家厨房漏水"), notify=False)
    record = client.get(f"/open311/v2/requests/{order.number}.json").json()[0]
    assert record["description"] == ""
    assert "301" not in record["address"] and "13800001234" not in str(record)


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({}, 403),
        ({"api_key": "wrong"}, 403),
        ({"service_code": "nope"}, 404),
        ({"service_code": "street-light", "lat": "north"}, 400),
        ({"service_code": "street-light", "description": "灯坏了"}, 400),  # no location
        ({"service_code": "street-light", "address_string": "东门", "phone": "12", "description": "灯坏了"}, 400),
    ],
)
def test_bad_posts_answer_a_list_of_errors(client, public_category, api_key, data, status):
    if data and data.get("api_key") != "wrong":
        data = {"api_key": api_key, **data}
    response = client.post("/open311/v2/requests.json", data)
    assert response.status_code == status
    body = response.json()
    assert isinstance(body, list) and body[0]["code"] == status and body[0]["description"]
    assert WorkOrder.objects.count() == 0


def test_bad_query_is_400(client, db):
    assert client.get("/open311/v2/requests.json", {"status": "lost"}).status_code == 400
    assert client.get("/open311/v2/requests.json", {"start_date": "yesterday"}).status_code == 400
    assert client.get("/open311/v2/requests/BY-0.json").status_code == 404
