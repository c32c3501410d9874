"""Open311 GeoReport v2 conformance: every operation in JSON and XML, the spec's errors, status
lists, the 90-day window with paging, api_key in the query string, per-service required fields,
tokens (issue 16, items 3-8). `test_open311_client.py` runs the `georeport` client against a live server."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils import timezone

from portal.workorders import services
from portal.workorders.models import ApiToken, WorkOrder
from tests.factories import CategoryFactory, UserFactory, submission

ROOT = "/open311/v2"


@pytest.fixture
def api_key(db, hotline_account):
    _token, raw = ApiToken.issue(hotline_account(UserFactory(username="city12345")), "12345 platform")
    return raw


@pytest.fixture
def orders(public_category, category, building):
    """An open and a closed public-area request, an open in-home one."""
    open_one = services.submit(submission(public_category, building, location="东门"), notify=False)
    closed = services.submit(submission(public_category, building, location="北门"), notify=False)
    services.resolve(services.accept(closed, notify=False), notify=False)
    in_home = services.submit(submission(category, building), notify=False)
    return open_one, closed, in_home


def xml(response):
    assert response["Content-Type"].startswith("application/xml"), response["Content-Type"]
    return ET.fromstring(response.content)  # noqa: S314 - our own response in a test


def numbers_json(response):
    assert response.status_code == 200, response.content
    return {r["service_request_id"] for r in response.json()}


def numbers_xml(response):
    assert response.status_code == 200, response.content
    root = xml(response)
    assert root.tag == "service_requests"
    return {r.findtext("service_request_id") for r in root.findall("request")}


# --- every operation in both formats ---------------------------------------------------------------


def test_discovery_in_both_formats(client, db):
    assert "text/xml" in client.get(f"{ROOT}/discovery.json").json()["endpoints"][0]["formats"]
    root = xml(client.get(f"{ROOT}/discovery.xml"))
    assert root.tag == "discovery"
    assert [f.text for f in root.find("endpoints/endpoint/formats")] == ["application/json", "text/xml"]


def test_service_list_in_both_formats(client, category, public_category):
    as_json = client.get(f"{ROOT}/services.json").json()
    root = xml(client.get(f"{ROOT}/services.xml"))
    assert root.tag == "services"
    assert {s.findtext("service_code") for s in root.findall("service")} == {s["service_code"] for s in as_json}
    assert {s.findtext("metadata") for s in root.findall("service")} == {"true"}


def test_service_definition_states_what_each_service_needs(client, category, public_category):
    public = client.get(f"{ROOT}/services/street-light.json").json()
    home = client.get(f"{ROOT}/services/water-leak.json").json()
    assert public["required_fields"] == ["lat+long|address_string|address_id"]
    assert home["required_fields"] == ["lat+long|address_string|address_id", "phone", "description"]
    assert "phone" in home["attributes"][0]["description"] or "手机" in home["attributes"][0]["description"]
    root = xml(client.get(f"{ROOT}/services/water-leak.xml"))
    assert root.tag == "service_definition" and root.findtext("service_code") == "water-leak"
    assert [f.text for f in root.find("required_fields")] == home["required_fields"]
    attribute = root.find("attributes/attribute")
    assert attribute.findtext("variable") == "false" and attribute.findtext("required") == "false"


def test_get_requests_and_one_request_in_both_formats(client, orders):
    open_one, closed, in_home = orders
    everything = {o.number for o in orders}
    assert numbers_json(client.get(f"{ROOT}/requests.json")) == everything
    assert numbers_xml(client.get(f"{ROOT}/requests.xml")) == everything
    one = client.get(f"{ROOT}/requests/{open_one.number}.xml")
    assert numbers_xml(one) == {open_one.number}
    request = xml(one).find("request")
    assert request.findtext("status") == "open" and request.findtext("address").endswith("东门")
    assert client.get(f"{ROOT}/requests/{closed.number}.json").json()[0]["status"] == "closed"
    ids = f"{open_one.number},{in_home.number}"
    assert numbers_xml(client.get(f"{ROOT}/requests.xml", {"service_request_id": ids})) == {
        open_one.number,
        in_home.number,
    }


def test_post_in_both_formats(client, public_category, api_key):
    made = client.post(
        f"{ROOT}/requests.xml", {"api_key": api_key, "service_code": "street-light", "address_string": "东门"}
    )
    assert made.status_code == 201, made.content
    number = xml(made).findtext("request/service_request_id")
    assert WorkOrder.objects.filter(number=number).exists()
    made = client.post(
        f"{ROOT}/requests.json", {"api_key": api_key, "service_code": "street-light", "lat": "36.7", "long": "119.1"}
    )
    assert made.status_code == 201 and made.json()[0]["service_request_id"].startswith("BY-")


def test_token_lookup_in_both_formats(client, orders):
    number = orders[0].number
    assert client.get(f"{ROOT}/tokens/{number}.json").json() == [{"service_request_id": number, "token": number}]
    assert xml(client.get(f"{ROOT}/tokens/{number}.xml")).findtext("request/service_request_id") == number
    missing = client.get(f"{ROOT}/tokens/NOPE.xml")
    assert missing.status_code == 404 and xml(missing).findtext("error/code") == "404"


# --- item 3: status lists ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "expected"),
    [("open", {0, 2}), ("closed", {1}), ("open,closed", {0, 1, 2}), ("OPEN", {0, 2}), ("Closed, open", {0, 1, 2})],
)
def test_status_takes_a_comma_separated_case_insensitive_list(client, orders, status, expected):
    wanted = {orders[i].number for i in expected}
    assert numbers_json(client.get(f"{ROOT}/requests.json", {"status": status})) == wanted
    assert numbers_xml(client.get(f"{ROOT}/requests.xml", {"status": status})) == wanted


# --- item 5: required fields per service ------------------------------------------------------------


def test_public_area_report_needs_no_contact_or_description(client, public_category, api_key):
    made = client.post(f"{ROOT}/requests.json", {"api_key": api_key, "service_code": "street-light", "address_id": ""})
    assert made.status_code == 400  # a location is still required
    made = client.post(
        f"{ROOT}/requests.json", {"api_key": api_key, "service_code": "street-light", "address_string": "南门路灯"}
    )
    assert made.status_code == 201, made.content
    order = WorkOrder.objects.get(number=made.json()[0]["service_request_id"])
    assert order.phone == "" and order.location == "南门路灯"


def test_in_home_repair_needs_what_its_definition_says(client, category, api_key):
    base = {"api_key": api_key, "service_code": "water-leak", "address_string": "3号楼"}
    refused = client.post(f"{ROOT}/requests.json", base)
    assert refused.status_code == 400
    assert "phone" in refused.json()[0]["description"] and "description" in refused.json()[0]["description"]
    made = client.post(f"{ROOT}/requests.json", {**base, "phone": "13812345678", "description": "厨房漏水"})
    assert made.status_code == 201, made.content


# --- item 6: api_key in the query string ----------------------------------------------------------


def test_api_key_may_come_in_the_query_string(client, public_category, api_key):
    data = {"service_code": "street-light", "address_string": "东门"}
    made = client.post(f"{ROOT}/requests.json?api_key={api_key}", data)
    assert made.status_code == 201, made.content
    refused = client.post(f"{ROOT}/requests.json?api_key=wrong", {"service_code": "street-light"})
    assert refused.status_code == 403 and refused.json()[0]["code"] == 403


# --- item 7: errors, paging and the 90-day window -------------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_unknown_paths_and_wrong_methods_answer_the_spec_error_list(client, db, fmt):
    for response, status in (
        (client.get(f"{ROOT}/nothing.{fmt}"), 404),
        (client.get(f"/open311/v3/services.{fmt}"), 404),
        (client.get(f"{ROOT}/services/nope.{fmt}"), 404),
        (client.delete(f"{ROOT}/requests.{fmt}"), 405),
        (client.post(f"{ROOT}/services.{fmt}"), 405),
        (client.get(f"{ROOT}/requests.{fmt}", {"status": "lost"}), 400),
    ):
        assert response.status_code == status
        if fmt == "json":
            body = response.json()
            assert body[0]["code"] == status and body[0]["description"]
        else:
            root = xml(response)
            assert root.tag == "errors" and root.findtext("error/code") == str(status)
            assert root.findtext("error/description")


def test_requests_are_paged_and_cover_the_whole_window(client, public_category, building):
    now = timezone.now()
    made = [
        services.submit(submission(public_category, building, submitted_at=now - timedelta(days=d)), notify=False)
        for d in range(0, 80, 4)  # 20 requests over 80 days
    ]
    first = client.get(f"{ROOT}/requests.json", {"page_size": 8})
    assert first.status_code == 200 and len(first.json()) == 8
    assert first["X-Total-Count"] == "20" and first["X-Page-Count"] == "3"
    seen = [r["service_request_id"] for r in first.json()]
    link = first["Link"]
    while link:
        url = link[link.index("<") + 1 : link.index(">")]
        page = client.get(url)
        seen += [r["service_request_id"] for r in page.json()]
        link = page.get("Link")
    assert seen == [o.number for o in made]  # newest first, none lost, none twice


def test_a_span_over_90_days_is_refused(client, orders):
    start = timezone.now() - timedelta(days=120)
    response = client.get(
        f"{ROOT}/requests.json", {"start_date": start.isoformat(), "end_date": timezone.now().isoformat()}
    )
    assert response.status_code == 400 and "90" in response.json()[0]["description"]
    ok = client.get(
        f"{ROOT}/requests.xml",
        {"start_date": (timezone.now() - timedelta(days=30)).date().isoformat(), "end_date": timezone.now()},
    )
    assert numbers_xml(ok) == {o.number for o in orders}


def test_bad_page_is_400(client, db):
    assert client.get(f"{ROOT}/requests.json", {"page": "0"}).status_code == 400
    assert client.get(f"{ROOT}/requests.json", {"page_size": "500"}).status_code == 400


def test_only_start_date_gives_the_90_days_after_it(client, public_category, building):
    now = timezone.now()
    old = services.submit(submission(public_category, building, submitted_at=now - timedelta(days=100)), notify=False)
    start = (now - timedelta(days=110)).isoformat()
    assert numbers_json(client.get(f"{ROOT}/requests.json", {"start_date": start})) == {old.number}


def test_a_kind_without_a_rule_needs_phone_and_description(client, api_key, db):
    CategoryFactory(code="parking-x", name="车位", kind="parking")
    definition = client.get(f"{ROOT}/services/parking-x.json").json()
    assert definition["required_fields"][1:] == ["phone", "description"]
