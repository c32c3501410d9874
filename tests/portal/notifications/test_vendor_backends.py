"""The Aliyun and Tencent Cloud SMS backends on their official SDKs, each pointed at a loopback
server that answers as the vendor's API does: the signed request, success, throttling, a bad
template, a timeout; and through the outbox, vendor codes mapped to retry or dead letter."""

import pytest
from django.utils import timezone

from portal.notifications import outbox
from portal.notifications.models import SmsSettings, SmsTemplate
from portal.notifications.sms import SmsError, SmsMessage
from portal.notifications.sms.aliyun import AliyunSmsBackend
from portal.notifications.sms.tencent import TencentSmsBackend

from . import vendors


def message(**overrides):
    values = {
        "phone": "13800001234",
        "text": "[红管家] 您的报事 BX2026 已受理。",
        "kind": "accept",
        "params": {"number": "BX20261203001"},
        "template_code": "SMS_154950909",
        "sign_name": "博悦物业",
        "out_id": "42",
    }
    return SmsMessage(**{**values, **overrides})


@pytest.fixture
def aliyun(settings):
    server = vendors.VendorServer("aliyun")
    settings.ALIYUN_SMS_ACCESS_KEY_ID = vendors.ALIYUN_KEY_ID
    settings.ALIYUN_SMS_ACCESS_KEY_SECRET = vendors.ALIYUN_SECRET
    settings.ALIYUN_SMS_ENDPOINT = server.endpoint
    settings.SMS_GATEWAY_TIMEOUT = 1
    yield server
    server.close()


@pytest.fixture
def tencent(settings):
    server = vendors.VendorServer("tencent")
    settings.TENCENT_SMS_SECRET_ID = vendors.TENCENT_ID
    settings.TENCENT_SMS_SECRET_KEY = vendors.TENCENT_KEY
    settings.TENCENT_SMS_SDK_APP_ID = "1400006666"
    settings.TENCENT_SMS_ENDPOINT = server.endpoint
    settings.SMS_GATEWAY_TIMEOUT = 1
    yield server
    server.close()


# --- Aliyun ------------------------------------------------------------------------------------


def test_aliyun_sends_a_signed_send_sms_request(aliyun):
    assert AliyunSmsBackend().send(message()) == "900619746936498440^0"
    [request] = aliyun.requests
    assert request["signed"], "the ACS3-HMAC-SHA256 signature does not verify"
    assert request["headers"]["x-acs-action"] == "SendSms"
    assert request["headers"]["x-acs-version"] == "2017-05-25"
    sent = request["query"]
    assert sent["PhoneNumbers"] == "13800001234"
    assert sent["SignName"] == "博悦物业"
    assert sent["TemplateCode"] == "SMS_154950909"
    assert sent["OutId"] == "42"
    assert sent["TemplateParam"] == '{"number": "BX20261203001"}'


def test_aliyun_signature_check_is_real(aliyun, settings):
    settings.ALIYUN_SMS_ACCESS_KEY_SECRET = "another-secret"
    AliyunSmsBackend().send(message())
    assert aliyun.requests[0]["signed"] is False


@pytest.mark.parametrize(
    ("code", "status", "retry"),
    [
        ("isv.BUSINESS_LIMIT_CONTROL", 200, True),  # throttled for this number
        ("Throttling.User", 400, True),  # throttled API calls
        ("isv.SMS_TEMPLATE_ILLEGAL", 200, False),  # bad template: dead letter
        ("isv.MOBILE_NUMBER_ILLEGAL", 200, False),
        ("isp.SYSTEM_ERROR", 500, True),
    ],
)
def test_aliyun_refusals_map_to_retry_or_dead_letter(aliyun, code, status, retry):
    aliyun.refuse(code, status=status)
    with pytest.raises(SmsError) as refused:
        AliyunSmsBackend().send(message())
    assert refused.value.code == code
    assert refused.value.retry is retry
    assert len(aliyun.requests) == 1, "the SDK must not retry on its own"


def test_aliyun_timeout_is_retried_later(aliyun):
    aliyun.delay = 2  # longer than the 1 s timeout
    with pytest.raises(Exception) as failed:
        AliyunSmsBackend().send(message())
    assert getattr(failed.value, "retry", True) is True
    assert len(aliyun.requests) == 1


# --- Tencent Cloud -----------------------------------------------------------------------------


