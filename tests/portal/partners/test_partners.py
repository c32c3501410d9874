"""Partners: apply after signing up, staff approve, edit only their own listings, changes wait for review,
and no way into the Wagtail admin or other partners' objects."""

from datetime import time

import pytest
from django.contrib.auth.models import Group

from cms.services.models import ServicePage
from portal.notifications import outbox
from portal.notifications.sms import LocmemSmsBackend
from portal.partners import services
from portal.partners.models import Partner, PartnerMembership
from tests.cms.factories import ServicePageFactory, make_user

pytestmark = pytest.mark.django_db

APPLICATION = {
    "name": "乐龄居家养老服务中心",
    "service_kind": "居家养老",
    "contact_name": "李娟",
    "contact_phone": "13900001111",
    "description": "",
}


def approved_partner(name, username):
    user = make_user(username)
    partner = services.apply(user, **{**APPLICATION, "name": name})
    services.approve(partner, make_user(f"staff-{username}", "manager"))
    return partner, user


@pytest.fixture
def texts(settings):
    settings.SMS_BACKEND = "portal.notifications.sms.LocmemSmsBackend"
    settings.NOTIFICATIONS_SENDER = "worker"  # the test runs the sender, as the worker would
    LocmemSmsBackend.outbox.clear()
    LocmemSmsBackend.messages.clear()
    return LocmemSmsBackend.messages


def test_signup_with_allauth_then_apply_then_staff_approve(client, tree, texts):
    # Sign-up is by mobile number and an SMS code (allauth's phone sign-up).
    response = client.post("/accounts/signup/", {"phone": "13900002222"})
    assert response.status_code == 302 and response["Location"] == "/accounts/phone/verify/"
    outbox.send_pending()
    code = texts[-1]
    assert code.phone == "13900002222" and code.kind == "login_code"
    response = client.post("/accounts/phone/verify/", {"code": code.params["code"]})
    assert response.status_code == 302
    assert client.get("/partners/apply/").status_code == 200
    bad = client.post("/partners/apply/", {**APPLICATION, "contact_phone": "123"})
    assert bad.status_code == 400
    assert "11 位" in bad.content.decode()
    assert Partner.objects.count() == 0
    assert client.post("/partners/apply/", APPLICATION).status_code == 302
    partner = Partner.objects.get()
    assert partner.status == Partner.Status.PENDING
    # Not approved yet: a friendly status page, not an error (issue 15 item 5).
    waiting = client.get("/partners/dashboard/")
    assert waiting.status_code == 200
    assert "待审核" in waiting.content.decode() and "三个工作日" in waiting.content.decode()

    manager = make_user("manager1", "manager")
    client.force_login(manager)
    listing = client.get("/admin/partner_admin/")
    assert listing.status_code == 200
    assert "139****1111" in listing.content.decode()
    assert "13900001111" not in listing.content.decode()
    assert client.post(f"/admin/partner_admin/{partner.pk}/approve/").status_code == 302
    partner.refresh_from_db()
    assert partner.status == Partner.Status.APPROVED
    user = PartnerMembership.objects.get().user
    assert user.groups.filter(name="partner").exists()
    assert not user.has_perm("wagtailadmin.access_admin")


def test_only_staff_may_approve(client, tree):
    partner = services.apply(make_user("p"), **APPLICATION)
    client.force_login(make_user("steward9", "steward"))
    client.post(f"/admin/partner_admin/{partner.pk}/approve/")
    partner.refresh_from_db()
    assert partner.status == Partner.Status.PENDING


