"""Nothing is sent twice after a crash: the real sender process (`send_notifications --follow`) is
killed with SIGKILL while the vendor (a loopback Aliyun endpoint) is answering the third message of
a batch; a second sender then finishes the outbox."""

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

from portal.notifications import outbox
from portal.notifications.models import Notification, SmsSettings, SmsTemplate

from . import vendors

ROOT = Path(__file__).resolve().parents[3]


def _wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.django_db(transaction=True)
def test_a_sender_killed_mid_batch_sends_nothing_twice_and_loses_nothing_else(settings):
    if connection.vendor != "postgresql":
        pytest.skip("the sender process needs the test database from outside: run with DATABASE_URL=postgres://…")
    server = vendors.VendorServer("aliyun")
    server.hold, server.hold_after = threading.Event(), 2  # the third message hangs at the vendor
    settings.NOTIFICATIONS_SENDER = "worker"
    settings.SMS_BACKEND = "portal.notifications.sms.aliyun.AliyunSmsBackend"
    settings.ALIYUN_SMS_ACCESS_KEY_ID = vendors.ALIYUN_KEY_ID
    settings.ALIYUN_SMS_ACCESS_KEY_SECRET = vendors.ALIYUN_SECRET
    settings.ALIYUN_SMS_ENDPOINT = server.endpoint
    sign = SmsSettings.load()
    sign.sign_name = "博悦物业"
    sign.save()
    SmsTemplate.objects.create(kind="accept", template_code="SMS_2001")
    phones = [f"1390000{i:04d}" for i in range(6)]
    for i, phone in enumerate(phones):
        outbox.queue_message("accept", {"number": f"BX{i}"}, phone=phone)

    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "NOTIFICATIONS_SENDER": "worker",
        "SMS_BACKEND": settings.SMS_BACKEND,
        "ALIYUN_SMS_ACCESS_KEY_ID": vendors.ALIYUN_KEY_ID,
        "ALIYUN_SMS_ACCESS_KEY_SECRET": vendors.ALIYUN_SECRET,
        "ALIYUN_SMS_ENDPOINT": server.endpoint,
        "SMS_GATEWAY_TIMEOUT": "30",
    }
    sender = subprocess.Popen(  # noqa: S603 - this project's own manage.py
        [sys.executable, "manage.py", "send_notifications", "--follow", "--interval", "0.1"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        assert _wait_for(lambda: len(server.requests) >= 3), sender.stderr.read1().decode() if sender.poll() else ""
        os.kill(sender.pid, signal.SIGKILL)
        sender.wait(10)
    finally:
        if sender.poll() is None:
            sender.kill()
        sender.stderr.close()
        server.hold.set()  # the vendor answers the third message: it did go out

    states = Counter(Notification.objects.values_list("status", flat=True))
    assert states == {"sent": 2, "sending": 1, "pending": 3}

    # The next sender, once the dead one's lease is over.
    later = timezone.now() + outbox.LEASE + timedelta(seconds=1)
    assert outbox.send_pending(now=later) == (3, 0)
    server.close()

    per_phone = Counter(r["query"]["PhoneNumbers"] for r in server.requests)
    assert set(per_phone) == set(phones)
    assert set(per_phone.values()) == {1}, f"sent twice: {per_phone}"
    in_doubt = Notification.objects.get(status="failed")
    assert in_doubt.last_error == outbox.IN_DOUBT
    assert Notification.objects.filter(status="sent").count() == 5
