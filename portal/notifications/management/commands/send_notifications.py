"""Send the notification outbox: due pending messages, retrying failed ones with back-off."""

import argparse
import signal

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.notifications.outbox import follow, send_pending


def interval(value):
    try:
        seconds = float(value)
    except ValueError:
        seconds = None
    if seconds is None or not 0.05 <= seconds <= 3600:
        raise argparse.ArgumentTypeError(
            _("“%(value)s” is not an interval: give seconds between 0.05 and 3600.") % {"value": value}
        )
    return seconds


class Command(BaseCommand):
    help = gettext_lazy(
        "Send pending notifications (SMS and email) and retry failed ones that are due. "
        "With --follow, keep sending as new ones arrive (NOTIFICATIONS_SENDER=worker) until stopped."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--follow",
            action="store_true",
            help=_("Keep running and send new messages as they are queued (stop with Ctrl-C or SIGTERM)."),
        )
        parser.add_argument(
            "--interval",
            type=interval,
            default=1.0,
            help=_("With --follow: seconds between looks at an empty outbox (default 1)."),
        )

    def handle(self, *args, **options):
        if not options["follow"]:
            sent, failed = send_pending()
            self.stdout.write(self._summary(sent, failed))
            return
        stopping = []
        previous = signal.signal(signal.SIGTERM, lambda *_args: stopping.append(True))
        self.stdout.write(_("Sending the outbox as it fills; stop with Ctrl-C."))
        try:
            follow(
                interval=options["interval"],
                stop=lambda: bool(stopping),
                report=lambda sent, failed: self.stdout.write(self._summary(sent, failed)),
            )
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
        self.stdout.write(_("Stopped."))

    def _summary(self, sent, failed):
        return _("Sent %(sent)d, failed %(failed)d (will retry).") % {"sent": sent, "failed": failed}
