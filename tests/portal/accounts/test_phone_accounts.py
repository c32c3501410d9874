"""Residents sign up and sign in with a mainland mobile number and an SMS code (allauth's phone
support, codes through the outbox); a verified number claims what was done with it before."""

import logging

import pytest
from django.contrib.auth import get_user_model

from cms.events.models import EventSignup
from portal.accounts.models import PhoneNumber
from portal.notifications import outbox
from portal.notifications.models import Notification
from portal.notifications.sms import LocmemSmsBackend
from portal.workorders import services
from tests.factories import BuildingFactory, CategoryFactory, submission

PHONE = "13800005678"


@pytest.fixture
def texts(settings):
    settings.SMS_BACKEND = "portal.notifications.sms.LocmemSmsBackend"
    settings.NOTIFICATIONS_SENDER = "worker"  # last_code() runs the sender, as the worker would
    LocmemSmsBackend.outbox.clear()
    LocmemSmsBackend.messages.clear()
    return LocmemSmsBackend.messages


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()  # allauth's rate limits live in the cache
    yield
    cache.clear()


def last_code(texts):
    outbox.send_pending()
    message = texts[-1]
    assert message.phone == PHONE and message.kind == "login_code"
    return message.params["code"]


def sign_up(client, texts, phone=PHONE):
    response = client.post("/accounts/signup/", {"phone": phone})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == "/accounts/phone/verify/"
    response = client.post("/accounts/phone/verify/", {"code": last_code(texts)})
    assert response.status_code == 302
    return response


def test_sign_up_with_a_mobile_number_and_a_code_no_password_no_email(client, db, texts, caplog):
    page = client.get("/accounts/signup/")
    assert page.status_code == 200 and 'name="phone"' in page.content.decode()
    # The form says the password may be left out, and why (allauth's own label read as required).
    html = page.content.decode()
    assert "手机号" in html and "密码（选填）" in html and "用手机收到的验证码登录" in html
    with caplog.at_level(logging.DEBUG):
        sign_up(client, texts, phone="+86 138 0000 5678")
        outbox.send_pending()
    user = get_user_model().objects.get()
    assert not user.has_usable_password() and user.email == ""
    assert PhoneNumber.objects.get(user=user).phone == PHONE
    assert PhoneNumber.objects.get(user=user).verified
    assert client.get("/my/data/").status_code == 200  # signed in
    # The code was sent through the outbox and is kept nowhere: not in the log, not in the row.
    code = texts[0].params["code"]
    assert code not in caplog.text
    row = Notification.objects.get(event="login_code")
    assert row.status == "sent" and code not in row.body and row.params == {}


def test_a_number_that_is_not_mainland_mobile_is_refused_in_chinese(client, db, texts):
    response = client.post("/accounts/signup/", {"phone": "12345"})
    assert response.status_code == 200  # allauth re-shows the form
    assert "请输入 11 位中国大陆手机号" in response.content.decode()
    assert not get_user_model().objects.exists() and texts == []


def test_the_log_in_page_offers_an_sms_code_in_words_residents_use(client, db):
    """allauth's catalog says 登录代码 ("program code"); residents know the one-time code as 验证码."""
    html = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "用短信验证码登录" in html and "代码" not in html


def test_sign_in_by_code_and_a_wrong_code_fails(client, db, texts):
    sign_up(client, texts)
    client.logout()
    response = client.post("/accounts/login/code/", {"phone": PHONE})
    assert response.status_code == 302 and response["Location"] == "/accounts/login/code/confirm/"
    wrong = client.post(
        "/accounts/login/code/confirm/", {"code": "000000" if last_code(texts) != "000000" else "111111"}
    )
    assert wrong.status_code == 200 and client.get("/my/data/").status_code == 302
    response = client.post("/accounts/login/code/confirm/", {"code": last_code(texts)})
    assert response.status_code == 302
    assert client.get("/my/data/").status_code == 200


def test_codes_are_rate_limited_per_number(client, db, texts):
    sign_up(client, texts)
    client.logout()
    answers = []
    for _ in range(4):
        client.cookies.clear()
        answers.append(client.post("/accounts/login/code/", {"phone": PHONE}))
    assert [a.status_code for a in answers[:3]] == [302, 302, 302]
    assert answers[3].status_code in (200, 429)
    outbox.send_pending()
    assert len([t for t in texts if t.kind == "login_code"]) == 1 + 3  # sign-up + three log-ins


def test_a_verified_number_claims_earlier_requests_and_sign_ups_after_confirming(client, db, texts, home_page):
    from tests.cms.factories import EventPageFactory, make_tree

    order = services.submit(submission(CategoryFactory(), BuildingFactory(), phone=PHONE))
    other = services.submit(submission(CategoryFactory(code="x2"), BuildingFactory(), phone="13900000000"))
    event = EventPageFactory(parent=make_tree(home_page)["events"])
    from cms.events.services import sign_up as event_sign_up

    signup = event_sign_up(event, name="李阿姨", phone=PHONE)
    response = sign_up(client, texts)
    assert response["Location"] == "/my/phone/claim/"  # allauth's login redirect: there is something to claim
    page = client.get("/my/phone/claim/").content.decode()
    assert "138****5678" in page and "报事和预约: 1" in page and "活动报名: 1" in page
    refused = client.post("/my/phone/claim/", {})
    assert refused.status_code == 400
    order.refresh_from_db()
    assert order.resident is None  # nothing before the resident confirms

    assert client.post("/my/phone/claim/", {"confirm": "yes"}).status_code == 302
    user = get_user_model().objects.get(phone_number__phone=PHONE)
    order.refresh_from_db()
    other.refresh_from_db()
    assert order.resident == user and other.resident is None
    assert EventSignup.objects.get(pk=signup.pk).resident == user
    assert order.number in client.get("/requests/mine/").content.decode()
    export = client.get("/my/data/download/").content.decode()
    assert order.number in export and event.title in export
    from portal.accounts.models import AuditLog

    assert AuditLog.objects.filter(action="own_claim", actor=user).exists()
