"""The care app's actions: each checks the roster scope, writes the audit log and saves all or nothing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from portal.accounts.models import AuditLog
from portal.care import services
from portal.care.models import Campaign, CampaignVisit, FamilyContact, Handoff
from portal.notifications.models import Notification
from portal.workorders.models import WorkOrder
from tests.factories import CareRecipientFactory

TODAY = datetime.date(2026, 12, 3)


def _contact(world, user=None, **given):
    values = {"person": "儿子 庞先生", "means": "phone", "summary": "老人精神不错。", **given}
    return services.record_family_contact(user or world.users["steward_a"], world.care_a, **values)


def test_family_contact_is_saved_and_audited(world):
    contact = _contact(world, follow_up="周五上门量血压")
    assert contact.entered_by == world.users["steward_a"] and contact.contacted_on == timezone.localdate()
    row = AuditLog.objects.get(action=AuditLog.Action.ROSTER_CHANGE)
    assert row.actor == world.users["steward_a"] and row.object_id == str(world.care_a.pk)


@pytest.mark.parametrize("role", ["steward_b", "general", "resident"])
def test_family_contact_outside_the_roster_is_not_found(world, role):
    with pytest.raises(Http404):
        _contact(world, world.users[role])
    assert not FamilyContact.objects.exists()


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"person": "  "}, "person"),
        ({"summary": ""}, "summary"),
        ({"summary": "长" * 1001}, "summary"),
        ({"means": "letter"}, "means"),
        ({"contacted_on": datetime.date.today() + datetime.timedelta(days=3)}, "contacted_on"),
    ],
)
def test_family_contact_bad_input_saves_nothing(world, given, field):
    with pytest.raises(ValidationError) as exc:
        _contact(world, **given)
    assert field in exc.value.message_dict
    assert not FamilyContact.objects.exists() and not AuditLog.objects.exists()


def test_weekly_call_is_due_then_overdue(world):
    world.care_a.consent_given_at = timezone.make_aware(datetime.datetime(2026, 11, 1, 9))
    world.care_a.save()
    assert services.call_status(world.care_a, TODAY).state == "overdue"  # never contacted since joining
    _contact(world, contacted_on=TODAY - datetime.timedelta(days=2))
    status = services.call_status(world.care_a, TODAY)
    assert (status.state, status.due_on) == ("ok", TODAY + datetime.timedelta(days=5))
    assert services.call_status(world.care_a, TODAY + datetime.timedelta(days=4)).state == "due"
    assert services.call_status(world.care_a, TODAY + datetime.timedelta(days=6)).overdue


def _campaign(world, **given):
    values = {
        "name": "2026年中秋 送月饼",
        "festival": "mid_autumn",
        "gift": "月饼",
        "starts_on": timezone.localdate() - datetime.timedelta(days=3),
        "ends_on": timezone.localdate() + datetime.timedelta(days=3),
        **given,
    }
    return services.create_campaign(world.users["manager"], **values)


def test_only_managers_create_campaigns_and_dates_are_checked(world):
    with pytest.raises(PermissionDenied):
        services.create_campaign(
            world.users["steward_a"], name="春节", festival="spring", gift="福字", starts_on=TODAY, ends_on=TODAY
        )
    with pytest.raises(ValidationError) as exc:
        _campaign(world, ends_on=timezone.localdate() - datetime.timedelta(days=10), festival="x")
    assert set(exc.value.message_dict) == {"ends_on", "festival"}
    assert not Campaign.objects.exists()
    assert _campaign(world).created_by == world.users["manager"]


def test_campaign_ticks_and_progress_per_steward(world):
    campaign = _campaign(world)
    second = CareRecipientFactory(household=world.household_a, name="王爷爷")
    CareRecipientFactory(household=world.household_b, name="赵奶奶")
    services.mark_visited(world.users["steward_a"], campaign, world.care_a, "送月饼，陪老人聊天")
    services.mark_visited(world.users["steward_a"], campaign, world.care_a)  # twice: still one
    assert CampaignVisit.objects.get().note == "送月饼，陪老人聊天"
    with pytest.raises(Http404):
        services.mark_visited(world.users["steward_b"], campaign, second)
    rows = services.campaign_progress(campaign, world.users["manager"])
    progress = {row["grid"].pk: (row["stewards"], row["done"], row["total"]) for row in rows}
    assert progress == {world.grid_a.pk: ("王红梅", 1, 2), world.grid_b.pk: ("李建国", 0, 1)}
    # A steward sees their own grid's elders only.
    rows = services.campaign_rows(world.users["steward_b"], campaign)
    assert [elder.name for elder, _visit in rows] == ["赵奶奶"]


def test_campaign_not_started_cannot_be_ticked(world):
    campaign = _campaign(world, starts_on=timezone.localdate() + datetime.timedelta(days=2))
    with pytest.raises(ValidationError):
        services.mark_visited(world.users["steward_a"], campaign, world.care_a)
    assert not CampaignVisit.objects.exists()


def test_handoff_books_the_listing_through_submit(world, django_capture_on_commit_callbacks):
    choices = dict((page.pk, service) for service, page in services.handoff_listings())
    assert choices == {world.care_listing.pk: "elderly_care", world.doctor_listing.pk: "family_doctor"}
    with django_capture_on_commit_callbacks(execute=True):
        handoff = services.book_handoff(
            world.users["steward_a"], world.care_a, listing_id=world.care_listing.pk, note="每周助浴一次"
        )
    order = handoff.work_order
    assert handoff.service == "elderly_care" and handoff.recipient == world.care_a
    assert order.service_page_id == world.care_listing.pk and order.channel == WorkOrder.Channel.VISIT
    assert order.entered_by == world.users["steward_a"] and order.category == world.booking
    assert order.name == "李奶奶" and "每周助浴一次" in order.description
    assert Notification.objects.filter(event="booking_received", recipient="13900001111", work_order=order).exists()
    assert AuditLog.objects.filter(action=AuditLog.Action.ROSTER_CHANGE, detail=f"hand-off {order.number}").exists()


@pytest.mark.parametrize("listing", ["canteen", "nonsense", None])
def test_handoff_refuses_other_listings_and_saves_nothing(world, listing):
    listing_id = world.canteen_listing.pk if listing == "canteen" else listing
    with pytest.raises(ValidationError):
        services.book_handoff(world.users["steward_a"], world.care_a, listing_id=listing_id)
    assert not WorkOrder.objects.filter(category=world.booking).exists() and not Handoff.objects.exists()


def test_handoff_outside_the_roster_or_without_phone(world):
    with pytest.raises(Http404):
        services.book_handoff(world.users["steward_b"], world.care_a, listing_id=world.care_listing.pk)
    world.household_a.phone = ""
    world.household_a.save()
    with pytest.raises(ValidationError):
        services.book_handoff(world.users["steward_a"], world.care_a, listing_id=world.care_listing.pk)
    assert not Handoff.objects.exists() and not WorkOrder.objects.filter(category=world.booking).exists()


def test_handoff_is_undone_when_the_link_cannot_be_saved(world, monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Handoff.objects, "create", fail)
    with pytest.raises(RuntimeError):
        services.book_handoff(world.users["steward_a"], world.care_a, listing_id=world.care_listing.pk)
    assert not WorkOrder.objects.filter(category=world.booking).exists()


def test_retention_empties_the_notes_of_elders_who_left(world):
    from portal.care import privacy

    _contact(world)
    assert privacy.anonymise_expired(timezone.now() + datetime.timedelta(days=1)) == 0  # still on the roster
    world.care_a.active = False
    world.care_a.save()
    assert privacy.anonymise_expired(timezone.now() + datetime.timedelta(days=1)) == 1
    assert FamilyContact.objects.get().summary == ""
