"""The data centre's figures, computed in one place for the dashboard, the API, the Excel download
and the public 公示 page. Nothing here returns personal data.

Request figures come from portal.workorders through `portal.stats.requests`.
"""

import datetime

from django.utils import timezone

from portal.grids import services as grid_services
from portal.grids.models import Grid, current_quarter

from . import requests


def month_bounds(year, month):
    start = datetime.date(year, month, 1)
    end = datetime.date(year + (month == 12), month % 12 + 1, 1) - datetime.timedelta(days=1)
    return start, end


def parse_month(value, default=None):
    """'2026-03' → (2026, 3); raises ValueError for anything else."""
    if not value:
        if default is not None:
            return default
        today = timezone.localdate()
        return today.year, today.month
    year, month = value.split("-")
    year, month = int(year), int(month)
    if not (2000 <= year <= 2100 and 1 <= month <= 12):
        raise ValueError(value)
    return year, month


def visit_figures(grids, year, quarter):
    rows = grid_services.coverage(grids, year, quarter)
    total = sum(r["households"] for r in rows)
    visited = sum(r["visited"] for r in rows)
    return {
        "year": year,
        "quarter": quarter,
        "households": total,
        "visited": visited,
        "coverage": round(visited / total, 4) if total else None,
        "per_grid": [
            {
                "grid": r["grid"].name,
                "grid_id": r["grid"].pk,
                "households": r["households"],
                "visited": r["visited"],
                "coverage": r["rate"],
            }
            for r in rows
        ],
    }


def summary(start, end, grids=None):
    """All figures for the period [start, end] (dates), optionally limited to some grids."""
    grids = Grid.objects.select_related("community").order_by("number") if grids is None else grids
    year, quarter = current_quarter(end)
    return {
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "requests": requests.figures(start, end, grids),
        "visits": visit_figures(grids, year, quarter),
    }


def public_figures(start, end):
    """What the public 公示 page shows: totals and rates per month and grid, no personal data."""
    data = summary(start, end)
    request_figures = data["requests"]
    return {
        "period": data["period"],
        "requests": {
            "totals": request_figures["totals"],
            "per_category": request_figures["per_category"],
            "per_grid": request_figures["per_grid"],
        },
        "visits": data["visits"],
    }
