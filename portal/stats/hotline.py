"""The monthly report of 12345 hotline orders: how many came in, were handled by the hotline's
deadline, and were answered back in time. Ticket and request numbers, categories and times only:
no names, phone numbers, addresses, descriptions or reply texts."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from portal.workorders.models import HotlineOrder


def _aware(day, end=False):
    moment = datetime.datetime.combine(day + datetime.timedelta(days=1) if end else day, datetime.time.min)
    return timezone.make_aware(moment)


def report(start, end, now=None):
    """Figures and rows for orders received from `start` to `end` (dates, inclusive)."""
    now = now or timezone.now()
    orders = (
        HotlineOrder.objects.received_in(_aware(start), _aware(end, end=True))
        .select_related("work_order__category")
        .order_by("work_order__submitted_at", "pk")
    )
    rows = []
    for hotline in orders:
        order = hotline.work_order
        handled = hotline.handled_at()
        rows.append(
            {
                "ticket": hotline.ticket,
                "number": order.number,
                "category": order.category.display_name,
                "status": order.get_status_display(),
                "received": timezone.localtime(order.submitted_at),
                "deadline": timezone.localtime(hotline.deadline),
                "handled": timezone.localtime(handled) if handled else None,
                "past_deadline": hotline.past_deadline(now),
                "reply_due": timezone.localtime(hotline.reply_due),
                "replied": timezone.localtime(hotline.replied_at) if hotline.replied_at else None,
                "reply_late": hotline.reply_late(now),
            }
        )
    received = len(rows)
    totals = {
        "received": received,
        "handled_in_time": sum(1 for r in rows if r["handled"] and not r["past_deadline"]),
        "past_deadline": sum(1 for r in rows if r["past_deadline"]),
        "replied": sum(1 for r in rows if r["replied"]),
        "replied_in_time": sum(1 for r in rows if r["replied"] and not r["reply_late"]),
        "reply_overdue": sum(1 for r in rows if not r["replied"] and r["reply_late"]),
    }
    totals["reply_rate"] = round(totals["replied_in_time"] / received, 3) if received else None
    return {"period": {"start": start, "end": end}, "totals": totals, "rows": rows}


def total_labels():
    return [
        ("received", _("Orders received")),
        ("handled_in_time", _("Handled by the hotline's deadline")),
        ("past_deadline", _("Past the deadline (handled late or still open)")),
        ("replied", _("Replied to the hotline")),
        ("replied_in_time", _("Replied in time")),
        ("reply_overdue", _("Reply overdue")),
        ("reply_rate", _("Share replied in time")),
    ]


def chart_labels():
    """Short labels for the bar chart (its label column is narrow)."""
    return [
        ("received", pgettext("12345 chart", "Received")),
        ("handled_in_time", pgettext("12345 chart", "Handled in time")),
        ("past_deadline", pgettext("12345 chart", "Past the deadline")),
        ("replied", pgettext("12345 chart", "Replied")),
        ("replied_in_time", pgettext("12345 chart", "Replied in time")),
        ("reply_overdue", pgettext("12345 chart", "Reply overdue")),
    ]


def workbook_bytes(data):
    """The report as an Excel workbook: a summary sheet and one row per order."""
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    summary = workbook.active
    summary.title = _("Summary")[:31]
    summary.append([_("Figure"), _("Value")])
    summary.append([_("Period start"), data["period"]["start"]])
    summary.append([_("Period end"), data["period"]["end"]])
    for key, label in total_labels():
        summary.append([str(label), data["totals"][key]])
    sheet = workbook.create_sheet(_("12345 orders")[:31])
    header = [
        _("12345 ticket number"),
        _("Request number"),
        _("Category"),
        _("Status"),
        _("Received"),
        _("Hotline deadline"),
        _("Handled"),
        _("Past the deadline"),
        _("Reply due"),
        _("Replied"),
        _("Reply late"),
    ]
    sheet.append(header)

    def naive(value):
        return value.replace(tzinfo=None) if value else None

    for r in data["rows"]:
        sheet.append(
            [
                r["ticket"],
                r["number"],
                r["category"],
                str(r["status"]),
                naive(r["received"]),
                naive(r["deadline"]),
                naive(r["handled"]),
                _("Yes") if r["past_deadline"] else _("No"),
                naive(r["reply_due"]),
                naive(r["replied"]),
                _("Yes") if r["reply_late"] else _("No"),
            ]
        )
    for ws in (summary, sheet):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for column in ws.columns:
            ws.column_dimensions[column[0].column_letter].width = 18
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
