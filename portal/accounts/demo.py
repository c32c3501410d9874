"""Demo: one account per role that the grids and partner steps do not already make.

editor1 drafts content (group "editor"); moderator1 approves it (group "secretary", the approver of
the content workflow in cms.core.workflows); manager1 runs requests and grids; official1 reads the
data centre; resident1 is a resident bound to a household. They share the printed admin password.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.demo.registry import step

from . import roles
from .models import ResidentProfile

# (username, first name, role or None for a resident)
ROLE_ACCOUNTS = [
    ("editor1", "宋晓雯", roles.EDITOR),
    ("moderator1", "高建华", roles.SECRETARY),
    ("manager1", "马国庆", roles.MANAGER),
    ("official1", "林芳", roles.OFFICIAL),
    ("resident1", "董淑珍", None),
]


def ensure_account(username, name, password, role=None):
    """The demo account `username`, with `password` (when given) and its role group; idempotent."""
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username, defaults={"first_name": name, "email": f"{username}@example.com"}
    )
    if created or password:
        user.set_password(password)
        user.save()
    if role:
        user.groups.add(roles.ensure_roles()[role])
    return user


@step(440, "role accounts: editor, moderator, manager, official, resident")
def load_role_accounts(ctx):
    from portal.grids.models import Household

    accounts = {username: ensure_account(username, name, ctx.password, role) for username, name, role in ROLE_ACCOUNTS}
    # 1号楼 1单元 301; a small demo (--scale) may have fewer floors: then the first household of 1号楼.
    in_building_1 = Household.objects.filter(unit__building__number=1)
    household = in_building_1.filter(unit__number=1, room="301").first() or in_building_1.order_by("pk").first()
    if household is not None:
        ResidentProfile.objects.get_or_create(
            user=accounts["resident1"],
            defaults={
                "household": household,
                "real_name": "董淑珍",
                "status": ResidentProfile.Status.APPROVED,
                "decided_by": ctx.admin,
                "decided_at": timezone.now(),
            },
        )
    ctx.objects["role_accounts"] = accounts
