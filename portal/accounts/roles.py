"""The portal's roles, as Django groups, and the permissions each starts with.

Later features add permissions to these groups here, in one place, so that a test can read
the whole matrix.
"""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

EDITOR = "editor"
SECRETARY = "secretary"
STEWARD = "steward"
GENERAL_STEWARD = "general_steward"
MANAGER = "manager"
PARTNER = "partner"
OFFICIAL = "official"

# Group names are stable identifiers (English slugs); labels are what people read.
ROLE_LABELS = {
    EDITOR: _("Party-branch editor (党支部编辑)"),
    SECRETARY: _("Branch secretary (支部书记)"),
    MANAGER: _("Manager (物业经理)"),
    STEWARD: _("Grid steward (红管家)"),
    GENERAL_STEWARD: _("General steward (综合管家)"),
    PARTNER: _("Community partner (合作方)"),
    OFFICIAL: _("Street or community official (街道/社区)"),
}

# (app_label, codename) pairs each role is granted; roles that enter the Wagtail admin get
# wagtailadmin.access_admin.
_GRID_ADMIN = [
    ("grids", f"{action}_{model}")
    for model in ("community", "grid", "building", "steward", "unit", "household", "visitplan", "visit")
    for action in ("add", "change", "delete", "view")
]
_DATA_CENTRE = [("stats", "view_dashboard"), ("stats", "export_statistics")]

ROLE_PERMISSIONS = {
    EDITOR: [("wagtailadmin", "access_admin")],
    SECRETARY: [("wagtailadmin", "access_admin")],
    # Managers run the grids in the admin, read the audit log and the data centre.
    MANAGER: [("wagtailadmin", "access_admin"), *_GRID_ADMIN, ("accounts", "view_auditlog"), *_DATA_CENTRE],
    # Stewards work households, visits and the care roster on the site (/steward/), scoped to their grids
    # by portal.grids.scope; they hold no model permissions that would show other grids in the admin.
    STEWARD: [("wagtailadmin", "access_admin")],
    GENERAL_STEWARD: [("wagtailadmin", "access_admin")],
    PARTNER: [],
    # Officials read the figures (no personal data) and nothing else; no admin access.
    OFFICIAL: [("stats", "view_dashboard"), ("stats", "export_statistics")],
}


def ensure_roles():
    """Create every role group and grant its listed permissions; safe to run repeatedly."""
    groups = {}
    for role, perms in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        for app_label, codename in perms:
            permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
            if permission is not None:
                group.permissions.add(permission)
        groups[role] = group
    return groups


def has_role(user, role):
    return user.is_authenticated and user.groups.filter(name=role).exists()


def has_any_role(user, role_names):
    return user.is_authenticated and user.groups.filter(name__in=list(role_names)).exists()
