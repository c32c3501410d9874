"""Queue the day-before reminder for everyone confirmed for tomorrow's events (run daily by cron),
and hand on waiting-list places whose offer was not confirmed in time. The outbox sends them."""

from django.core.management.base import BaseCommand

from cms.events.services import due_reminders, expire_offers, send_reminder


class Command(BaseCommand):
    help = "Queue reminders for events that start tomorrow (never twice) and pass on expired waiting-list offers."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List who would be reminded, send nothing.")

    def handle(self, *args, dry_run=False, **options):
        if not dry_run:
            expired = expire_offers()
            if expired:
                self.stdout.write(f"{expired} waiting-list offer(s) expired and passed on")
        count = 0
        for signup in due_reminders():
            if dry_run:
                self.stdout.write(f"{signup.event.title}: {signup.masked_phone}")
            else:
                send_reminder(signup)
            count += 1
        self.stdout.write(self.style.SUCCESS(f"{count} reminder(s)" + (" (dry run)" if dry_run else " queued")))
