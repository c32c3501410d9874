"""The SMS interface and the generic webhook gateway backend, against a real local HTTP server."""

import json
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.utils import timezone

from portal.notifications.models import Notification
from portal.notifications.sms import SmsError, SmsMessage, WebhookSmsBackend
from portal.workorders import services
from tests.factories import submission


class Gateway:
    """A local HTTP SMS gateway: records each POST, answers with `status` after `delay` seconds."""

    def __init__(self):
        self.received = []
        self.status = 200
        self.delay = 0
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server API
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                time.sleep(gateway.delay)
                gateway.received.append(
                    {"path": self.path, "headers": dict(self.headers), "json": json.loads(body.decode())}
                )
                self.send_response(gateway.status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}/sms/send"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def gateway(settings):
    server = Gateway()
    settings.SMS_BACKEND = "portal.notifications.sms.WebhookSmsBackend"
    settings.SMS_GATEWAY_URL = server.url
    settings.SMS_GATEWAY_TOKEN = "s3cret"
    settings.SMS_GATEWAY_TIMEOUT = 2
    yield server
    server.close()


def test_webhook_backend_posts_json_with_the_token(gateway):
    WebhookSmsBackend().send(SmsMessage("13800001234", "您的报事已受理", kind="accept", params={"number": "1"}))
    [call] = gateway.received
    assert call["path"] == "/sms/send"
    assert call["json"] == {
        "phone": "13800001234",
        "text": "您的报事已受理",
        "kind": "accept",
        "params": {"number": "1"},
    }
    assert call["headers"]["Authorization"] == "Bearer s3cret"
    assert call["headers"]["Content-Type"].startswith("application/json")


def test_a_request_notifies_the_resident_through_the_gateway(
    gateway, category, building, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        order = services.submit(submission(category, building))
    sent = Notification.objects.get(work_order=order)
    assert sent.status == "sent"
    [call] = gateway.received
    assert call["json"]["phone"] == "13800001234"
    assert order.number in call["json"]["text"]


@pytest.mark.django_db(transaction=True)
def test_the_receipt_does_not_wait_for_a_slow_gateway(live_server, gateway, category, building):
    """A real server: the resident has the receipt at once, the SMS follows once the gateway answers."""
    from tests.portal.workorders.test_api import BASE, submit_form

    gateway.delay = 1.0  # under the 2 s gateway timeout of the fixture
    body = urllib.parse.urlencode(submit_form(category, building)).encode()
    request = urllib.request.Request(f"{live_server.url}{BASE}/requests", data=body, method="POST")  # noqa: S310
    started = time.monotonic()
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - the local live server
        receipt = json.loads(response.read())
        took = time.monotonic() - started
    assert response.status == 201
    assert took < gateway.delay, f"the receipt waited {took:.2f} s for the gateway"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        sms = Notification.objects.get(work_order__number=receipt["number"], channel="sms")
        if sms.status == "sent":
            break
        time.sleep(0.1)
    assert sms.status == "sent" and sms.attempts == 1
    [call] = gateway.received
    assert receipt["number"] in call["json"]["text"]


def test_a_refusing_gateway_is_retried_until_it_answers(gateway, category, building):
    gateway.status = 503
    order = services.submit(submission(category, building))
    call_command("send_notifications")
    pending = Notification.objects.get(work_order=order)
    assert pending.status == "pending" and "503" in pending.last_error

    gateway.status = 200
    Notification.objects.filter(pk=pending.pk).update(next_attempt_at=timezone.now())
    call_command("send_notifications")
    assert Notification.objects.get(pk=pending.pk).status == "sent"
    assert len(gateway.received) == 2


def test_an_unreachable_gateway_is_recorded_not_raised(settings, category, building):
    server = Gateway()
    url = server.url
    server.close()  # nothing listens there any more
    settings.SMS_BACKEND = "portal.notifications.sms.WebhookSmsBackend"
    settings.SMS_GATEWAY_URL = url
    order = services.submit(submission(category, building))
    call_command("send_notifications")
    pending = Notification.objects.get(work_order=order)
    assert pending.status == "pending" and pending.attempts == 1 and pending.last_error


def test_a_gateway_refusing_the_message_itself_is_not_retried(gateway):
    gateway.status = 400
    with pytest.raises(SmsError) as refused:
        WebhookSmsBackend().send(SmsMessage("13800001234", "x"))
    assert refused.value.retry is False
    gateway.status = 429
    with pytest.raises(SmsError) as throttled:
        WebhookSmsBackend().send(SmsMessage("13800001234", "x"))
    assert throttled.value.retry is True
