"""Send the notification outbox: due pending messages, retrying failed ones with back-off."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from portal.workorders.notifications import send_pending


class Command(BaseCommand):
    help = "Send pending request notifications (SMS and email) and retry failed ones that are due."

    def handle(self, *args, **options):
        sent, failed = send_pending()
        self.stdout.write(_("Sent %(sent)d, failed %(failed)d (will retry).") % {"sent": sent, "failed": failed})
