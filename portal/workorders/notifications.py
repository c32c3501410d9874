"""Notifications through an outbox.

Service functions call `queue()` inside their transaction, so a message exists exactly when the
state change does; a failure to send only records the error and schedules a retry. A failing SMS
gateway therefore never blocks or loses a state change.

Who sends, `NOTIFICATIONS_SENDER`:

- "request" (the default): the web process that made the change, after the response has gone out
  (`after_response`: the resident has the receipt without waiting for the gateway); outside a web
  request (commands, the shell), at commit. `manage.py send_notifications` (cron) retries failures.
- "worker" (`make serve`, recommended in production): a separate `manage.py send_notifications
  --follow` process sends the outbox as it fills, within about a second, in batches. Web workers
  then never wait for a gateway, not even after the response, and a burst of requests costs one
  "sent" UPDATE per batch instead of one per message.

`send_pending` (the --follow sender and the cron job) claims the messages it is about to send
(`claim`: `SELECT … FOR UPDATE SKIP LOCKED`, then a lease), so two such senders never send the same
message, and one that dies mid-batch leaves its messages to be sent again when the lease ends: at
least once, never lost. (In the "request" mode a web process sends the rows it just wrote without
claiming them; a cron run at that very moment could send one of them a second time.)

SMS goes through the backend named by `SMS_BACKEND` (default: log the message; `WebhookSmsBackend`
posts JSON to the gateway at `SMS_GATEWAY_URL`); email through Django's mail backend.
"""

import abc
import json
import logging
import threading
import time
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.core.signals import request_finished, request_started
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import Notification

logger = logging.getLogger(__name__)

BATCH = 20  # messages claimed at once by a sender
# A claimed message not sent or failed by then (its sender died) is due again. Longer than a batch
# can take with a hanging gateway (BATCH × SMS_GATEWAY_TIMEOUT, 100 s at the default 5 s).
LEASE = timedelta(minutes=5)


class BaseSmsBackend(abc.ABC):
    """The SMS interface: a deployment plugs in its gateway by naming a subclass in `SMS_BACKEND`.

    `send()` delivers one text message and raises any exception when the gateway refuses or
    fails; the outbox records the error and retries later.
    """

    @abc.abstractmethod
    def send(self, phone, text):
        """Deliver `text` to the mainland mobile number `phone` (11 digits)."""


class LoggingSmsBackend(BaseSmsBackend):
    """The default: write the message to the log. Replace with a gateway in production."""

    def send(self, phone, text):
        logger.info("SMS to %s: %s", phone, text)


class LocmemSmsBackend(BaseSmsBackend):
    """Keeps messages in `LocmemSmsBackend.outbox`, like Django's locmem mail backend (for tests)."""

    outbox = []

    def send(self, phone, text):
        LocmemSmsBackend.outbox.append((phone, text))


class WebhookSmsBackend(BaseSmsBackend):
    """A generic HTTP gateway: POST `{"phone": ..., "text": ...}` as JSON to `SMS_GATEWAY_URL`.

    `SMS_GATEWAY_TOKEN`, when set, is sent as `Authorization: Bearer <token>`; `SMS_GATEWAY_TIMEOUT`
    (seconds, default 5) bounds the call. Any answer other than 2xx, a timeout or a refused
    connection raises, so the outbox retries the message.
    """

    def send(self, phone, text):
        url = getattr(settings, "SMS_GATEWAY_URL", "")
        if not url.startswith(("http://", "https://")):
            raise RuntimeError("SMS_GATEWAY_URL is not set to an http(s) URL")
        headers = {"Content-Type": "application/json; charset=utf-8"}
        token = getattr(settings, "SMS_GATEWAY_TOKEN", "")
        if token:
            headers["Authorization"] = f"Bearer {token}"
        body = json.dumps({"phone": phone, "text": text}, ensure_ascii=False).encode()
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310 - http(s) only
        timeout = float(getattr(settings, "SMS_GATEWAY_TIMEOUT", 5))
        # urlopen raises HTTPError for 4xx/5xx answers.
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) only
            if not 200 <= response.status < 300:
                raise RuntimeError(f"SMS gateway answered {response.status}")


def sms_backend():
    path = getattr(settings, "SMS_BACKEND", "portal.workorders.notifications.LoggingSmsBackend")
    return import_string(path)()


def queue(work_order, event, text, *, subject=""):
    """Write outbox rows for the resident (SMS, and email when known); send them after commit."""
    rows = []
    if work_order.phone:
        rows.append(
            Notification(
                work_order=work_order,
                event=event,
                channel=Notification.Channel.SMS,
                recipient=work_order.phone,
                body=text,
            )
        )
    if work_order.email:
        rows.append(
            Notification(
                work_order=work_order,
                event=event,
                channel=Notification.Channel.EMAIL,
                recipient=work_order.email,
                subject=subject or text[:100],
                body=text,
            )
        )
    created = Notification.objects.bulk_create(rows)
    # The rows just written, sent as they are after commit (no second read). A database that gives
    # no ids back from bulk inserts leaves them to `send_notifications`, as does the worker mode.
    if created and not sent_by_worker() and all(n.pk for n in created):
        transaction.on_commit(lambda: after_response(lambda: send_now(created)))
    return created


