"""Small server-side SVG charts: no JavaScript, no CDN, readable with a screen reader (a table follows)."""

import re

from django.conf import settings
from django.utils import translation
from django.utils.html import format_html, format_html_join

WIDTH = 640
BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 120
CJK = re.compile(r"[\u3400-\u9fff]")


def _lang(label):
    """A Chinese label (a grid or category name) on a page in another language says so (WCAG 3.1.2)."""
    if translation.get_language() != settings.LANGUAGE_CODE and CJK.search(label):
        return settings.LANGUAGE_CODE
    return translation.get_language() or settings.LANGUAGE_CODE


def bar_chart(title, items, value_format="{}", max_value=None):
    """Horizontal bars. items: [(label, number)]. Returns safe SVG markup, or "" when there is nothing to draw."""
    items = [(str(label), value or 0) for label, value in items]
    if not items:
        return ""
    top = max([max_value or 0, *[v for _, v in items]]) or 1
    height = len(items) * (BAR_HEIGHT + GAP) + GAP
    plot = WIDTH - LABEL_WIDTH - 70
    rows = []
    for index, (label, value) in enumerate(items):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = max(1, round(plot * value / top)) if value else 0
        rows.append(
            (
                LABEL_WIDTH - 6,
                y + BAR_HEIGHT * 0.7,
                _lang(label),
                label,
                LABEL_WIDTH,
                y,
                width,
                BAR_HEIGHT,
                LABEL_WIDTH + width + 6,
                y + BAR_HEIGHT * 0.7,
                value_format.format(value),
            )
        )
    bars = format_html_join(
        "",
        '<text x="{}" y="{}" text-anchor="end" class="chart__label" lang="{}">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" class="chart__bar"></rect>'
        '<text x="{}" y="{}" class="chart__value">{}</text>',
        rows,
    )
    return format_html(
        '<svg class="chart" role="img" aria-label="{}" viewBox="0 0 {} {}" width="100%"><title>{}</title>{}</svg>',
        title,
        WIDTH,
        height,
        title,
        bars,
    )
