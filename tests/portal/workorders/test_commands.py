"""Management commands: the outbox sender with retries, the SLA report, rating reminders, API keys."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from portal.accounts import roles
from portal.notifications.models import Notification
from portal.workorders import services
from portal.workorders.models import ApiToken, WorkOrder
from tests.factories import UserFactory, submission


class GatewayDown:
    """An SMS gateway that refuses every message (what a real outage looks like to the portal)."""

    def send(self, message):
        raise ConnectionError("gateway unreachable")


def test_failing_gateway_never_blocks_a_state_change_and_is_retried(
    settings, category, building, sms_outbox, django_capture_on_commit_callbacks
):
    settings.SMS_BACKEND = "tests.portal.workorders.test_commands.GatewayDown"
    with django_capture_on_commit_callbacks(execute=True):
        order = services.submit(submission(category, building))
    assert WorkOrder.objects.filter(pk=order.pk).exists()
    pending = Notification.objects.get(work_order=order)
    assert pending.status == "pending" and pending.attempts == 1 and "unreachable" in pending.last_error
    assert pending.next_attempt_at > timezone.now()

    call_command("send_notifications")  # not due yet: nothing tried
    assert Notification.objects.get(pk=pending.pk).attempts == 1

    Notification.objects.filter(pk=pending.pk).update(next_attempt_at=timezone.now())
    settings.SMS_BACKEND = "portal.notifications.sms.LocmemSmsBackend"
    call_command("send_notifications")
    sent = Notification.objects.get(pk=pending.pk)
    assert sent.status == "sent" and sent.attempts == 2
    assert sms_outbox[-1][0] == "13800001234"


def test_gives_up_after_max_attempts(settings, category, building):
    settings.SMS_BACKEND = "tests.portal.workorders.test_commands.GatewayDown"
    order = services.submit(submission(category, building))
    for _ in range(Notification.MAX_ATTEMPTS):
        Notification.objects.update(next_attempt_at=timezone.now())
        call_command("send_notifications")
    assert Notification.objects.get(work_order=order).status == "failed"


def test_email_goes_through_django_mail(category, building):
    services.submit(submission(category, building, email="resident@example.com"))
    call_command("send_notifications")
    assert any("resident@example.com" in m.to for m in mail.outbox)


def test_sla_report_tells_steward_and_managers(category, building, steward, capsys):
    manager = UserFactory(username="mgr", email="mgr@example.com")
    manager.groups.add(roles.ensure_roles()[roles.MANAGER])
    late = services.submit(submission(category, building), notify=False)
    WorkOrder.objects.filter(pk=late.pk).update(response_due=timezone.now() - timedelta(hours=1))
    services.submit(submission(category, building), notify=False)  # not late
    call_command("sla_report")
    out = capsys.readouterr().out
    assert late.number in out and ": 1" in out
    recipients = {m.to[0] for m in mail.outbox}
    assert recipients == {"mgr@example.com", steward.user.email}


def test_unrated_requests_get_exactly_one_reminder(category, building, sms_outbox):
    order = services.submit(submission(category, building), notify=False)
    services.resolve(services.accept(order, notify=False), notify=False, at=timezone.now() - timedelta(days=3))
    call_command("remind_unrated")
    call_command("remind_unrated")
    reminders = [t for p, t in sms_outbox if "请为报事" in t]
    assert len(reminders) == 1
    with pytest.raises(CommandError):
        call_command("remind_unrated", "--days", "lots")


def test_workorder_token_prints_a_key_once(capsys, db):
    UserFactory(username="city")
    call_command("workorder_token", "city", "12345 platform")
    raw = capsys.readouterr().out.strip()
    assert ApiToken.authenticate(raw).username == "city"
    assert raw not in ApiToken.objects.get().key_hash
    with pytest.raises(CommandError):
        call_command("workorder_token", "nobody", "x")


def test_the_overdue_digest_reaches_a_steward_with_a_work_mobile_by_sms(category, building, steward, sms_outbox):
    steward.phone = "13900001111"
    steward.save()
    late = services.submit(submission(category, building), notify=False)
    WorkOrder.objects.filter(pk=late.pk).update(response_due=timezone.now() - timedelta(hours=1))
    call_command("sla_report")
    [digest] = Notification.objects.filter(event="sla_report")
    assert digest.channel == "sms" and digest.recipient == "13900001111" and digest.status == "sent"
    assert digest.params == {"count": "1", "oldest": late.number}
    assert sms_outbox == [("13900001111", digest.body)] and "1" in digest.body
    assert steward.user.email not in {m.to[0] for m in mail.outbox}
