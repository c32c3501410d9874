"""Residents' photos: decoded, checked and re-encoded with Pillow before anything is stored.

Only JPEG, PNG and WebP are accepted (no SVG, no HTML or scripts disguised as images); the pixel
count is capped against decompression bombs; the image is rotated upright and saved as a fresh
JPEG with no EXIF (so no GPS position, camera or time) for both the stored photo and its thumbnail.
Files are written before the database row; `store_photos` deletes what it wrote if any write fails.
"""

import io
import logging
import uuid
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "MPO"}
MAX_PHOTOS = 4


def max_bytes():
    return getattr(settings, "WORKORDER_PHOTO_MAX_BYTES", 10 * 1024 * 1024)


def max_pixels():
    return getattr(settings, "WORKORDER_PHOTO_MAX_PIXELS", 40_000_000)


MAX_SIDE = 2560
THUMB_SIDE = 480


class PhotoStorageError(Exception):
    """The photo could not be written (disk full, permissions): nothing was kept."""


@dataclass
class CleanPhoto:
    image: bytes
    thumbnail: bytes
    width: int
    height: int


def _read(upload):
    if hasattr(upload, "size") and upload.size is not None and upload.size > max_bytes():
        raise ValidationError(
            _("Each photo may be at most %(mb)d MB.") % {"mb": max_bytes() // (1024 * 1024)}, code="photo_too_big"
        )
    if hasattr(upload, "seek"):
        upload.seek(0)
    data = upload.read(max_bytes() + 1) if hasattr(upload, "read") else bytes(upload)
    if len(data) > max_bytes():
        raise ValidationError(
            _("Each photo may be at most %(mb)d MB.") % {"mb": max_bytes() // (1024 * 1024)}, code="photo_too_big"
        )
    return data


def _encode(image, side):
    copy = image.copy()
    copy.thumbnail((side, side), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    # A fresh JPEG with no exif/icc/xmp arguments carries no metadata at all.
    copy.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue(), copy.size


def clean_photo(upload):
    """Decode and re-encode one upload; raise ValidationError with a Chinese message if it is not a photo."""
    data = _read(upload)
    not_a_photo = ValidationError(
        _("This file is not a photo we can read. Please upload a JPEG, PNG or WebP picture."), code="photo_invalid"
    )
    bomb = ValidationError(_("This picture is too large to process."), code="photo_too_large")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in ALLOWED_FORMATS:
                    raise not_a_photo
                if probe.width * probe.height > max_pixels():
                    raise bomb
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
                if image.mode not in ("RGB", "L"):
                    background = Image.new("RGB", image.size, "white")
                    rgba = image.convert("RGBA")
                    background.paste(rgba, mask=rgba.getchannel("A"))
                    image = background
                elif image.mode == "L":
                    image = image.convert("RGB")
                big, size = _encode(image, MAX_SIDE)
                thumb, _thumb_size = _encode(image, THUMB_SIDE)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise bomb from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, TypeError, EOFError) as exc:
        raise not_a_photo from exc
    return CleanPhoto(image=big, thumbnail=thumb, width=size[0], height=size[1])


def clean_photos(uploads):
    uploads = [u for u in (uploads or []) if u]
    if len(uploads) > MAX_PHOTOS:
        raise ValidationError(_("Please upload at most %(max)d photos.") % {"max": MAX_PHOTOS}, code="too_many_photos")
    return [clean_photo(u) for u in uploads]


def store_photos(cleaned):
    """Write every photo and thumbnail; return [(image_name, thumb_name, photo)]. All or nothing."""
    written = []
    results = []
    folder = f"workorders/{timezone.localdate():%Y/%m}"
    try:
        for photo in cleaned:
            stem = uuid.uuid4().hex
            names = []
            for suffix, content in (("", photo.image), ("_thumb", photo.thumbnail)):
                name = f"{folder}/{stem}{suffix}.jpg"
                written.append(name)
                saved = default_storage.save(name, ContentFile(content))
                if saved != name:
                    written.append(saved)
                names.append(saved)
            results.append((names[0], names[1], photo))
    except OSError as exc:
        delete_files(written)
        logger.error("Could not store request photos: %s", exc)
        raise PhotoStorageError(str(exc)) from exc
    return results


def delete_files(names):
    for name in names:
        try:
            if default_storage.exists(name):
                default_storage.delete(name)
        except OSError:  # pragma: no cover - best effort while already failing
            logger.exception("Could not remove %s", name)
