"""Masking helpers and the audit log."""

import pytest

from portal.accounts import audit
from portal.accounts.models import AuditLog
from portal.common.masking import mask_name, mask_phone


@pytest.mark.parametrize(
    ("raw", "masked"),
    [
        ("13812341234", "138****1234"),
        ("138 1234 1234", "138****1234"),
        ("0536-8101010", "*******1010"),
        ("123", "***"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_phone(raw, masked):
    assert mask_phone(raw) == masked


@pytest.mark.parametrize(("raw", "masked"), [("张三", "张*"), ("欧阳娜娜", "欧***"), ("王", "*"), ("", "")])
def test_mask_name(raw, masked):
    assert mask_name(raw) == masked


def test_audit_record_keeps_who_and_what(world):
    entry = audit.record(world.users["manager"], AuditLog.Action.REVEAL, world.household_a, "x" * 400)
    assert (entry.actor_name, entry.object_type, entry.object_id) == (
        "manager",
        "grids.household",
        str(world.household_a.pk),
    )
    assert len(entry.detail) == 255


def test_audit_log_admin_is_for_managers(client, world):
    audit.record(world.users["steward_a"], AuditLog.Action.ROSTER_VIEW, world.care_a, "detail")
    client.force_login(world.users["manager"])
    response = client.get("/admin/accounts/audit-log/")
    assert response.status_code == 200 and "steward_a" in response.content.decode()
    client.force_login(world.users["steward_a"])
    assert client.get("/admin/accounts/audit-log/").status_code == 302
