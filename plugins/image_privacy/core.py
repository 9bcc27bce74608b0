"""Re-encoding a photo without its metadata: EXIF (GPS, camera, owner), XMP, IPTC, comments and PNG text."""

from __future__ import annotations

import io

from PIL import ExifTags, Image, ImageOps

from .settings import ImagePrivacySettings

# .jfif and .jpe are JPEG under other names (cameras, Windows); TIFF is refused by the content check.
SUFFIXES = frozenset({".jpg", ".jpeg", ".jfif", ".jpe", ".webp", ".png", ".gif"})
# Keys Pillow puts in `info` for metadata that can name a person, a place or a device.
PRIVATE_INFO_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "iptc")
# Keys that only describe how to show the pixels; kept so colours and size look the same.
KEPT_INFO_KEYS = ("icc_profile", "dpi", "transparency")


def carries_metadata(image: Image.Image) -> bool:
    """True when the image holds anything beyond its pixels and colour description."""
    if any(key in image.info for key in PRIVATE_INFO_KEYS) or len(image.getexif()):
        return True
    return bool(getattr(image, "text", None))


def is_lossless_webp(data: bytes) -> bool:
    """A WebP whose image chunk is VP8L (lossless) must be re-encoded losslessly."""
    position = 12
    while position + 8 <= len(data):
        name = data[position : position + 4]
        size = int.from_bytes(data[position + 4 : position + 8], "little")
        if name == b"VP8L":
            return True
        if name == b"VP8 ":
            return False
        position += 8 + size + (size & 1)
    return False


def strip_metadata(data: bytes, settings: ImagePrivacySettings) -> bytes | None:
    """The image re-encoded without metadata, or None when it has none (then it is published as it is).

    A photo that is upright only through its EXIF orientation is rotated first, because the
    orientation tag goes with the rest of the EXIF.
    """
    with Image.open(io.BytesIO(data)) as image:
        if image.format not in ("JPEG", "WEBP", "PNG", "GIF") or not carries_metadata(image):
            return None
        image_format = image.format
        kept = {key: image.info[key] for key in KEPT_INFO_KEYS if key in image.info}
        orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
        frames = getattr(image, "n_frames", 1)
        options: dict = {k: v for k, v in kept.items() if v is not None}
        if frames > 1:
            options.update(save_all=True, **{k: image.info[k] for k in ("duration", "loop") if k in image.info})
            upright = image
        elif orientation in (None, 1):
            upright = image
        else:
            upright = ImageOps.exif_transpose(image)
        if image_format == "JPEG":
            if upright is image:
                # Re-use the original quantisation tables: no second loss of quality.
                options.update(quality="keep", subsampling="keep", qtables="keep")
            else:
                options.update(quality=settings.jpeg_quality)
            if image.info.get("progressive"):
                options["progressive"] = True
        elif image_format == "WEBP":
            if is_lossless_webp(data):
                options["lossless"] = True
            else:
                options["quality"] = settings.webp_quality
            options.pop("dpi", None)
        # Pillow falls back to `info` for some metadata (XMP in JPEG, ICC in PNG): leave only what is kept.
        upright.info = dict(kept)
        buffer = io.BytesIO()
        upright.save(buffer, format=image_format, **options)
        return buffer.getvalue()
