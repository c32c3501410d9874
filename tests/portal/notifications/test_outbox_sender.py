"""The outbox sender process (`send_notifications --follow`, NOTIFICATIONS_SENDER=worker)."""

import threading
import time

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from portal.notifications import outbox as notifications
from portal.notifications.models import Notification
from portal.workorders import services
from tests.factories import submission


@pytest.fixture
def worker_mode(settings):
    settings.NOTIFICATIONS_SENDER = "worker"


def test_in_worker_mode_the_web_process_leaves_the_message_to_the_sender(
    worker_mode, sms_outbox, category, building, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        order = services.submit(submission(category, building))
    assert sms_outbox == []
    assert Notification.objects.get(work_order=order).status == "pending"

    assert notifications.send_pending() == (1, 0)
    sms = Notification.objects.get(work_order=order)
    assert sms.status == "sent" and sms.attempts == 1 and sms.sent_at is not None
    assert sms_outbox == [("13800001234", sms.body)]


def test_a_burst_is_sent_in_batches_and_each_message_once(
    worker_mode, sms_outbox, category, building, django_assert_max_num_queries
):
    count = notifications.BATCH * 2 + 3
    for i in range(count):
        services.submit(submission(category, building, phone=f"1380000{i:04d}"))
    # Per batch: claim (select + lease update, savepoints); per message: "sending" before the vendor
    # is called and "sent" after (so a killed sender never causes a second send); then the clean-up
    # of messages left in doubt or expired and the final empty claim.
    with django_assert_max_num_queries(3 * 5 + 2 * count + 5):
        assert notifications.send_pending() == (count, 0)
    assert sorted(phone for phone, _text in sms_outbox) == sorted(f"1380000{i:04d}" for i in range(count))
    assert not Notification.objects.exclude(status="sent").exists()
    assert notifications.send_pending() == (0, 0)


def test_messages_claimed_by_another_sender_are_not_sent_twice(worker_mode, sms_outbox, category, building):
    order = services.submit(submission(category, building))
    now = timezone.now()
    [claimed] = notifications.claim(Notification.objects.all(), now)  # another sender took it
    assert claimed.work_order_id == order.pk

    assert notifications.send_pending(now=now) == (0, 0)
    assert sms_outbox == []
    # That sender died before starting it: once its lease is over, the message goes out.
    assert notifications.send_pending(now=now + notifications.LEASE) == (1, 0)
    assert len(sms_outbox) == 1


class GatewayDown:
    def send(self, message):
        raise ConnectionError("gateway unreachable")


def test_a_failure_in_a_batch_is_retried_and_the_rest_are_sent(worker_mode, settings, category, building):
    from portal.notifications.sms import LocmemSmsBackend

    LocmemSmsBackend.outbox.clear()
    services.submit(submission(category, building, phone="13800000001"))
    services.submit(submission(category, building, phone="13800000002", email="r@example.com"))
    settings.SMS_BACKEND = "tests.portal.notifications.test_outbox_sender.GatewayDown"
    assert notifications.send_pending() == (1, 2)  # the email went, both SMS failed
    failed = Notification.objects.filter(channel="sms")
    assert {n.status for n in failed} == {"pending"} and {n.attempts for n in failed} == {1}
    assert all("unreachable" in n.last_error and n.next_attempt_at > timezone.now() for n in failed)

    settings.SMS_BACKEND = "portal.notifications.sms.LocmemSmsBackend"
    assert notifications.send_pending(now=timezone.now() + notifications.LEASE) == (2, 0)
    assert {(n.status, n.attempts) for n in Notification.objects.filter(channel="sms")} == {("sent", 2)}


@pytest.mark.django_db(transaction=True)
def test_follow_sends_what_arrives_while_it_runs(worker_mode, sms_outbox, category, building):
    stop = threading.Event()
    reports = []

    def sender():
        try:
            notifications.follow(interval=0.05, stop=stop.is_set, report=lambda *counts: reports.append(counts))
        finally:
            connection.close()  # this thread's connection

    thread = threading.Thread(target=sender)
    thread.start()
    try:
        time.sleep(0.2)  # the sender is waiting on an empty outbox
        order = services.submit(submission(category, building))
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not sms_outbox:
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join(10)
    assert not thread.is_alive(), "the sender did not stop when asked"
    assert sms_outbox and order.number in sms_outbox[0][1]
    assert (1, 0) in reports
    assert Notification.objects.get(work_order=order).status == "sent"


@pytest.mark.parametrize("value", ["abc", "0", "-1", "99999"])
def test_follow_refuses_a_bad_interval_in_the_users_language(db, value):
    with pytest.raises(CommandError) as error:
        call_command("send_notifications", "--follow", "--interval", value)
    assert "不是有效的间隔" in str(error.value)
