"""Tencent Cloud SMS (腾讯云短信, API 2021-01-11) on Tencent Cloud's official SDK
(`tencentcloud-sdk-python-sms`). Settings: TENCENT_SMS_SECRET_ID, TENCENT_SMS_SECRET_KEY,
TENCENT_SMS_SDK_APP_ID (the SMS application), TENCENT_SMS_REGION (default ap-guangzhou),
TENCENT_SMS_ENDPOINT (default sms.tencentcloudapi.com), SMS_GATEWAY_TIMEOUT (seconds). Sign name and
template IDs come from the admin (`SmsSettings`, `SmsTemplate`); template variables are numbered
{1}, {2}… in the order of the kind's `params`.

An API error (throttled, bad parameter) raises `TencentCloudSDKException` with a code; a message the
API took but the operator refused comes back as a `SendStatus` whose `Code` is not "Ok". `RETRY`
lists the codes worth trying again; anything else is the message's own fault (template, sign name,
number, parameter length) and goes to the dead letters.
"""

from django.conf import settings

from . import BaseSmsBackend, SmsError

RETRY_PREFIXES = (
    "RequestLimitExceeded",  # API calls per second
    "LimitExceeded.PhoneNumberThirtySecondLimit",
    "LimitExceeded.PhoneNumberOneHourLimit",
    "LimitExceeded.DeliveryFrequencyLimit",
    "FailedOperation.InsufficientBalanceInSmsPackage",
    "InternalError",
    "ClientNetworkError",
    "ServerNetworkError",
    "ResourceUnavailable",
)


def is_retryable(code):
    return str(code or "").startswith(RETRY_PREFIXES)


class TencentSmsBackend(BaseSmsBackend):
    vendor = "tencent"
    needs_template = True

    def client(self):
        from tencentcloud.common import credential
        from tencentcloud.common.profile.client_profile import ClientProfile
        from tencentcloud.common.profile.http_profile import HttpProfile
        from tencentcloud.sms.v20210111 import sms_client

        endpoint = getattr(settings, "TENCENT_SMS_ENDPOINT", "") or "sms.tencentcloudapi.com"
        protocol = "http" if endpoint.startswith(("127.0.0.1", "localhost")) else "https"
        http = HttpProfile(
            protocol=protocol, endpoint=endpoint, reqTimeout=float(getattr(settings, "SMS_GATEWAY_TIMEOUT", 5))
        )
        cred = credential.Credential(settings.TENCENT_SMS_SECRET_ID, settings.TENCENT_SMS_SECRET_KEY)
        region = getattr(settings, "TENCENT_SMS_REGION", "") or "ap-guangzhou"
        return sms_client.SmsClient(cred, region, ClientProfile(httpProfile=http))

    def send(self, message):
        from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
        from tencentcloud.sms.v20210111 import models

        if not message.template_code or not message.sign_name:
            raise SmsError("not_configured", "no sign name or template ID for this kind", retry=False)
        request = models.SendSmsRequest()
        request.PhoneNumberSet = [f"+86{message.phone}"]
        request.SmsSdkAppId = settings.TENCENT_SMS_SDK_APP_ID
        request.SignName = message.sign_name
        request.TemplateId = message.template_code
        request.TemplateParamSet = [str(value) for value in message.params.values()]
        request.SessionContext = message.out_id
        try:
            response = self.client().SendSms(request)
        except TencentCloudSDKException as exc:
            code = exc.get_code() or "ClientNetworkError"
            raise SmsError(code, exc.get_message() or "", retry=is_retryable(code)) from exc
        statuses = response.SendStatusSet or []
        if not statuses:
            raise SmsError("InternalError", "no send status in the answer", retry=True)
        status = statuses[0]
        if status.Code != "Ok":
            raise SmsError(status.Code, status.Message or "", retry=is_retryable(status.Code))
        return status.SerialNo
