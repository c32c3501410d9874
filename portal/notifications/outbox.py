"""The outbox: every message is a row written in the transaction of the change that causes it, and
sent after commit. A failing SMS vendor never blocks or loses a state change.

Who sends, `NOTIFICATIONS_SENDER`:

- "request" (the default): the web process that made the change, after the response has gone out
  (`after_response`); outside a web request (commands, the shell), at commit.
  `manage.py send_notifications` (cron) retries failures.
- "worker" (`make serve`, recommended in production): a separate `manage.py send_notifications
  --follow` process sends the outbox as it fills, within about a second, in batches.

Nothing is sent twice, even when a sender is killed mid-batch: a sender takes each message with a
conditional UPDATE (pending → sending) that commits before the vendor is called, and marks it sent
right after. A message found still "sending" once its sender's lease (`LEASE`) has run out may or
may not have gone out; it is never sent again automatically but ends in the dead letters ("failed")
with that reason, for staff to check. So at most one message per killed sender is in doubt, and no
resident gets the same text twice. Messages a killed sender had claimed but not started are sent by
the next sender when the lease ends.

Retries follow the message kind's `RetryPolicy` (attempts, back-off, maximum age); a vendor refusal
that cannot change (`SmsError(retry=False)`: bad template, bad number) goes to the dead letters at once.
"""

import logging
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.core.signals import request_finished, request_started
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone, translation

from . import kinds as kinds_registry
from . import sms
from .models import Notification, Preference, SmsTemplate

logger = logging.getLogger(__name__)

BATCH = 20  # messages claimed at once by a sender
# A claimed message not sent or failed by then (its sender died) is due again. Longer than a batch
# can take with a hanging gateway (BATCH × SMS_GATEWAY_TIMEOUT, 100 s at the default 5 s).
LEASE = timedelta(minutes=5)
IN_DOUBT = "The sender stopped while sending this message; it may have gone out, so it is not sent again."


def sent_by_worker():
    """True when a `send_notifications --follow` process sends the outbox, not the web process."""
    return getattr(settings, "NOTIFICATIONS_SENDER", "request") == "worker"


# --- queueing ------------------------------------------------------------------------------------


def channels_for(kind, user=None):
    """The channels `kind` goes by for `user`: their choice on the account page, else all of the kind's."""
    if user is not None and getattr(user, "pk", None) and kind.choosable:
        choice = Preference.objects.filter(user=user, kind=kind.name).values_list("channel", flat=True).first()
        if choice == Preference.Choice.NONE:
            return ()
        if choice:
            return (choice,) if choice in kind.channels else ()
    return kind.channels


def queue_message(kind_name, params, *, phone="", email="", user=None, work_order=None, subject="", send=True):
    """Write the outbox rows of one message of `kind_name` to one person, by the channels they chose
    (or all the kind has, where an address is known); send them after commit. Returns the rows."""
    kind = kinds_registry.get(kind_name)
    if kind is None:
        raise ValueError(f"Unknown message kind {kind_name!r}")
    params = {name: "" if params.get(name) is None else str(params.get(name)) for name in kind.params}
    with translation.override("zh-hans"):
        text = kind.render(params)
        subject = str(subject) if subject else text.splitlines()[0][:100]
    now = timezone.now()
    expires_at = now + kind.retry.max_age if kind.retry.max_age else None
    addresses = {"sms": phone, "email": email}
    rows = [
        Notification(
            work_order=work_order,
            event=kind.name,
            channel=channel,
            recipient=addresses[channel],
            subject=subject[:200] if channel == "email" else "",
            body=text,
            params=params,
            expires_at=expires_at,
            created_at=now,
            next_attempt_at=now,
        )
        for channel in channels_for(kind, user)
        if addresses.get(channel)
    ]
    created = Notification.objects.bulk_create(rows)
    # The rows just written, sent as they are after commit (no second read). A database that gives
    # no ids back from bulk inserts leaves them to `send_notifications`, as does the worker mode.
    if send and created and not sent_by_worker() and all(n.pk for n in created):
        transaction.on_commit(lambda: after_response(lambda: send_now(created)))
    return created


# --- sending -------------------------------------------------------------------------------------


def _sms_message(notification, backend):
    kind = notification.kind
    names = kind.params if kind else tuple(notification.params)
    message = sms.SmsMessage(
        phone=notification.recipient,
        text=notification.body,
        kind=notification.event,
        params={name: str(notification.params.get(name, "")) for name in names},
        secret=kind.secret if kind else (),
        out_id=str(notification.pk),
    )
    if getattr(backend, "needs_template", False):
        template = SmsTemplate.objects.filter(kind=notification.event, active=True).first()
        if template is None:
            raise sms.SmsError("no_template", f"no SMS template for “{notification.event}” in the admin", retry=False)
        message.template_code = template.template_code
        message.sign_name = sms.sign_name()
        message.params = kinds_registry.limit_params(message.params, names, getattr(backend, "vendor", "default"))
    return message


