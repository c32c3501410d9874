"""Send the day-before reminder to everyone confirmed for tomorrow's events (run daily by cron)."""

import logging

from django.core.management.base import BaseCommand

from cms.events.services import due_reminders, send_reminder

logger = logging.getLogger("cms.events.reminders")


def log_sender(phone, text):
    """Default sender: the log. A deployment plugs its SMS gateway in here."""
    logger.info("reminder to %s: %s", phone[:3] + "****" + phone[-4:], text)


class Command(BaseCommand):
    help = "Send reminders for events that start tomorrow; never reminds anyone twice."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List who would be reminded, send nothing.")

    def handle(self, *args, dry_run=False, **options):
        count = 0
        for signup in due_reminders():
            if dry_run:
                self.stdout.write(f"{signup.event.title}: {signup.masked_phone}")
            else:
                send_reminder(signup, log_sender)
            count += 1
        self.stdout.write(self.style.SUCCESS(f"{count} reminder(s)" + (" (dry run)" if dry_run else " sent")))
