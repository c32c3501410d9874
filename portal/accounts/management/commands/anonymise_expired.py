from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from portal.accounts.services import anonymise_expired, retention_cutoff


class Command(BaseCommand):
    help = "Anonymise personal data older than the retention period set in the admin. Safe to run repeatedly."

    def handle(self, **options):
        cutoff = retention_cutoff()
        done = anonymise_expired()
        for label, count in done.items():
            self.stdout.write(_("%(what)s: %(count)s anonymised") % {"what": label, "count": count})
        self.stdout.write(_("Personal data older than %(cutoff)s is anonymised.") % {"cutoff": f"{cutoff:%Y-%m-%d}"})