def _deliver(notification):
    if notification.channel == Notification.Channel.SMS:
        backend = sms.sms_backend()
        backend.send(_sms_message(notification, backend))
    else:
        send_mail(notification.subject, notification.body, None, [notification.recipient])


def _take(notification, now):
    """Mark `notification` as being sent, if still pending; False when another sender has it."""
    taken = Notification.objects.filter(pk=notification.pk, status=Notification.Status.PENDING).update(
        status=Notification.Status.SENDING, attempts=F("attempts") + 1, next_attempt_at=now + LEASE
    )
    if taken:
        notification.status, notification.attempts = Notification.Status.SENDING, notification.attempts + 1
    return bool(taken)


def _attempt(notification, now):
    """Take, deliver and record one message; True when sent. Every step commits on its own."""
    if notification.expires_at and notification.expires_at <= now:
        Notification.objects.filter(pk=notification.pk, status=Notification.Status.PENDING).update(
            status=Notification.Status.FAILED, last_error="Expired before it could be sent."
        )
        return False
    if not _take(notification, now):
        return False
    try:
        _deliver(notification)
    except Exception as exc:  # noqa: BLE001 - any gateway failure is recorded and maybe retried
        kind = notification.kind
        policy = kind.retry if kind else kinds_registry.RetryPolicy(max_attempts=Notification.MAX_ATTEMPTS)
        retry = getattr(exc, "retry", True)
        notification.last_error = f"{type(exc).__name__}: {exc}"[:300]
        next_at = now + policy.delay(notification.attempts)
        expired = notification.expires_at is not None and next_at >= notification.expires_at
        if not retry or notification.attempts >= policy.max_attempts or expired:
            notification.status = Notification.Status.FAILED
        else:
            notification.status = Notification.Status.PENDING
            notification.next_attempt_at = next_at
        logger.warning(
            "Notification %s (%s) failed, attempt %s%s: %s",
            notification.pk,
            notification.event,
            notification.attempts,
            "" if notification.status == Notification.Status.PENDING else ", given up",
            notification.last_error,
        )
        notification.save(update_fields=["status", "last_error", "next_attempt_at"])
        return False
    notification.status, notification.sent_at, notification.last_error = Notification.Status.SENT, timezone.now(), ""
    update = {"status": notification.status, "sent_at": notification.sent_at, "last_error": ""}
    if notification.kind and notification.kind.secret:
        # A login code has done its job once sent: keep no copy of it.
        notification.body = notification.shown_body
        notification.params = {}
        update.update(body=notification.body, params={})
    Notification.objects.filter(pk=notification.pk).update(**update)
    return True


def _send(notifications, now):
    sent = sum(1 for n in notifications if _attempt(n, now))
    return sent, len(notifications) - sent


def send_now(notifications):
    """Send messages just queued (after their transaction committed); return (sent, failed)."""
    return _send([n for n in notifications if n.status == Notification.Status.PENDING], timezone.now())


def give_up_in_doubt(now):
    """Messages left "sending" by a sender that died (lease over): dead letters, never resent."""
    return Notification.objects.filter(status=Notification.Status.SENDING, next_attempt_at__lte=now).update(
        status=Notification.Status.FAILED, last_error=IN_DOUBT
    )


def claim(queryset, now, limit=BATCH):
    """Up to `limit` due pending messages, taken for this sender: no other sender gets them until
    `LEASE` has passed (rows another sender has locked are skipped, not waited for)."""
    with transaction.atomic():
        due = list(
            queryset.filter(status=Notification.Status.PENDING, next_attempt_at__lte=now)
            .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
            .order_by("next_attempt_at", "pk")
            .select_for_update(skip_locked=True)[:limit]
        )
        if due:
            Notification.objects.filter(pk__in=[n.pk for n in due]).update(next_attempt_at=now + LEASE)
    return due


def expire(now):
    return Notification.objects.filter(status=Notification.Status.PENDING, expires_at__lte=now).update(
        status=Notification.Status.FAILED, last_error="Expired before it could be sent."
    )


def send_pending(queryset=None, now=None):
    """Send due pending messages, a batch at a time; return (sent, failed). Never raises for a
    delivery error (a database error does raise: nothing was sent that is not recorded as taken)."""
    now = now or timezone.now()
    give_up_in_doubt(now)
    expire(now)
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


request_started.connect(_request_started, dispatch_uid="notifications-after-response-start")
request_finished.connect(_request_finished, dispatch_uid="notifications-after-response-finish")
