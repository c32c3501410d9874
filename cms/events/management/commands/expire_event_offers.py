"""Pass on waiting-list places whose offer was not confirmed in time (run every 10 minutes)."""

from django.core.management.base import BaseCommand

from cms.events.services import expire_offers


class Command(BaseCommand):
    help = "Offers of freed places not confirmed by their deadline go to the next person on the waiting list."

    def handle(self, *args, **options):
        self.stdout.write(f"{expire_offers()} offer(s) expired and passed on")
