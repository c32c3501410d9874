"""12345 hotline orders (issue 19): entered with the hotline's ticket and deadlines in one step,
answered back, and reported per month on screen, in Excel and as JSON, with no personal data."""

import io
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from openpyxl import load_workbook

from portal.accounts.models import AuditLog
from portal.workorders import services
from portal.workorders.models import HotlineOrder, WorkOrder
from portal.workorders.permissions import ActionDenied


def hotline_submission(world, **overrides):
    data = {
        "category": world.category,
        "name": "赵大爷",
        "phone": "13911112222",
        "description": "12345转来：3号楼下水道返水。",
        "building": world.unit_a.building,
        "unit": world.unit_a.number,
        "room": "301",
        "entered_by": world.users["manager"],
    }
    data.update(overrides)
    return services.Submission(**data)


def enter(world, ticket="WF12345-0001", hours=48, **overrides):
    now = timezone.now()
    return services.enter_hotline_order(
        hotline_submission(world, **overrides),
        ticket=ticket,
        deadline=now + timedelta(hours=hours),
        reply_due=now + timedelta(days=5),
    )


def test_a_hotline_order_is_a_request_on_the_12345_channel_with_its_ticket(world):
    order = enter(world)
    assert order.channel == WorkOrder.Channel.HOTLINE and order.entered_by == world.users["manager"]
    assert order.hotline.ticket == "WF12345-0001" and order.grid == world.grid_a


def test_the_same_ticket_twice_is_refused_in_chinese_and_nothing_is_stored(world, settings):
    settings.LANGUAGE_CODE = "zh-hans"
    first = enter(world)
    before = WorkOrder.objects.count()
    with pytest.raises(ValidationError) as caught:
        enter(world, description="又一次转来")
    assert f"已登记为工单 {first.number}" in caught.value.message_dict["ticket"][0]
    assert WorkOrder.objects.count() == before and HotlineOrder.objects.count() == 1


def test_a_bad_request_stores_no_ticket_and_a_missing_ticket_no_request(world):
    before = WorkOrder.objects.count()
    with pytest.raises(ValidationError) as caught:
        enter(world, ticket="WF-2", phone="123")
    assert "phone" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        enter(world, ticket="  ")
    assert "ticket" in caught.value.message_dict
    assert WorkOrder.objects.count() == before and not HotlineOrder.objects.exists()


def test_only_staff_who_enter_requests_may_enter_a_hotline_order(world):
    with pytest.raises(ActionDenied):
        enter(world, entered_by=world.users["resident"])
    assert not HotlineOrder.objects.exists()


def test_the_reply_is_recorded_by_staff_who_work_the_request_only(world):
    order = enter(world)
    with pytest.raises(ActionDenied):
        services.reply_to_hotline(order, text="已处理", actor=world.users["steward_b"])  # another grid
    with pytest.raises(ValidationError):
        services.reply_to_hotline(order, text=" ", actor=world.users["steward_a"])
    services.reply_to_hotline(order, text="已上门疏通，居民满意。", actor=world.users["steward_a"])
    hotline = HotlineOrder.objects.get()
    assert hotline.reply == "已上门疏通，居民满意。" and hotline.replied_by == world.users["steward_a"]
    assert not hotline.reply_late()
    with pytest.raises(ValidationError):
        services.reply_to_hotline(world.order_a, text="不是12345的工单", actor=world.users["manager"])


def report_world(world):
    """Three orders this month: handled in time and answered; handled late; open past its deadline."""
    manager = world.users["manager"]
    on_time = enter(world, ticket="T-1")
    services.accept(on_time, actor=manager)
    services.assign(on_time, world.steward_a, actor=manager)
    services.start(on_time, actor=world.users["steward_a"])
    services.resolve(on_time, actor=world.users["steward_a"], note="修好了")
    services.reply_to_hotline(on_time, text="已处理完毕", actor=manager)
    late = enter(world, ticket="T-2", hours=1)
    HotlineOrder.objects.filter(work_order=late).update(deadline=timezone.now() - timedelta(hours=2))
    services.accept(late, actor=manager)
    services.assign(late, world.steward_a, actor=manager)
    services.start(late, actor=world.users["steward_a"])
    services.resolve(late, actor=world.users["steward_a"], note="晚了")
    open_order = enter(world, ticket="T-3")
    HotlineOrder.objects.filter(work_order=open_order).update(
        deadline=timezone.now() - timedelta(hours=1), reply_due=timezone.now() - timedelta(minutes=5)
    )


