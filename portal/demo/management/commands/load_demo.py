"""Load the demo content from the customer's story; safe to run again (nothing is duplicated)."""

import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from portal.demo.registry import DemoContext, steps


def _scale(value):
    try:
        scale = float(value)
    except ValueError as exc:
        raise CommandError(_("--scale must be a number, for example 0.1 or 1.")) from exc
    if not 0 < scale <= 10:
        raise CommandError(_("--scale must be greater than 0 and at most 10."))
    return scale


class Command(BaseCommand):
    help = "Load demo content (brand site, community, grids, stewards...) and print the admin login."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            default="1",
            help="Multiply the amount of generated history (requests, visits) by this factor; default 1.",
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not show the progress bar.")

    def handle(self, *args, scale, no_progress, **options):
        scale = _scale(scale)
        admin, password = self.ensure_admin()
        ctx = DemoContext(scale=scale, admin=admin, password=password, stdout=self.stdout)
        all_steps = steps()
        bar = tqdm(all_steps, desc=_("Demo content"), unit=_("step"), disable=no_progress, file=self.stderr._out)
        for demo_step in bar:
            bar.set_postfix_str(str(demo_step.label))
            with transaction.atomic():
                demo_step.func(ctx)
        self.stdout.write(self.style.SUCCESS(_("Demo content loaded (%(count)d steps).") % {"count": len(all_steps)}))
        self.stdout.write(
            _("Admin: http://127.0.0.1:8000/admin/  user: %(user)s  password: %(password)s")
            % {"user": admin.get_username(), "password": password}
        )
        self.stdout.write(_("Demo staff accounts (steward1-8, general1-4...) use the same password."))

    def ensure_admin(self):
        """Create the admin account, or reset its password, so the printed login always works."""
        User = get_user_model()
        username = settings.DEMO_ADMIN_USERNAME
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        admin, _created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.com"})
        admin.is_staff = True
        admin.is_superuser = True
        admin.set_password(password)
        admin.save()
        return admin, password
