"""Notifications through an outbox.

Service functions call `queue()` inside their transaction, so a message exists exactly when the
state change does. After commit the new messages are sent; a failure only records the error and
schedules a retry (`manage.py send_notifications` sends and retries what is due). A failing SMS
gateway therefore never blocks or loses a state change.

Within a web request the messages are sent after the response has gone out (`after_response`):
the resident has the receipt without waiting for the gateway, and a slow or hanging gateway costs
the worker's time, not the resident's. Elsewhere (commands, the shell) they are sent at commit.

SMS goes through the backend named by `SMS_BACKEND` (default: log the message; `WebhookSmsBackend`
posts JSON to the gateway at `SMS_GATEWAY_URL`); email through Django's mail backend.
"""

import abc
import json
import logging
import threading
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import Notification

logger = logging.getLogger(__name__)


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
    # no ids back from bulk inserts leaves them to the `send_notifications` worker.
    if created and all(n.pk for n in created):
        transaction.on_commit(lambda: after_response(lambda: send_now(created)))
    return created


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
    """Deliver one message and record the outcome on its row; True when it was sent."""
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
        sent = False
    else:
        notification.attempts += 1
        notification.status = Notification.Status.SENT
        notification.sent_at = timezone.now()
        notification.last_error = ""
        sent = True
    notification.save(update_fields=["attempts", "status", "sent_at", "last_error", "next_attempt_at"])
    return sent


def send_now(notifications):
    """Send messages just queued (after their transaction committed); return (sent, failed)."""
    now = timezone.now()
    results = [_attempt(n, now) for n in notifications if n.status == Notification.Status.PENDING]
    return sum(results), len(results) - sum(results)


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


def send_pending(queryset=None, now=None):
    """Send due pending messages; return (sent, failed). Never raises for a delivery error."""
    now = now or timezone.now()
    queryset = Notification.objects.all() if queryset is None else queryset
    due = queryset.filter(status=Notification.Status.PENDING, next_attempt_at__lte=now).order_by("pk")
    sent = failed = 0
    for notification in due:
        if _attempt(notification, now):
            sent += 1
        else:
            failed += 1
    return sent, failed