def sent_by_worker():
    """True when a `send_notifications --follow` process sends the outbox, not the web process."""
    return getattr(settings, "NOTIFICATIONS_SENDER", "request") == "worker"


def queue_staff(work_order, event, text, recipients, *, subject=""):
    rows = [
        Notification(
            work_order=work_order,
            event=event,
            channel=Notification.Channel.EMAIL,
            recipient=email,
            subject=subject or text[:100],
            body=text,
        )
        for email in recipients
        if email
    ]
    return Notification.objects.bulk_create(rows)


def _deliver(notification):
    if notification.channel == Notification.Channel.SMS:
        sms_backend().send(notification.recipient, notification.body)
    else:
        send_mail(notification.subject, notification.body, None, [notification.recipient])


def _attempt(notification, now):
    """Deliver one message; on failure record it on the row (retry with back-off). True when sent.

    A sent message is not saved here: the caller marks a whole batch sent in one statement."""
    try:
        _deliver(notification)
    except Exception as exc:  # noqa: BLE001 - any gateway failure is recorded and retried
        notification.attempts += 1
        notification.last_error = f"{type(exc).__name__}: {exc}"[:300]
        if notification.attempts >= Notification.MAX_ATTEMPTS:
            notification.status = Notification.Status.FAILED
        else:
            # 1, 2, 4, 8 minutes...
            notification.next_attempt_at = now + timedelta(minutes=2 ** (notification.attempts - 1))
        logger.warning("Notification %s failed (attempt %s): %s", notification.pk, notification.attempts, exc)
        notification.save(update_fields=["attempts", "status", "last_error", "next_attempt_at"])
        return False
    return True


def _send(notifications, now):
    """Deliver `notifications`, mark the delivered ones sent in one statement; return (sent, failed)."""
    delivered = [n for n in notifications if _attempt(n, now)]
    if delivered:
        sent_at = timezone.now()
        Notification.objects.filter(pk__in=[n.pk for n in delivered]).update(
            status=Notification.Status.SENT, attempts=F("attempts") + 1, sent_at=sent_at, last_error=""
        )
        for n in delivered:
            n.status, n.attempts, n.sent_at, n.last_error = Notification.Status.SENT, n.attempts + 1, sent_at, ""
    return len(delivered), len(notifications) - len(delivered)


def send_now(notifications):
    """Send messages just queued (after their transaction committed); return (sent, failed)."""
    return _send([n for n in notifications if n.status == Notification.Status.PENDING], timezone.now())


# --- after the response ------------------------------------------------------------------------

_request = threading.local()


def after_response(task):
    """Run `task` once the current web request's response has been sent, or now outside a request.

    Django sends `request_finished` when the server closes the response, after the client has it.
    A task that raises is logged; the messages it was sending stay pending in the outbox, which
    `send_notifications` retries, so nothing is lost if the process dies before it runs.
    """
    tasks = getattr(_request, "tasks", None)
    if tasks is None:
        task()
    else:
        tasks.append(task)


def _request_started(**kwargs):
    _request.tasks = []


def _request_finished(**kwargs):
    tasks, _request.tasks = getattr(_request, "tasks", None), None
    for task in tasks or ():
        try:
            task()
        except Exception:  # noqa: BLE001 - never break the server's close(); the outbox retries
            logger.exception("A task after the response failed; its messages stay in the outbox")


request_started.connect(_request_started, dispatch_uid="workorders-after-response-start")
request_finished.connect(_request_finished, dispatch_uid="workorders-after-response-finish")


def claim(queryset, now, limit=BATCH):
    """Up to `limit` due pending messages, taken for this sender: no other sender gets them until
    `LEASE` has passed (rows another sender has locked are skipped, not waited for)."""
    with transaction.atomic():
        due = list(
            queryset.filter(status=Notification.Status.PENDING, next_attempt_at__lte=now)
            .order_by("next_attempt_at", "pk")
            .select_for_update(skip_locked=True)[:limit]
        )
        if due:
            Notification.objects.filter(pk__in=[n.pk for n in due]).update(next_attempt_at=now + LEASE)
    return due


def send_pending(queryset=None, now=None):
    """Send due pending messages, a batch at a time; return (sent, failed). Never raises for a
    delivery error (a database error does raise: nothing was sent that is not recorded as claimed)."""
    now = now or timezone.now()
    queryset = Notification.objects.all() if queryset is None else queryset
    sent = failed = 0
    while batch := claim(queryset, now):
        batch_sent, batch_failed = _send(batch, now)
        sent, failed = sent + batch_sent, failed + batch_failed
    return sent, failed


def follow(*, interval=1.0, stop=lambda: False, report=None):
    """Send the outbox as it fills until `stop()` is true: `send_notifications --follow`.

    Looks for due messages every `interval` seconds while there are none. A database outage is
    logged and waited out (the connection is dropped and opened again on the next pass), so the
    sender outlives a PostgreSQL restart. `report(sent, failed)` is called after each pass that
    tried something.
    """
    while not stop():
        try:
            sent, failed = send_pending()
        except DatabaseError as exc:
            logger.warning("Outbox sender: database unavailable (%s); trying again in %.1f s", exc, interval)
            connection.close()
            sent = failed = 0
        if sent or failed:
            if report is not None:
                report(sent, failed)
            continue
        deadline = time.monotonic() + interval
        while not stop() and time.monotonic() < deadline:
            time.sleep(min(0.1, interval))
