"""The dashboard's figures as an Excel workbook (openpyxl)."""

import io

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext, pgettext_lazy
from openpyxl import Workbook
from openpyxl.styles import Font


def _sheet(workbook, title, header, rows):
    sheet = workbook.create_sheet(title=title[:31])
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for column in sheet.columns:
        sheet.column_dimensions[column[0].column_letter].width = 16
    return sheet


def workbook_bytes(data):
    workbook = Workbook()
    workbook.remove(workbook.active)
    period = data["period"]
    visits = data["visits"]
    _sheet(
        workbook,
        _("Summary"),
        [_("Figure"), _("Value")],
        [
            (_("Period start"), period["start"]),
            (_("Period end"), period["end"]),
            (_("Households"), visits["households"]),
            (_("Visited this quarter"), visits["visited"]),
            (_("Visit coverage"), visits["coverage"]),
        ]
        + [(str(label), data["requests"]["totals"].get(key)) for key, label in REQUEST_TOTALS],
    )
    _sheet(
        workbook,
        _("Visit coverage"),
        [_("Grid"), _("Households"), _("Visited"), _("Coverage")],
        [(g["grid"], g["households"], g["visited"], g["coverage"]) for g in visits["per_grid"]],
    )
    if data["requests"]:
        for key, title in (
            ("per_month", _("Per month")),
            ("per_category", _("Per category")),
            ("per_grid", _("Per grid")),
        ):
            rows = data["requests"].get(key, [])
            header = [_("Name"), pgettext("count of requests", "Requests")]
            _sheet(workbook, title, header, [(r["label"], r["count"]) for r in rows])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# (key in figures["requests"]["totals"], label)
REQUEST_TOTALS = [
    ("total", pgettext_lazy("count of requests", "Requests")),
    ("response_rate", gettext_lazy("Response rate")),
    ("resolution_rate", gettext_lazy("Resolution rate")),
    ("satisfaction_rate", gettext_lazy("Satisfaction rate")),
    ("median_response_hours", gettext_lazy("Median response time (hours)")),
    ("median_resolution_hours", gettext_lazy("Median resolution time (hours)")),
    ("overdue", gettext_lazy("Overdue")),
]
