"""Signing up for lectures and forums: capacity, waiting list, cancellation, bad input, door check-in."""

import uuid

import pytest
from django.core.management import call_command

from cms.events.models import EventSignup
from cms.events.services import SignupError, cancel, mark_attended, sign_up
from portal.notifications.models import Notification
from tests.cms.factories import EventPageFactory, make_user

pytestmark = pytest.mark.django_db

VALID = {"name": "庞大爷", "phone": "13812345678", "party_size": "1", "consent": "on"}


def post(client, event, **changes):
    return client.post(event.url, {**VALID, **changes})


def test_resident_signs_up_and_sees_code_qr_and_cancel_link(client, tree):
    event = EventPageFactory(parent=tree["events"], capacity=5)
    response = post(client, event, phone="１３８ １２３４ ５６７８", party_size="2")
    assert response.status_code == 302
    signup = EventSignup.objects.get()
    assert signup.phone == "13812345678"  # full-width digits and spaces normalised
    assert signup.status == EventSignup.Status.CONFIRMED
    assert signup.consent_at is not None
    page = client.get(response["Location"])
    html = page.content.decode()
    assert signup.code in html
    assert f"/events/signups/{signup.token}/qr.svg" in html
    assert f"/events/signups/{signup.token}/cancel/" in html
    assert "报名成功" in html
    event.refresh_from_db()
    assert event.remaining_places == 3


def test_full_event_puts_resident_on_waiting_list(client, tree):
    event = EventPageFactory(parent=tree["events"], capacity=2)
    sign_up(event, name="甲", phone="13800000001", party_size=2)
    page = client.get(event.url)
    assert "候补" in page.content.decode()
    response = post(client, event, phone="13800000002")
    assert response.status_code == 302
    signup = EventSignup.objects.get(phone="13800000002")
    assert signup.status == EventSignup.Status.WAITING
    assert "候补名单" in client.get(response["Location"]).content.decode()


def test_cancellation_by_private_link_offers_the_place_to_the_waiting_list(client, tree):
    event = EventPageFactory(parent=tree["events"], capacity=2)
    first = sign_up(event, name="甲", phone="13800000001", party_size=2)
    big = sign_up(event, name="乙", phone="13800000002", party_size=3)
    small = sign_up(event, name="丙", phone="13800000003", party_size=2)
    assert {first.status, big.status, small.status} == {"confirmed", "waiting"}
    assert client.get(f"/events/signups/{first.token}/cancel/").status_code == 200
    response = client.post(f"/events/signups/{first.token}/cancel/")
    assert response.status_code == 302
    statuses = dict(EventSignup.objects.values_list("phone", "status"))
    assert statuses == {"13800000001": "cancelled", "13800000002": "waiting", "13800000003": "offered"}
    offered = EventSignup.objects.get(pk=small.pk)
    assert offered.promoted_at is not None and offered.offer_expires_at > offered.promoted_at
    [sms] = Notification.objects.filter(event="waitlist_offer")
    assert sms.recipient == "13800000003" and offered.code in sms.body and "确认" in sms.body
    # Cancelling twice says so, in Chinese, and changes nothing.
    again = client.post(f"/events/signups/{first.token}/cancel/")
    assert again.status_code == 400
    assert "已经取消" in again.content.decode()


def test_unknown_cancel_token_is_404(client, tree):
    assert client.get(f"/events/signups/{uuid.uuid4()}/cancel/").status_code == 404
    with pytest.raises(SignupError):
        cancel(uuid.uuid4())


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "  "}, "请填写姓名"),
        ({"phone": "12345"}, "11 位"),
        ({"phone": ""}, "请填写手机号"),
        ({"party_size": "abc"}, "整数"),
        ({"party_size": "0"}, "至少"),
        ({"party_size": "9"}, "最多 4 人"),
        ({"consent": ""}, "同意"),
    ],
)
def test_bad_input_gets_a_chinese_error_and_nothing_is_saved(client, tree, changes, message):
    event = EventPageFactory(parent=tree["events"])
    response = post(client, event, **changes)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert EventSignup.objects.count() == 0


def test_same_phone_cannot_sign_up_twice(client, tree):
    event = EventPageFactory(parent=tree["events"])
    post(client, event)
    response = post(client, event, phone="+86 138-1234-5678")
    assert response.status_code == 400
    assert "已报名" in response.content.decode()
    assert EventSignup.objects.count() == 1


def test_past_or_closed_events_refuse_sign_up(tree):
    past = EventPageFactory(parent=tree["events"], title="往期", days=-3)
    closed = EventPageFactory(parent=tree["events"], title="不报名", signup_enabled=False)
    for event in (past, closed):
        with pytest.raises(SignupError):
            sign_up(event, name="甲", phone="13800000001")
    assert EventSignup.objects.count() == 0