def test_partner_edits_own_listing_and_it_waits_for_approval(client, tree):
    partner, user = approved_partner("圣菲漫步公益食堂", "canteen")
    listing = ServicePageFactory(
        parent=tree["canteen"], partner=partner, listing_summary="老人午餐", hours=[(0, time(11), time(13))]
    )
    client.force_login(user)
    dashboard = client.get("/partners/dashboard/")
    assert listing.title in dashboard.content.decode()
    form = client.get(f"/partners/listings/{listing.pk}/")
    assert form.status_code == 200
    assert "menu_0" in form.content.decode()  # the canteen edits its weekly menu
    response = client.post(
        f"/partners/listings/{listing.pk}/",
        {
            "listing_summary": "老人午餐 8 元",
            "description": "每天中午供应。\n\n凭老年证优惠。",
            "contact_name": "王师傅",
            "contact_phone": "0536-1234567",
            "eligibility": "圣菲漫步居民",
            "prices": "老人午餐：8元\n其他居民：12元",
            "menu_0": "红烧肉，清炒时蔬，米饭",
            "menu_1": "",
        },
    )
    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.listing_summary == "老人午餐"  # live text unchanged
    assert "老人午餐 8 元" not in client.get(listing.url).content.decode()
    assert listing.current_workflow_state is not None
    draft = listing.get_latest_revision_as_object()
    assert draft.listing_summary == "老人午餐 8 元"
    assert [p.value["price"] for p in draft.prices] == ["8元", "12元"]
    assert list(draft.weekly_menu[0].value["lunch"]) == ["红烧肉", "清炒时蔬", "米饭"]
    assert draft.partner_id == partner.pk and draft.title == listing.title
    assert "修改待审核" in client.get("/partners/dashboard/").content.decode()

    # An editor approves: now it is live.
    editor = make_user("editor1", "editor")
    task_state = listing.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "approve")
    html = client.get(listing.url).content.decode()
    assert "老人午餐 8 元" in html
    assert "红烧肉" in html


def test_bad_price_lines_are_refused_with_nothing_saved(client, tree):
    partner, user = approved_partner("家政", "clean")
    listing = ServicePageFactory(parent=tree["canteen"], title="定制保洁", partner=partner)
    revisions = listing.revisions.count()
    client.force_login(user)
    response = client.post(f"/partners/listings/{listing.pk}/", {"prices": "没有价格的一行"})
    assert response.status_code == 400
    assert "第 1 行" in response.content.decode()
    assert listing.revisions.count() == revisions


def test_partner_cannot_touch_other_partners_listings_or_the_admin(client, tree):
    mine, user = approved_partner("甲方", "a")
    theirs, _other = approved_partner("乙方", "b")
    own = ServicePageFactory(parent=tree["canteen"], title="甲方服务", partner=mine)
    other = ServicePageFactory(parent=tree["canteen"], title="乙方服务", partner=theirs)
    unowned = ServicePageFactory(parent=tree["canteen"], title="无主服务")
    client.force_login(user)
    assert client.get(f"/partners/listings/{own.pk}/").status_code == 200
    for page in (other, unowned, tree["canteen"], tree["home"]):
        assert client.get(f"/partners/listings/{page.pk}/").status_code == 404
        assert client.post(f"/partners/listings/{page.pk}/", {"listing_summary": "篡改"}).status_code == 404
    assert "乙方服务" not in client.get("/partners/dashboard/").content.decode()
    assert ServicePage.objects.get(pk=other.pk).get_latest_revision_as_object().listing_summary == ""

    # Every Wagtail admin URL that could leak or change something refuses a partner.
    admin_urls = [
        "/admin/",
        f"/admin/pages/{own.pk}/edit/",
        f"/admin/pages/{other.pk}/edit/",
        f"/admin/pages/{own.pk}/view_draft/",
        f"/admin/pages/{other.pk}/revisions/",
        f"/admin/pages/{other.pk}/history/",
        f"/admin/pages/{other.pk}/copy/",
        f"/admin/pages/{other.pk}/delete/",
        f"/admin/pages/{other.pk}/unpublish/",
        f"/admin/pages/{tree['canteen'].pk}/",
        "/admin/choose-page/",
        "/admin/images/",
        "/admin/images/chooser/",
        "/admin/documents/",
        "/admin/documents/chooser/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/snippets/",
        "/admin/partner_admin/",
        f"/admin/partner_admin/{theirs.pk}/",
        "/admin/event_signups/",
        "/admin/settings/cms_core/brandsettings/",
        "/django-admin/",
    ]
    for url in admin_urls:
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        if response.status_code == 302:
            assert "login" in response["Location"] or response["Location"] == "/admin/", url


def test_suspended_partner_loses_the_dashboard(client, tree):
    partner, user = approved_partner("丙方", "c")
    services.reject(partner, make_user("m", "manager"), status=Partner.Status.SUSPENDED)
    client.force_login(user)
    page = client.get("/partners/dashboard/")
    assert page.status_code == 200 and "未启用" in page.content.decode()
    assert "/partners/listings/" not in page.content.decode()
    assert not user.groups.filter(name=Group.objects.get(name="partner").name).exists()


def test_dashboard_without_an_application_leads_to_the_application_form(client, tree):
    client.force_login(make_user("newcomer"))
    response = client.get("/partners/dashboard/")
    assert response.status_code == 302 and response["Location"] == "/partners/apply/"