def test_tencent_sends_a_signed_send_sms_request(tencent):
    params = {"title": "博悦大讲堂", "time": "12-04 19:00"}
    assert TencentSmsBackend().send(message(params=params, template_code="1234567")).startswith("5000:")
    [request] = tencent.requests
    assert request["signed"], "the TC3-HMAC-SHA256 signature does not verify"
    assert request["headers"]["X-TC-Action"] == "SendSms"
    assert request["headers"]["X-TC-Version"] == "2021-01-11"
    body = request["json"]
    assert body["PhoneNumberSet"] == ["+8613800001234"]
    assert body["SmsSdkAppId"] == "1400006666"
    assert body["SignName"] == "博悦物业"
    assert body["TemplateId"] == "1234567"
    assert body["TemplateParamSet"] == ["博悦大讲堂", "12-04 19:00"]  # {1}, {2} in the kind's order
    assert body["SessionContext"] == "42"


def test_tencent_signature_check_is_real(tencent, settings):
    settings.TENCENT_SMS_SECRET_KEY = "another-key"
    TencentSmsBackend().send(message())
    assert tencent.requests[0]["signed"] is False


@pytest.mark.parametrize(
    ("code", "retry"),
    [
        ("RequestLimitExceeded", True),
        ("LimitExceeded.PhoneNumberThirtySecondLimit", True),
        ("FailedOperation.TemplateIncorrectOrUnapproved", False),
        ("InvalidParameterValue.TemplateParameterLengthLimit", False),
        ("InternalError.Timeout", True),
    ],
)
def test_tencent_refusals_map_to_retry_or_dead_letter(tencent, code, retry):
    tencent.refuse(code)
    with pytest.raises(SmsError) as refused:
        TencentSmsBackend().send(message())
    assert refused.value.code == code
    assert refused.value.retry is retry
    assert len(tencent.requests) == 1


def test_tencent_timeout_is_retried_later(tencent):
    tencent.delay = 2
    with pytest.raises(SmsError) as failed:
        TencentSmsBackend().send(message())
    assert failed.value.retry is True


# --- through the outbox ------------------------------------------------------------------------


@pytest.fixture
def configured(db, settings):
    settings.SMS_BACKEND = "portal.notifications.sms.aliyun.AliyunSmsBackend"
    settings.NOTIFICATIONS_SENDER = "worker"
    sign = SmsSettings.load()
    sign.sign_name = "博悦物业"
    sign.save()
    SmsTemplate.objects.create(kind="event_reminder", template_code="SMS_1001")


def queue_reminder(title="博悦大讲堂：居家安全与燃气使用"):
    params = {"title": title, "time": "12-04 19:00", "place": "圣菲漫步社区活动中心二楼", "code": "K7PX3MQA"}
    [row] = outbox.queue_message("event_reminder", params, phone="13800001234")
    return row


def test_the_outbox_sends_the_admins_template_and_sign_name_within_the_vendors_limits(configured, aliyun):
    long_title = "博悦大讲堂：" + "居家安全" * 10  # 46 characters, over Aliyun's 35 per variable
    row = queue_reminder(long_title)
    assert outbox.send_pending() == (1, 0)
    [request] = aliyun.requests
    assert request["query"]["TemplateCode"] == "SMS_1001"
    assert request["query"]["SignName"] == "博悦物业"
    import json

    params = json.loads(request["query"]["TemplateParam"])
    assert list(params) == ["title", "time", "place", "code"]
    assert len(params["title"]) == 35 and params["title"].endswith("…")
    assert params["code"] == "K7PX3MQA"
    row.refresh_from_db()
    assert row.status == "sent" and row.body.startswith("【红管家】提醒：") and long_title in row.body


def test_a_bad_template_goes_to_the_dead_letters_at_once(configured, aliyun):
    aliyun.refuse("isv.SMS_TEMPLATE_ILLEGAL", "模板不合法")
    row = queue_reminder()
    assert outbox.send_pending() == (0, 1)
    row.refresh_from_db()
    assert row.status == "failed" and row.attempts == 1 and "SMS_TEMPLATE_ILLEGAL" in row.last_error


def test_throttling_is_retried_with_back_off(configured, aliyun):
    aliyun.refuse("isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控")
    row = queue_reminder()
    now = timezone.now()
    assert outbox.send_pending(now=now) == (0, 1)
    row.refresh_from_db()
    assert row.status == "pending" and row.next_attempt_at > now
    aliyun.answer = aliyun.ok
    assert outbox.send_pending(now=row.next_attempt_at) == (1, 0)
    row.refresh_from_db()
    assert row.status == "sent" and row.attempts == 2


def test_a_kind_without_a_template_is_a_dead_letter_not_a_crash(configured, aliyun):
    [row] = outbox.queue_message("accept", {"number": "BX1"}, phone="13800001234")
    assert outbox.send_pending() == (0, 1)
    row.refresh_from_db()
    assert row.status == "failed" and "no SMS template" in row.last_error
    assert aliyun.requests == []
