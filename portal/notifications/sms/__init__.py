"""SMS backends, chosen by `SMS_BACKEND`. A backend's `send(message)` delivers one `SmsMessage` or
raises: `SmsError(retry=False)` for a refusal that will not change (bad template, bad number: the
message goes to the dead letters), any other exception (throttling, timeout, outage) to be retried.

- `LoggingSmsBackend` (the default, development): writes the message to the log, secrets hidden.
- `aliyun.AliyunSmsBackend`, `tencent.TencentSmsBackend`: the vendors, on their official SDKs.
- `WebhookSmsBackend`: posts JSON to a gateway of one's own (`SMS_GATEWAY_URL`).
- `LocmemSmsBackend`: keeps messages in memory, for tests.
"""

import abc
import json
import logging
import urllib.request
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger("portal.notifications.sms")

DEFAULT_BACKEND = "portal.notifications.sms.LoggingSmsBackend"


@dataclass
class SmsMessage:
    phone: str  # 11-digit mainland mobile number
    text: str  # the whole text, for backends that send free text
    kind: str = ""
    params: dict = field(default_factory=dict)  # the template's variables, for vendor backends
    template_code: str = ""
    sign_name: str = ""
    secret: tuple = ()
    out_id: str = ""  # the outbox row, echoed by the vendor (Aliyun OutId, Tencent SessionContext)

    @property
    def safe_text(self):
        text = self.text
        for key in self.secret:
            value = str(self.params.get(key, ""))
            if value:
                text = text.replace(value, "•" * len(value))
        return text


class SmsError(Exception):
    """A vendor refused the message. `retry`: worth trying again later (throttled, vendor busy)."""

    def __init__(self, code, message="", *, retry):
        super().__init__(f"{code}: {message}" if message else str(code))
        self.code = code
        self.retry = retry


class BaseSmsBackend(abc.ABC):
    """The SMS interface: a deployment plugs in its gateway by naming a subclass in `SMS_BACKEND`.

    Every backend (logging, locmem, webhook, Aliyun, Tencent Cloud) implements `send`; a subclass
    that does not cannot be instantiated."""

    needs_template = False  # vendors send an approved template with parameters, not free text

    @abc.abstractmethod
    def send(self, message):
        """Send one message; raise `SmsError` when the vendor refuses it."""


def _masked(phone):
    return phone[:3] + "****" + phone[-4:] if len(phone) >= 7 else "****"


class LoggingSmsBackend(BaseSmsBackend):
    """The default: write the message to the log (number masked, codes hidden)."""

    def send(self, message):
        logger.info("SMS to %s: %s", _masked(message.phone), message.safe_text)


class LocmemSmsBackend(BaseSmsBackend):
    """Keeps `(phone, text)` in `LocmemSmsBackend.outbox` and the messages in `.messages` (tests)."""

    outbox = []
    messages = []

    def send(self, message):
        LocmemSmsBackend.outbox.append((message.phone, message.text))
        LocmemSmsBackend.messages.append(message)


class WebhookSmsBackend(BaseSmsBackend):
    """A gateway of one's own: POST `{"phone", "text", "kind", "params"}` as JSON to `SMS_GATEWAY_URL`.

    `SMS_GATEWAY_TOKEN`, when set, is sent as `Authorization: Bearer <token>`; `SMS_GATEWAY_TIMEOUT`
    (seconds, default 5) bounds the call. A 4xx answer (other than 429) is a refusal that is not
    retried; 429, 5xx, a timeout or a refused connection are retried.
    """

    def send(self, message):
        url = getattr(settings, "SMS_GATEWAY_URL", "")
        if not url.startswith(("http://", "https://")):
            raise RuntimeError("SMS_GATEWAY_URL is not set to an http(s) URL")
        headers = {"Content-Type": "application/json; charset=utf-8"}
        token = getattr(settings, "SMS_GATEWAY_TOKEN", "")
        if token:
            headers["Authorization"] = f"Bearer {token}"
        payload = {"phone": message.phone, "text": message.text, "kind": message.kind, "params": message.params}
        body = json.dumps(payload, ensure_ascii=False).encode()
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310 - http(s) only
        timeout = float(getattr(settings, "SMS_GATEWAY_TIMEOUT", 5))
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only
                if not 200 <= response.status < 300:
                    raise RuntimeError(f"SMS gateway answered {response.status}")
        except urllib.error.HTTPError as exc:
            retry = exc.code == 429 or exc.code >= 500
            raise SmsError(exc.code, "SMS gateway refused the message", retry=retry) from exc


def sms_backend():
    return import_string(getattr(settings, "SMS_BACKEND", DEFAULT_BACKEND) or DEFAULT_BACKEND)()


def sign_name():
    """The sign name from the admin's SMS settings, else the `SMS_SIGN_NAME` setting."""
    from ..models import SmsSettings

    try:
        name = SmsSettings.load().sign_name
    except Exception:  # noqa: BLE001 - a missing table must not stop a message; fall back to settings
        name = ""
    return name or getattr(settings, "SMS_SIGN_NAME", "")


def parts(text, sign=""):
    """How many billed messages `text` costs with its `【sign】`: 70 characters fit one, longer texts
    go in parts of 67 (both vendors count every Chinese or Latin character, digit, space and mark as one)."""
    length = len(text) + (len(sign) + 2 if sign else 0)
    return 1 if length <= 70 else -(-length // 67)
