"""Issue an API key for a staff user (the request API and Open311); the key is printed once."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.workorders.models import ApiToken


class Command(BaseCommand):
    help = "Create an API key for a staff user: manage.py workorder_token <username> <purpose>."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("name", help="What the key is for, for example 12345 platform.")

    def handle(self, *args, username, name, **options):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(_("No active user called %(username)s.") % {"username": username})
        _token, raw = ApiToken.issue(user, name[:100])
        self.stdout.write(raw)
