"""Encoding one width of a photo into each format: upright, resized, without any metadata.

Runs in a worker process (pipeline.py), so it takes and returns only plain values. Memory stays
bounded on a very large photo: a JPEG is decoded at the smallest DCT scale that still covers the
target width (Image.draft: 1/2, 1/4 or 1/8), other formats are reduced by box steps before the
final Lanczos resize (reducing_gap), and the pixel count is checked before anything is decoded.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageOps

from ward_content.images import MAX_PIXELS

from .plan import QUARTER_TURNS, orientation_of

PILLOW_FORMAT = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG", "png": "PNG"}


class EncodeProblem(Exception):
    """The photo could not be decoded or encoded (message in Japanese for staff)."""


def save_options(fmt: str, quality: int) -> dict:
    """Per-format encoder options: small files for phones, deterministic output."""
    if fmt == "avif":
        return {"quality": quality, "speed": 7}
    if fmt == "webp":
        return {"quality": quality, "method": 5}
    if fmt == "jpeg":
        return {"quality": quality, "optimize": True, "progressive": True}
    return {"optimize": True}


def resized(path: Path, width: int, height: int, alpha: bool) -> Image.Image:
    """The photo upright at width×height, in RGB (RGBA with transparency), with no metadata in `info`."""
    with Image.open(path) as image:
        stored_w, stored_h = image.size
        if stored_w * stored_h > MAX_PIXELS:
            raise EncodeProblem(f"画像が大きすぎます（{stored_w}×{stored_h} ピクセル）")
        orientation = orientation_of(image)
        turned = orientation in QUARTER_TURNS
        if image.format == "JPEG":
            image.draft("RGB", (height, width) if turned else (width, height))
        icc = image.info.get("icc_profile")
        upright = ImageOps.exif_transpose(image) if orientation != 1 else image.copy()
        mode = "RGBA" if alpha else "RGB"
        if upright.mode != mode:
            upright = upright.convert(mode)
        result = upright.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
    # Colours are described by the ICC profile, which names no person, place or device.
    result.info = {"icc_profile": icc} if icc else {}
    return result


def encode_width(path: str, width: int, height: int, alpha: bool, formats: tuple[tuple[str, int], ...]) -> dict:
    """{format: bytes} for one width; {"error": message} when the photo cannot be read."""
    try:
        picture = resized(Path(path), width, height, alpha)
        result = {}
        for fmt, quality in formats:
            buffer = io.BytesIO()
            options = save_options(fmt, quality)
            if picture.info.get("icc_profile"):
                options["icc_profile"] = picture.info["icc_profile"]
            picture.save(buffer, PILLOW_FORMAT[fmt], **options)
            result[fmt] = buffer.getvalue()
        return result
    except EncodeProblem as exc:
        return {"error": str(exc)}
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        return {"error": f"画像ファイルが壊れています（{exc}）"}
