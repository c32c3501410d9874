"""The daily overdue report: each grid steward gets a text message with their grid's overdue count
(SMS to their work mobile; e-mail when that is not a mobile), managers the whole list by e-mail."""

import re
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from portal.accounts import roles
from portal.notifications import outbox
from portal.workorders.models import WorkOrder

MOBILE = re.compile(r"^1[3-9]\d{9}$")


def _due(order):
    return order.response_due if order.status in order.WAITING_STATES else order.resolution_due


def _lines(orders, now):
    return [
        _("%(number)s %(category)s %(address)s — %(status)s, due %(due)s")
        % {
            "number": o.number,
            "category": o.category.name,
            "address": o.public_address,
            "status": o.get_status_display(),
            "due": timezone.localtime(
                o.resolution_due if o.status not in o.WAITING_STATES else o.response_due
            ).strftime("%Y-%m-%d %H:%M"),
        }
        for o in orders
    ]


class Command(BaseCommand):
    help = "Report overdue requests to each grid's steward and to the managers (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Print the report without queueing emails.")

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        with translation.override("zh-hans"):
            overdue = list(
                WorkOrder.objects.overdue(now)
                .select_related("category", "building__community", "grid", "steward__user")
                .order_by("grid_id", "submitted_at")
            )
            by_grid = defaultdict(list)
            for order in overdue:
                by_grid[order.grid].append(order)
            subject = _("Overdue requests on %(day)s: %(count)d") % {
                "day": timezone.localdate(now),
                "count": len(overdue),
            }
            summary = [subject]
            for grid, orders in by_grid.items():
                summary.append(f"{grid or _('No grid')}: {len(orders)}")
                summary.extend("  " + line for line in _lines(orders, now))
                steward = orders[0].steward
                if not dry_run and steward:
                    mobile = steward.phone if MOBILE.match(steward.phone or "") else ""
                    email = steward.user.email if steward.user_id and not mobile else ""
                    outbox.queue_message(
                        "sla_report",
                        {"count": len(orders), "oldest": orders[0].number},
                        phone=mobile,
                        email=email,
                        subject=subject,
                        send=False,
                    )
            managers = (
                get_user_model()
                .objects.filter(groups__name=roles.MANAGER, is_active=True)
                .exclude(email="")
                .values_list("email", flat=True)
            )
            if overdue and not dry_run:
                for email in sorted(set(managers)):
                    outbox.queue_message(
                        "sla_summary", {"report": "\n".join(summary)}, email=email, subject=subject, send=False
                    )
        if not dry_run:
            outbox.send_pending()
        self.stdout.write("\n".join(summary))
