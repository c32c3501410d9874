from django import template
from django.utils.safestring import mark_safe

from portal.common.qr import qr_svg as make_qr_svg

register = template.Library()


@register.simple_tag
def qr_svg(data, scale=8):
    """Inline SVG QR code of `data`, generated on the server (segno); escaping is done by segno."""
    return mark_safe(make_qr_svg(str(data), scale=scale).decode())  # noqa: S308 - segno's own SVG output
