"""Retention: expired personal data is scrubbed by a command that is safe to run repeatedly."""

import datetime

from django.core.management import call_command
from django.utils import timezone

from portal.accounts.models import AuditLog, PrivacySettings, ResidentProfile
from portal.grids.models import Household
from tests.factories import HouseholdFactory, user_with_role


def test_anonymise_expired_is_idempotent(world, capsys):
    settings = PrivacySettings.load()
    settings.retention_days = 30
    settings.save()
    old = timezone.now() - datetime.timedelta(days=40)
    empty_home = HouseholdFactory(unit=world.unit_a, room="901", head_name="赵六", phone="13700001111", active=False)
    Household.objects.filter(pk=empty_home.pk).update(updated_at=old)
    recent_empty = HouseholdFactory(unit=world.unit_a, room="902", head_name="钱七", active=False)
    rejected = ResidentProfile.objects.create(
        user=user_with_role("someone"),
        real_name="孙八",
        phone="13600002222",
        status=ResidentProfile.Status.REJECTED,
        decided_at=old,
    )

    call_command("anonymise_expired")
    empty_home.refresh_from_db()
    rejected.refresh_from_db()
    recent_empty.refresh_from_db()
    assert (empty_home.head_name, empty_home.phone) == ("", "")
    assert (rejected.real_name, rejected.phone) == ("", "")
    assert recent_empty.head_name == "钱七"
    assert world.household_a.head_name == Household.objects.get(pk=world.household_a.pk).head_name == "张三丰"
    assert AuditLog.objects.filter(action=AuditLog.Action.ANONYMISE).count() == 1

    call_command("anonymise_expired")  # a second run finds nothing more to do
    assert AuditLog.objects.filter(action=AuditLog.Action.ANONYMISE).count() == 1


def test_closed_requests_are_anonymised_after_the_period_and_statistics_stay(world):
    from portal.stats import figures
    from portal.workorders import services as wo
    from portal.workorders.models import WorkOrder
    from tests.factories import submit_request

    manager = world.users["manager"]
    # Over a year ago (retention: 365 days), on the 10th, so that the whole story (submitted, resolved
    # and rated within hours) falls inside the month counted below whatever today's date and time are.
    long_ago = (timezone.now() - datetime.timedelta(days=400)).replace(day=10, hour=2, minute=0)
    old = submit_request(world, world.unit_a, name="周九", phone="13511112222", room="601", submitted_at=long_ago)
    wo.accept(old, actor=manager, at=long_ago)
    wo.resolve(old, actor=manager, note="已联系周九 13511112222 处理", at=long_ago + datetime.timedelta(hours=3))
    wo.rate(old, speed=5, quality=5, attitude=5, comment="周九很满意", at=long_ago + datetime.timedelta(hours=4))
    open_old = submit_request(world, world.unit_a, name="吴十", phone="13533334444", submitted_at=long_ago)

    call_command("anonymise_expired")
    old.refresh_from_db()
    assert (old.name, old.phone, old.room, old.unit, old.description) == ("", "", "", None, "")
    assert old.status == "closed" and old.category == world.category and old.grid == world.grid_a
    assert not old.transitions.exclude(note="").exists()
    assert old.ratings.get().comment == "" and old.ratings.get().satisfied
    assert WorkOrder.objects.get(pk=open_old.pk).phone == "13533334444"  # still open: kept
    assert WorkOrder.objects.get(pk=world.order_a.pk).name == "张三丰"  # recent: kept

    start = long_ago.date().replace(day=1)
    totals = figures.summary(start, start.replace(day=28))["requests"]["totals"]
    assert totals["satisfaction_rate"] == 1.0 and totals["total"] == 2

    before = AuditLog.objects.filter(action=AuditLog.Action.ANONYMISE).count()
    call_command("anonymise_expired")
    assert AuditLog.objects.filter(action=AuditLog.Action.ANONYMISE).count() == before
