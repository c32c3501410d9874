"""The care pages as a steward on a phone and a manager see them: scope, audit, Chinese messages, 400s."""

import datetime

import pytest
from django.utils import timezone

from portal.accounts.models import AuditLog
from portal.care.models import Campaign, CampaignVisit, FamilyContact, Handoff
from portal.workorders.models import WorkOrder
from tests.factories import CareRecipientFactory


def _campaign(world):
    return Campaign.objects.create(
        name="2026年中秋 送月饼",
        festival="mid_autumn",
        gift="月饼",
        starts_on=timezone.localdate() - datetime.timedelta(days=5),
        ends_on=timezone.localdate() + datetime.timedelta(days=5),
        created_by=world.users["manager"],
    )


def test_elder_page_logs_a_family_contact_in_one_post(client, world):
    client.force_login(world.users["steward_a"])
    page = client.get(f"/steward/care/{world.care_a.pk}/family/")
    html = page.content.decode()
    assert page.status_code == 200 and "记录家属联系" in html and "居家养老上门服务" in html
    assert "公益食堂" not in html  # only elderly-care and family-doctor listings are offered
    response = client.post(
        f"/steward/care/{world.care_a.pk}/family/contact/",
        {"means": "wechat", "person": "女儿 李女士", "contacted_on": timezone.localdate(), "summary": "老人身体不错"},
    )
    assert response.status_code == 302
    contact = FamilyContact.objects.get()
    assert (contact.means, contact.person) == ("wechat", "女儿 李女士")
    html = client.get(response["Location"]).content.decode()
    assert "家属联系已保存" in html and "老人身体不错" in html and "微信" in html
    assert AuditLog.objects.filter(action=AuditLog.Action.ROSTER_VIEW, object_id=str(world.care_a.pk)).exists()


def test_bad_family_contact_is_400_in_chinese_and_saves_nothing(client, world):
    client.force_login(world.users["steward_a"])
    future = timezone.localdate() + datetime.timedelta(days=2)
    response = client.post(
        f"/steward/care/{world.care_a.pk}/family/contact/",
        {"means": "phone", "person": "儿子", "contacted_on": future, "summary": "已通话"},
    )
    assert response.status_code == 400
    assert "日期不能晚于今天" in response.content.decode()
    response = client.post(f"/steward/care/{world.care_a.pk}/family/contact/", {"means": "phone"})
    assert response.status_code == 400 and "必需字段" in response.content.decode()
    assert not FamilyContact.objects.exists()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/steward/care/{pk}/family/"),
        ("post", "/steward/care/{pk}/family/contact/"),
        ("post", "/steward/care/{pk}/family/handoff/"),
    ],
)
def test_another_grids_steward_finds_nothing(client, world, method, path):
    client.force_login(world.users["steward_b"])
    response = getattr(client, method)(
        path.format(pk=world.care_a.pk), {"means": "phone", "person": "儿子", "summary": "x" * 5}
    )
    assert response.status_code == 404 and "李奶奶" not in response.content.decode()
    assert not FamilyContact.objects.exists() and not Handoff.objects.exists()


def test_general_steward_and_resident_are_refused(client, world):
    for role in ("general", "resident", "secretary"):
        if role in world.users:
            client.force_login(world.users[role])
            assert client.get("/steward/care/family/").status_code == 403


def test_family_calls_list_overdue_first_and_only_own_grid(client, world):
    CareRecipientFactory(household=world.household_b, name="赵奶奶")
    recent = CareRecipientFactory(household=world.household_a, name="王爷爷")
    FamilyContact.objects.create(
        recipient=recent, person="儿子", summary="好", contacted_on=timezone.localdate(), entered_by=None
    )
    world.care_a.consent_given_at = timezone.now() - datetime.timedelta(days=30)
    world.care_a.save()
    client.force_login(world.users["steward_a"])
    html = client.get("/steward/care/family/").content.decode()
    assert "赵奶奶" not in html
    assert html.index("李奶奶") < html.index("王爷爷") and "联系已逾期" in html
    assert AuditLog.objects.filter(action=AuditLog.Action.ROSTER_VIEW, detail="family calls 2").exists()


def test_handoff_view_books_and_links_back(client, world):
    client.force_login(world.users["steward_a"])
    response = client.post(
        f"/steward/care/{world.care_a.pk}/family/handoff/", {"listing": world.doctor_listing.pk, "note": "慢病随访"}
    )
    assert response.status_code == 302
    handoff = Handoff.objects.select_related("work_order").get()
    assert handoff.service == "family_doctor" and handoff.work_order.service_page_id == world.doctor_listing.pk
    html = client.get(response["Location"]).content.decode()
    assert handoff.work_order.number in html and "家庭医生" in html


def test_handoff_view_bad_listing_is_400(client, world):
    client.force_login(world.users["steward_a"])
    response = client.post(f"/steward/care/{world.care_a.pk}/family/handoff/", {"listing": world.canteen_listing.pk})
    assert response.status_code == 400 and "选择一个有效的选项" in response.content.decode()
    assert not Handoff.objects.exists() and not WorkOrder.objects.filter(category=world.booking).exists()


def test_manager_creates_a_campaign_steward_cannot(client, world):
    data = {
        "name": "2027年春节 送福字",
        "festival": "spring",
        "gift": "福字、春联",
        "starts_on": "2027-01-28",
        "ends_on": "2027-02-05",
    }
    client.force_login(world.users["steward_a"])
    assert "新建节日走访" not in client.get("/steward/care/campaigns/").content.decode()
    assert client.post("/steward/care/campaigns/new/", data).status_code == 403
    client.force_login(world.users["manager"])
    response = client.post("/steward/care/campaigns/new/", {**data, "ends_on": "2027-01-01"})
    assert response.status_code == 400 and "结束日期不能早于开始日期" in response.content.decode()
    assert not Campaign.objects.exists()
    response = client.post("/steward/care/campaigns/new/", data)
    assert response.status_code == 302 and Campaign.objects.get().festival == "spring"


def test_steward_ticks_own_elder_manager_sees_progress(client, world):
    campaign = _campaign(world)
    other = CareRecipientFactory(household=world.household_b, name="赵奶奶")
    client.force_login(world.users["steward_a"])
    html = client.get(f"/steward/care/campaigns/{campaign.pk}/").content.decode()
    assert "李奶奶" in html and "赵奶奶" not in html and "各红管家进度" not in html
    response = client.post(f"/steward/care/campaigns/{campaign.pk}/done/{world.care_a.pk}/", {"note": "送月饼"})
    assert response.status_code == 302 and CampaignVisit.objects.get().note == "送月饼"
    assert client.post(f"/steward/care/campaigns/{campaign.pk}/done/{other.pk}/").status_code == 404
    assert client.get(f"/steward/care/campaigns/{campaign.pk}/done/{world.care_a.pk}/").status_code == 405
    client.force_login(world.users["manager"])
    html = client.get(f"/steward/care/campaigns/{campaign.pk}/").content.decode()
    assert "各红管家进度" in html and "王红梅" in html and "李建国" in html
    assert '<progress max="1" value="1"' in html and '<progress max="1" value="0"' in html


def test_pages_in_english(client, world):
    client.force_login(world.users["steward_a"])
    html = client.get(f"/en/steward/care/{world.care_a.pk}/family/").content.decode()
    assert "Log a family contact" in html and "Book a service for the elder" in html
