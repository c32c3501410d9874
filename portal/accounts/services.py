"""Resident actions on their own account: ask to be bound to a household, download and delete own data."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit, roles
from .models import AuditLog, ResidentProfile


@transaction.atomic
def request_binding(user, household, *, real_name="", phone=""):
    """A logged-in resident asks to be bound to a household; staff approve it later."""
    if household is None:
        raise ValidationError(_("We could not find that home; check building, unit and room."))
    profile, _created = ResidentProfile.objects.get_or_create(user=user)
    if profile.status == ResidentProfile.Status.APPROVED and profile.household_id == household.pk:
        return profile
    profile.household = household
    profile.real_name = real_name.strip()
    profile.phone = phone.strip()
    profile.status = ResidentProfile.Status.PENDING
    profile.decided_by = None
    profile.decided_at = None
    profile.save()
    return profile


def can_decide_bindings(user):
    return user.is_authenticated and (user.is_superuser or roles.has_role(user, roles.MANAGER))


@transaction.atomic
def decide_binding(staff, profile, approve):
    if not can_decide_bindings(staff):
        raise PermissionDenied
    profile.status = ResidentProfile.Status.APPROVED if approve else ResidentProfile.Status.REJECTED
    profile.decided_by = staff
    profile.decided_at = timezone.now()
    profile.save(update_fields=["status", "decided_by", "decided_at"])
    audit.record(staff, AuditLog.Action.BINDING, profile, profile.status)
    return profile


def _own_data_contributors():
    """The registry of personal data: every app (accounts itself aside) adds its rows of a resident's
    data by defining `own_data(user)` in its `privacy.py` (and `forget(user)`, `anonymise_expired(cutoff)`;
    `unclaimed(phone)` and `claim(phone, user)` for rows made with a phone number before the account
    existed, see `claims`). A module's `LABEL` names its part (default: the app label).

    Found by name, as Django finds `admin.py`: accounts imports no app it serves (the requests'
    part is `portal.workorders.privacy`, labelled "requests")."""
    from importlib import import_module

    from django.apps import apps

    for config in apps.get_app_configs():
        if not config.name.startswith(("portal.", "cms.")) or config.name == "portal.accounts":
            continue
        try:
            module = import_module(f"{config.name}.privacy")
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.privacy":
                raise
            continue
        yield getattr(module, "LABEL", config.label), module


def export_own_data(user):
    """Everything the portal holds about the user, as plain data (for a JSON download)."""
    profile = ResidentProfile.objects.filter(user=user).select_related("household__unit__building").first()
    data = {
        "account": {
            "username": user.get_username(),
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "date_joined": user.date_joined.isoformat(),
        },
        "resident_profile": None,
    }
    if profile is not None:
        data["resident_profile"] = {
            "status": profile.status,
            "name": profile.real_name,
            "phone": profile.phone,
            "household": str(profile.household) if profile.household else None,
            "requested_at": profile.requested_at.isoformat(),
        }
    for label, module in _own_data_contributors():
        if hasattr(module, "own_data"):
            data[label] = module.own_data(user)
    audit.record(user, AuditLog.Action.OWN_DATA_DOWNLOAD, None, "")
    return data


@transaction.atomic
def delete_own_data(user):
    """Delete the resident's account and profile; other apps anonymise what they must keep for statistics."""
    if user.is_staff or user.is_superuser or user.groups.exists():
        raise PermissionDenied(_("Staff accounts are closed by an administrator."))
    forgotten = {}
    for label, module in _own_data_contributors():
        if hasattr(module, "forget"):
            forgotten[label] = module.forget(user)
    AuditLog.objects.create(
        action=AuditLog.Action.OWN_DATA_DELETE,
        actor_name=f"user #{user.pk}",
        detail=", ".join(f"{label}={count}" for label, count in forgotten.items()),
    )
    user.delete()


def retention_cutoff(now=None):
    from .models import PrivacySettings

    days = PrivacySettings.load().retention_days
    return (now or timezone.now()) - timezone.timedelta(days=days)


@transaction.atomic
def anonymise_expired(now=None):
    """Scrub personal data older than the retention period; returns {what: rows changed}.

    Safe to run repeatedly: only rows that still hold personal data are touched, so a second run
    changes nothing. Each app with a `privacy.anonymise_expired(cutoff)` takes part.
    """
    cutoff = retention_cutoff(now)
    done = {
        "accounts": ResidentProfile.objects.filter(status=ResidentProfile.Status.REJECTED, decided_at__lt=cutoff)
        .exclude(real_name="", phone="")
        .update(real_name="", phone=""),
    }
    for label, module in _own_data_contributors():
        if hasattr(module, "anonymise_expired"):
            done[label] = module.anonymise_expired(cutoff)
    total = sum(done.values())
    if total:
        AuditLog.objects.create(
            action=AuditLog.Action.ANONYMISE,
            actor_name="retention",
            detail=", ".join(f"{k}={v}" for k, v in done.items()),
        )
    return done
