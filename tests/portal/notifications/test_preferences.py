"""Residents choose SMS, e-mail or nothing per message kind on their account page; the outbox obeys."""

import pytest
from django.urls import reverse

from portal.notifications import outbox
from portal.notifications.models import Notification, Preference
from tests.factories import UserFactory


@pytest.fixture
def resident(db):
    return UserFactory(username="liayi", email="liayi@example.com")


def test_the_page_needs_a_login(client, db):
    response = client.get(reverse("notifications:preferences"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_resident_sees_each_kind_with_sms_first(client, resident):
    client.force_login(resident)
    response = client.get(reverse("notifications:preferences"))
    text = response.content.decode()
    assert response.status_code == 200
    assert "我的消息" in text and "报事已受理" in text and "活动提醒" in text
    assert "login_code" not in response.context["form"].fields  # codes always come by SMS: not a choice
    assert response.context["form"]["resolve"].initial == "sms"


def test_choices_are_saved_and_obeyed(client, resident):
    client.force_login(resident)
    form = {k: "sms" for k in ("submitted", "accept", "assign", "reject", "merge", "reminder", "reopen")}
    form.update(resolve="email", event_reminder="none", waitlist_offer="sms", booking_confirmed="sms")
    response = client.post(reverse("notifications:preferences"), form)
    assert response.status_code == 302
    assert Preference.objects.get(user=resident, kind="resolve").channel == "email"

    both = {"phone": "13800001234", "email": "liayi@example.com", "user": resident, "send": False}
    [email] = outbox.queue_message("resolve", {"number": "BX1"}, **both)
    assert email.channel == "email" and email.recipient == "liayi@example.com"
    assert outbox.queue_message("event_reminder", {"title": "讲座"}, **both) == []
    [sms] = outbox.queue_message("accept", {"number": "BX1"}, **both)
    assert sms.channel == "sms"
    # Without an account the resident gets every channel they gave an address for.
    anonymous = outbox.queue_message("resolve", {"number": "BX2"}, phone="13800001234", email="a@example.com")
    assert {n.channel for n in anonymous} == {"sms", "email"}
    assert Notification.objects.count() == 4


def test_a_bad_choice_is_a_400_in_the_residents_language_and_saves_nothing(client, resident):
    client.force_login(resident)
    response = client.post(reverse("notifications:preferences"), {"resolve": "fax"})
    assert response.status_code == 400
    assert "选择一个有效的选项" in response.content.decode()
    assert not Preference.objects.exists()
