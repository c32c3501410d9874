"""QR codes as inline SVG, generated locally with segno (nothing fetched from outside)."""

import io

import segno


def qr_svg(data, scale=6):
    """An SVG document (bytes) encoding `data`, with a title for screen readers."""
    out = io.BytesIO()
    segno.make(data, error="m").save(out, kind="svg", scale=scale, border=2, title=data, xmldecl=False)
    return out.getvalue()
