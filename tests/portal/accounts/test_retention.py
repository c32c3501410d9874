"""Retention: expired personal data is scrubbed by a command that is safe to run repeatedly."""

import datetime

from django.core.management import call_command
from django.utils import timezone

from portal.accounts.models import AuditLog, PrivacySettings, ResidentProfile
from portal.grids.models import Household
from tests.portal.grids.factories import HouseholdFactory, user_with_role


def test_anonymise_expired_is_idempotent(world, capsys):
    settings = PrivacySettings.load()
    settings.retention_days = 30
    settings.save()
    old = timezone.now() - datetime.timedelta(days=40)
    empty_home = HouseholdFactory(unit=world.unit_a, room="901", head_name="赵六", phone="13700001111", active=False)
    Household.objects.filter(pk=empty_home.pk).update(updated_at=old)
    recent_empty = HouseholdFactory(unit=world.unit_a, room="902", head_name="钱七", active=False)
    rejected = ResidentProfile.objects.create(
        user=user_with_role("someone"), real_name="孙八", phone="13600002222",
        status=ResidentProfile.Status.REJECTED, decided_at=old,
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
