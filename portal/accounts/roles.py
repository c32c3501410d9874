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

# Requests (portal.workorders): staff who work requests see and move them (stewards only their
# grid's, see WorkOrderQuerySet.for_user) and enter requests received by phone or in person;
# managers also edit categories and SLA targets and revoke API keys.
WORK_REQUESTS = [
    ("workorders", "view_workorder"),
    ("workorders", "change_workorder"),
    ("workorders", "add_workorder"),
]
MANAGE_REQUESTS = [
    ("workorders", "view_category"),
    ("workorders", "add_category"),
    ("workorders", "change_category"),
    ("workorders", "view_apitoken"),
    ("workorders", "change_apitoken"),
]

# The outbox (numbers and texts: personal data) and the SMS templates are the manager's, who answers
# for the messages residents receive; stewards, the secretary and editors do not see them.
MANAGE_MESSAGES = [
    ("notifications", "view_notification"),
    ("notifications", "view_smstemplate"),
    ("notifications", "add_smstemplate"),
    ("notifications", "change_smstemplate"),
    ("notifications", "delete_smstemplate"),
]

# (app_label, codename) pairs each role is granted; roles that enter the Wagtail admin get
# wagtailadmin.access_admin.
_GRID_ADMIN = [
    ("grids", f"{action}_{model}")
    for model in ("community", "grid", "building", "steward", "unit", "household", "visitplan", "visit")
    for action in ("add", "change", "delete", "view")
]
_DATA_CENTRE = [("stats", "view_dashboard"), ("stats", "export_statistics")]
# Event sign-ups: staff list (phones masked), export and check in; stewards sign up residents on their behalf.
SIGNUP_STAFF = [("events", "view_eventsignup"), ("events", "add_eventsignup"), ("events", "change_eventsignup")]
# Content editing: images, documents and news categories; page rights are set on the page tree by
# cms.core.workflows.ensure_workflows().
CONTENT_EDITING = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("news", "add_newscategory"),
    ("news", "change_newscategory"),
]
# Reviewing partner applications.
PARTNER_REVIEW = [("partners", "view_partner"), ("partners", "change_partner")]

ROLE_PERMISSIONS = {
    EDITOR: [("wagtailadmin", "access_admin"), *CONTENT_EDITING, *SIGNUP_STAFF],
    # The branch secretary approves content, reviews partners and assigns, escalates and watches requests
    # of every grid (portal.grids.scope.request_filter, the worklist at /steward/requests/); no households,
    # visits or care roster.
    SECRETARY: [("wagtailadmin", "access_admin"), *CONTENT_EDITING, *SIGNUP_STAFF, *PARTNER_REVIEW, *WORK_REQUESTS],
    # Managers run the grids in the admin, read the audit log and the data centre.
    MANAGER: [
        ("wagtailadmin", "access_admin"),
        *_GRID_ADMIN,
        ("accounts", "view_auditlog"),
        *_DATA_CENTRE,
        *SIGNUP_STAFF,
        *PARTNER_REVIEW,
        *WORK_REQUESTS,
        *MANAGE_REQUESTS,
        *MANAGE_MESSAGES,
    ],
    # Stewards work households, visits and the care roster on the site (/steward/), scoped to their grids
    # by portal.grids.scope; they hold no model permissions that would show other grids in the admin.
    # Requests are scoped to their grids by WorkOrderQuerySet.for_user. Event sign-ups are not grid data:
    # they check residents in at the door and sign up on their behalf.
    STEWARD: [("wagtailadmin", "access_admin"), *SIGNUP_STAFF, *WORK_REQUESTS],
    GENERAL_STEWARD: [("wagtailadmin", "access_admin"), *SIGNUP_STAFF, *WORK_REQUESTS],
    # Partners never enter the Wagtail admin: they edit their own listings on the site
    # (portal.partners.views), and every change waits for an editor's approval.
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
