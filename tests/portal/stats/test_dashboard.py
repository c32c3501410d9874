"""The data centre: dashboard, JSON, Excel and the public 公示 page."""

import io

from openpyxl import load_workbook

from portal.accounts.models import AuditLog
from tests.factories import HouseholdFactory, VisitFactory


def test_manager_sees_coverage_with_a_local_svg_chart(client, world):
    HouseholdFactory(unit=world.unit_a, room="302")
    VisitFactory(household=world.household_a)
    client.force_login(world.users["manager"])
    response = client.get("/data-centre/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in html and "第1网格" in html and "50%" in html
    assert "http://" not in html.split("<main", 1)[1] and "https://" not in html.split("<main", 1)[1]


def test_official_sees_figures_but_no_personal_data(client, world):
    client.force_login(world.users["official"])
    html = client.get("/data-centre/").content.decode()
    for personal in ("张三丰", "13812341234", "138****1234", "李奶奶", "301"):
        assert personal not in html
    assert client.get("/steward/households/").status_code == 403
    assert client.get("/steward/care/").status_code == 403


def test_bad_period_is_a_400(client, world):
    client.force_login(world.users["manager"])
    for query in ({"from": "2026-13"}, {"from": "abc"}, {"from": "2026-06", "to": "2026-01"}, {"grid": "x"}):
        assert client.get("/data-centre/", query).status_code == 400, query


def test_json_has_the_same_figures(client, world):
    VisitFactory(household=world.household_a)
    client.force_login(world.users["official"])
    data = client.get("/api/portal/stats/summary").json()
    assert data["visits"]["households"] == 2 and data["visits"]["visited"] == 1
    assert {g["grid"] for g in data["visits"]["per_grid"]} == {"第1网格", "第2网格"}
    assert client.get("/api/portal/stats/summary", {"from": "bad"}).status_code == 400
    client.force_login(world.users["steward_a"])
    assert client.get("/api/portal/stats/summary").status_code == 403
    client.logout()
    assert client.get("/api/portal/stats/summary").status_code == 401


def test_excel_download(client, world):
    VisitFactory(household=world.household_a)
    client.force_login(world.users["manager"])
    response = client.get("/data-centre/export.xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    rows = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert ("第1网格", 1, 1, 1.0) in rows
    assert AuditLog.objects.filter(action=AuditLog.Action.EXPORT).count() == 1
    client.force_login(world.users["steward_a"])
    assert client.get("/data-centre/export.xlsx").status_code == 403


def test_json_takes_a_staff_api_key_and_a_month(client, world):
    """Issue 16 item 15: the app reads the figures with a staff API key, one month at a time."""
    from portal.workorders.models import ApiToken

    _token, key = ApiToken.issue(world.users["official"], "city dashboard")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    data = client.get("/api/portal/stats/summary", {"month": "2026-03"}, **auth)
    assert data.status_code == 200, data.content
    assert data.json()["period"] == {"start": "2026-03-01", "end": "2026-03-31"}
    assert client.get("/api/portal/stats/summary", {"month": "2026-13"}, **auth).status_code == 400
    _token, steward_key = ApiToken.issue(world.users["steward_a"], "steward app")
    refused = client.get("/api/portal/stats/summary", HTTP_AUTHORIZATION=f"Bearer {steward_key}")
    assert refused.status_code == 403
    assert client.get("/api/portal/stats/summary", HTTP_AUTHORIZATION="Bearer wrong").status_code == 401
