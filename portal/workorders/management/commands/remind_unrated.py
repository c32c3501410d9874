"""One reminder to rate, for requests resolved a while ago and not rated yet."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from portal.notifications.outbox import send_pending
from portal.workorders import services
from portal.workorders.models import WorkOrder


class Command(BaseCommand):
    help = "Send one rating reminder for each request resolved more than --days ago and still unrated."

    def add_arguments(self, parser):
        parser.add_argument("--days", default="2", help="Days after resolution before the reminder (default 2).")

    def handle(self, *args, days, **options):
        try:
            days = int(days)
            if not 0 <= days <= 60:
                raise ValueError
        except ValueError as exc:
            raise CommandError(_("--days must be a whole number from 0 to 60.")) from exc
        cutoff = timezone.now() - timedelta(days=days)
        due = WorkOrder.objects.filter(
            status=WorkOrder.Status.RESOLVED, rating_reminder_at__isnull=True, resolved_at__lte=cutoff
        ).values_list("pk", flat=True)
        count = sum(1 for pk in list(due) if services.remind_unrated(pk))
        send_pending()
        self.stdout.write(_("Rating reminders sent: %(count)d") % {"count": count})
