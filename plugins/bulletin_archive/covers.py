"""Cover thumbnails: the PDF's first page rendered by pdfium, sized and encoded by Pillow, cached by hash."""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path

import pypdfium2
from PIL import Image, ImageOps

from .settings import BulletinSettings

logger = logging.getLogger(__name__)


def cache_key(sha256: str, settings: BulletinSettings) -> str:
    """The cached file's name: the PDF's content hash plus everything that changes the image."""
    width, height = settings.cover_size
    suffix = "jpg" if settings.cover_format == "jpeg" else "webp"
    return f"{sha256}-{width}x{height}-q{settings.cover_quality}.{suffix}"


def cover_for(pdf_path: Path, sha256: str, settings: BulletinSettings) -> Path:
    """The cached thumbnail of this PDF, rendered only when no cache entry has its hash."""
    cached = settings.cache_path / cache_key(sha256, settings)
    if cached.is_file():
        return cached
    data = render_cover(pdf_path, settings)
    settings.cache_path.mkdir(parents=True, exist_ok=True)
    # Written under a temporary name first, so an interrupted build never leaves half an image.
    partial = cached.with_name(f".{cached.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(cached)
    logger.info("bulletin cover rendered: %s", pdf_path.name)
    return cached


def render_cover(pdf_path: Path, settings: BulletinSettings) -> bytes:
    """First page at twice the thumbnail's height, then fitted onto an exact white canvas."""
    width, height = settings.cover_size
    document = pypdfium2.PdfDocument(pdf_path.read_bytes())
    try:
        page = document[0]
        scale = 2 * height / page.get_height()
        bitmap = page.render(scale=scale)
        image = bitmap.to_pil().convert("RGB")
        bitmap.close()
        page.close()
    finally:
        document.close()
    fitted = ImageOps.pad(image, (width, height), method=Image.Resampling.LANCZOS, color=(255, 255, 255))
    out = io.BytesIO()
    if settings.cover_format == "jpeg":
        fitted.save(out, "JPEG", quality=settings.cover_quality, optimize=True)
    else:
        fitted.save(out, "WEBP", quality=settings.cover_quality, method=6)
    return out.getvalue()