def test_the_monthly_report_on_screen_in_excel_and_as_json(client, world):
    report_world(world)
    client.force_login(world.users["manager"])
    month = f"{timezone.localdate():%Y-%m}"
    response = client.get("/data-centre/hotline/", {"month": month})
    html = response.content.decode()
    assert response.status_code == 200 and "T-1" in html and "T-3" in html and "<svg" in html
    data = client.get("/api/portal/stats/hotline", {"month": month}).json()
    assert data["totals"] == {
        "received": 3,
        "handled_in_time": 1,
        "past_deadline": 2,
        "replied": 1,
        "replied_in_time": 1,
        "reply_overdue": 1,
        "reply_rate": 0.333,
    }
    excel = client.get("/data-centre/hotline.xlsx", {"month": month})
    sheet = load_workbook(io.BytesIO(excel.content)).worksheets[1]
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["T-1", "T-2", "T-3"]
    assert AuditLog.objects.filter(action=AuditLog.Action.EXPORT, actor=world.users["manager"]).exists()
    # No personal data anywhere: names, phone numbers, rooms, descriptions, reply texts.
    blob = html + str(data) + str(list(sheet.iter_rows(values_only=True)))
    for personal in ("赵大爷", "13911112222", "139****2222", "下水道返水", "已处理完毕"):
        assert personal not in blob


def test_the_report_is_for_managers_and_officials_and_a_bad_month_is_a_400(client, world):
    client.force_login(world.users["steward_a"])
    assert client.get("/data-centre/hotline/").status_code == 403
    assert client.get("/api/portal/stats/hotline").status_code == 403
    client.force_login(world.users["official"])
    assert client.get("/data-centre/hotline/").status_code == 200
    response = client.get("/data-centre/hotline/", {"month": "2026-13"}, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response.status_code == 400 and "2026-03" in response.content.decode()
    assert client.get("/api/portal/stats/hotline", {"month": "x"}).status_code == 400


def test_staff_enter_a_hotline_order_in_the_admin_and_record_the_reply(client, world):
    client.force_login(world.users["manager"])
    form = {
        "channel": WorkOrder.Channel.HOTLINE,
        "category": world.category.pk,
        "name": "赵大爷",
        "phone": "13911112222",
        "building": world.unit_a.building.pk,
        "unit": world.unit_a.number,
        "room": "301",
        "description": "12345转来：下水道返水。",
        "consent": "on",
        "hotline_deadline": "2030-01-02T18:00",
        "hotline_reply_due": "2030-01-05T18:00",
    }
    refused = client.post("/admin/workorders/enter/", form, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert refused.status_code == 400 and "请填写12345工单号" in refused.content.decode()
    assert not WorkOrder.objects.filter(channel=WorkOrder.Channel.HOTLINE).exists()
    response = client.post("/admin/workorders/enter/", {**form, "hotline_ticket": "WF-778"})
    assert response.status_code == 302
    hotline = HotlineOrder.objects.get(ticket="WF-778")
    assert hotline.work_order.channel == WorkOrder.Channel.HOTLINE
    assert timezone.localtime(hotline.deadline).strftime("%Y-%m-%d %H:%M") == "2030-01-02 18:00"
    page = client.get(f"/admin/workorders/workorder/inspect/{hotline.work_order.pk}/").content.decode()
    assert "WF-778" in page and 'name="reply"' in page
    client.post(f"/admin/workorders/{hotline.work_order.pk}/hotline-reply/", {"reply": "已上门处理。"})
    hotline.refresh_from_db()
    assert hotline.reply == "已上门处理。" and hotline.replied_by == world.users["manager"]


def test_without_a_month_the_report_shows_the_last_whole_month(client, world):
    client.force_login(world.users["official"])
    last_month = timezone.localdate().replace(day=1) - timedelta(days=1)
    response = client.get("/data-centre/hotline/")
    assert response.context["month"] == f"{last_month:%Y-%m}"
    assert client.get("/api/portal/stats/hotline").json()["period"]["start"] == f"{last_month:%Y-%m}-01"


def test_the_desk_leads_a_steward_to_the_hotline_entry_with_the_channel_chosen(client, world):
    client.force_login(world.users["steward_a"])
    worklist = client.get("/steward/requests/").content.decode()
    assert 'href="/admin/workorders/enter/?channel=hotline12345"' in worklist
    entry = client.get("/admin/workorders/enter/?channel=hotline12345")
    assert entry.status_code == 200
    assert entry.context["form"]["channel"].value() == WorkOrder.Channel.HOTLINE


def test_a_ticket_recorded_a_moment_earlier_rolls_the_request_and_its_photos_back(
    world, settings, tmp_path, monkeypatch
):
    """Two members of staff enter the same 12345 ticket at once: the unique ticket refuses the second,
    whose request and photo files go with it (the duplicate check before it saw nothing yet)."""
    from portal.workorders.services import hotline as hotline_services
    from tests.factories import jpeg_with_gps

    settings.MEDIA_ROOT = tmp_path
    enter(world, ticket="WF-RACE")
    monkeypatch.setattr(hotline_services, "_clean_ticket", lambda ticket, deadline, reply_due: ticket)
    before = WorkOrder.objects.count()
    with pytest.raises(ValidationError) as caught:
        enter(world, ticket="WF-RACE", photos=[jpeg_with_gps()])
    assert "ticket" in caught.value.message_dict
    assert WorkOrder.objects.count() == before and HotlineOrder.objects.count() == 1
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
