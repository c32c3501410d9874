"""Load the demo content from the customer's story; safe to run again (nothing is duplicated)."""

import os
import secrets
from contextlib import ExitStack
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _
from tqdm import tqdm

from portal.demo.registry import DemoContext, arounds, steps


def _base_url(value):
    """'http://127.0.0.1:8101' → (scheme, host, port); the address the portal is served at."""
    parts = urlsplit(value or "")
    try:
        port = parts.port
    except ValueError:
        port = None
        parts = parts._replace(scheme="")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        message = _("--base-url must be an address like http://127.0.0.1:8000, not “%(value)s”.")
        raise CommandError(message % {"value": value})
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80)


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
        parser.add_argument(
            "--base-url",
            default=os.environ.get("PORTAL_URL", "http://127.0.0.1:8000"),
            help="Where the portal is served (make run passes its HOST and PORT); the demo site gets this "
            "host and port, so absolute links (API, .ics, QR codes) and the printed addresses use it.",
        )

    def handle(self, *args, scale, no_progress, base_url, **options):
        scale = _scale(scale)
        scheme, host, port = _base_url(base_url)
        admin, password = self.ensure_admin()
        ctx = DemoContext(scale=scale, admin=admin, password=password, stdout=self.stdout)
        all_steps = steps()
        bar = tqdm(all_steps, desc=_("Demo content"), unit=_("step"), disable=no_progress, file=self.stderr._out)
        with ExitStack() as stack:
            for wrapper in arounds():
                stack.enter_context(wrapper(ctx))
            for demo_step in bar:
                bar.set_postfix_str(str(demo_step.label))
                with transaction.atomic():
                    demo_step.func(ctx)
        root = self.place_site(scheme, host, port)
        self.stdout.write(self.style.SUCCESS(_("Demo content loaded (%(count)d steps).") % {"count": len(all_steps)}))
        self.stdout.write(_("Site: %(url)s/") % {"url": root})
        self.stdout.write(
            _("Admin: %(url)s/admin/  user: %(user)s  password: %(password)s")
            % {"url": root, "user": admin.get_username(), "password": password}
        )
        self.stdout.write(_("Demo staff accounts (steward1-8, general1-4...) use the same password."))

    def place_site(self, scheme, host, port):
        """Give the default site the address it is served at; returns its root URL (Site.root_url)."""
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            return f"{scheme}://{host}" + ("" if port in (80, 443) else f":{port}")
        if (site.hostname, site.port) != (host, port):
            site.hostname, site.port = host, port
            site.save()
        return site.root_url

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