def test_ics_file(client, tree):
    event = EventPageFactory(parent=tree["events"])
    response = client.get(event.url + "calendar/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "BEGIN:VEVENT" in body
    assert "SUMMARY:博悦大讲堂：学区政策解读" in body
    assert "LOCATION:圣菲漫步党群服务站" in body


def test_qr_code_encodes_the_check_in_link(client, tree):
    event = EventPageFactory(parent=tree["events"])
    signup = sign_up(event, name="甲", phone="13800000001")
    response = client.get(f"/events/signups/{signup.token}/qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.lstrip().startswith(b"<svg")
    assert f"/events/checkin/{signup.code}/".encode() in response.content  # the <title> carries the URL


def test_door_check_in_needs_staff_and_marks_attendance(client, tree):
    event = EventPageFactory(parent=tree["events"])
    signup = sign_up(event, name="甲", phone="13800000001")
    url = f"/events/checkin/{signup.code}/"
    assert client.get(url).status_code == 302  # anonymous: to login
    resident = make_user("resident")
    client.force_login(resident)
    assert client.post(url).status_code == 403
    steward = make_user("steward1", "steward")
    client.force_login(steward)
    page = client.get(url)
    assert "138****0001" in page.content.decode()
    assert "13800000001" not in page.content.decode()
    assert client.post(url).status_code == 200
    signup.refresh_from_db()
    assert signup.attended_at is not None
    assert signup.checked_in_by == steward


def test_waiting_list_cannot_check_in(tree):
    event = EventPageFactory(parent=tree["events"], capacity=1)
    sign_up(event, name="甲", phone="13800000001")
    waiting = sign_up(event, name="乙", phone="13800000002")
    with pytest.raises(SignupError):
        mark_attended(waiting.code, None)


def test_steward_signs_up_an_elderly_resident_on_their_behalf(client, tree):
    event = EventPageFactory(parent=tree["events"])
    url = f"/events/{event.pk}/on-behalf/"
    client.force_login(make_user("resident"))
    assert client.get(url).status_code == 403
    steward = make_user("steward2", "steward")
    client.force_login(steward)
    response = client.post(url, {**VALID, "name": "庞大爷"})
    assert response.status_code == 302
    signup = EventSignup.objects.get()
    assert signup.registered_by == steward
    bad = client.post(url, {**VALID, "phone": "abc"})
    assert bad.status_code == 400
    assert EventSignup.objects.count() == 1


def test_reminder_the_day_before_is_sent_once(tree):
    from datetime import timedelta

    from django.utils import timezone

    tomorrow = timezone.localtime() + timedelta(days=1)
    start = tomorrow.replace(hour=9, minute=0)
    event = EventPageFactory(parent=tree["events"], days=0, start=start, end=start + timedelta(hours=1))
    later = EventPageFactory(parent=tree["events"], title="下周", days=8)
    signup = sign_up(event, name="甲", phone="13800000001")
    sign_up(later, name="乙", phone="13800000002")
    call_command("send_event_reminders")
    signup.refresh_from_db()
    assert signup.reminded_at is not None
    assert EventSignup.objects.filter(reminded_at__isnull=False).count() == 1
    # Through the outbox, with time and place.
    [sms] = Notification.objects.filter(event="event_reminder")
    assert sms.recipient == "13800000001" and sms.channel == "sms"
    assert start.strftime("%m-%d %H:%M") in sms.body and event.place in sms.body and signup.code in sms.body
    first = signup.reminded_at
    call_command("send_event_reminders")
    signup.refresh_from_db()
    assert signup.reminded_at == first


def _offered(tree, **event_kwargs):
    event = EventPageFactory(parent=tree["events"], capacity=1, **event_kwargs)
    first = sign_up(event, name="甲", phone="13800000001")
    second = sign_up(event, name="乙", phone="13800000002")
    third = sign_up(event, name="丙", phone="13800000003")
    cancel(first.token)
    return event, EventSignup.objects.get(pk=second.pk), EventSignup.objects.get(pk=third.pk)


def test_an_offered_place_is_confirmed_with_code_and_number(client, tree):
    event, second, third = _offered(tree)
    assert second.status == "offered" and event.remaining_places == 0  # the place is held for them
    page = client.get("/events/offer/")
    assert page.status_code == 200 and "确认候补名额" in page.content.decode()
    wrong = client.post("/events/offer/", {"code": second.code, "phone": "13800000003"})
    assert wrong.status_code == 400 and "没有与此报名码和手机号对应的报名" in wrong.content.decode()
    response = client.post("/events/offer/", {"code": second.code.lower(), "phone": "13800000002"})
    assert response.status_code == 302 and response["Location"] == f"/events/signups/{second.token}/"
    assert EventSignup.objects.get(pk=second.pk).status == "confirmed"
    assert EventSignup.objects.get(pk=third.pk).status == "waiting"


def test_an_offer_not_confirmed_in_time_goes_to_the_next_person(client, tree):
    from datetime import timedelta

    from django.utils import timezone

    from cms.events.services import expire_offers

    event, second, third = _offered(tree, days=5)
    assert expire_offers(second.offer_expires_at - timedelta(minutes=1)) == 0
    later = second.offer_expires_at + timedelta(minutes=1)
    assert expire_offers(later) == 1
    assert EventSignup.objects.get(pk=second.pk).status == "cancelled"
    third.refresh_from_db()
    assert third.status == "offered" and third.offer_expires_at > later
    assert list(Notification.objects.filter(event="waitlist_offer").values_list("recipient", flat=True)) == [
        "13800000002",
        "13800000003",
    ]
    late = client.post("/events/offer/", {"code": second.code, "phone": "13800000002"})
    assert late.status_code == 400 and "下一位" in late.content.decode()
    assert timezone.now() < third.offer_expires_at
