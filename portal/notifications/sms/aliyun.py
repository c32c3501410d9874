"""Aliyun SMS (阿里云短信服务, dysmsapi 2017-05-25) on Alibaba Cloud's official SDK
(`alibabacloud_dysmsapi20170525`). Settings: ALIYUN_SMS_ACCESS_KEY_ID, ALIYUN_SMS_ACCESS_KEY_SECRET,
ALIYUN_SMS_ENDPOINT (default dysmsapi.aliyuncs.com), SMS_GATEWAY_TIMEOUT (seconds). The sign name and
the template code of each message kind come from the admin (`SmsSettings`, `SmsTemplate`).

Aliyun answers a refused message with HTTP 200 and a `Code` other than "OK"; throttling and outages
also come as HTTP 4xx/5xx errors. `RETRY` lists the codes worth trying again later; every other
`isv.` code means the request itself is wrong (template, sign name, number, parameters) and the
message goes to the dead letters.
"""

import json

from django.conf import settings

from . import BaseSmsBackend, SmsError

RETRY = {
    "isv.BUSINESS_LIMIT_CONTROL",  # too many messages to this number in a minute/hour
    "isv.AMOUNT_NOT_ENOUGH",  # account balance: retried while someone tops it up
    "isv.OUT_OF_SERVICE",
    "isp.SYSTEM_ERROR",
    "isp.RAM_PERMISSION_DENY",
    "Throttling",
    "Throttling.User",
    "Throttling.Api",
    "ServiceUnavailable",
    "InternalError",
}


def is_retryable(code):
    code = str(code or "")
    return code in RETRY or code.startswith(("Throttling", "isp.")) or not code.startswith("isv.")


class AliyunSmsBackend(BaseSmsBackend):
    vendor = "aliyun"
    needs_template = True

    def client(self):
        from alibabacloud_dysmsapi20170525.client import Client
        from alibabacloud_tea_openapi.utils_models import Config

        endpoint = getattr(settings, "ALIYUN_SMS_ENDPOINT", "") or "dysmsapi.aliyuncs.com"
        protocol = "http" if endpoint.startswith("127.0.0.1") or endpoint.startswith("localhost") else "https"
        timeout_ms = int(float(getattr(settings, "SMS_GATEWAY_TIMEOUT", 5)) * 1000)
        config = Config(
            access_key_id=settings.ALIYUN_SMS_ACCESS_KEY_ID,
            access_key_secret=settings.ALIYUN_SMS_ACCESS_KEY_SECRET,
            endpoint=endpoint,
            protocol=getattr(settings, "ALIYUN_SMS_PROTOCOL", "") or protocol,
            read_timeout=timeout_ms,
            connect_timeout=timeout_ms,
        )
        return Client(config)

    def send(self, message):
        from alibabacloud_dysmsapi20170525 import models
        from alibabacloud_tea_openapi.exceptions import AlibabaCloudException
        from darabonba.runtime import RuntimeOptions

        if not message.template_code or not message.sign_name:
            raise SmsError("not_configured", "no sign name or template code for this kind", retry=False)
        request = models.SendSmsRequest(
            phone_numbers=message.phone,
            sign_name=message.sign_name,
            template_code=message.template_code,
            template_param=json.dumps(message.params, ensure_ascii=False),
            out_id=message.out_id,
        )
        # autoretry off: a retry is the outbox's decision, never the SDK's (no double sends).
        runtime = RuntimeOptions(autoretry=False, max_attempts=0)
        try:
            response = self.client().send_sms_with_options(request, runtime)
        except AlibabaCloudException as exc:
            code = getattr(exc, "code", "") or type(exc).__name__
            raise SmsError(code, getattr(exc, "message", "") or str(exc), retry=is_retryable(code)) from exc
        body = response.body
        if body.code != "OK":
            raise SmsError(body.code, body.message or "", retry=is_retryable(body.code))
        return body.biz_id
