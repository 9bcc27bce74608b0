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


# The cover is shown at most at cover_size CSS pixels: copies at 1x, 2x and 3x of it (phones are 2x-3x).
DENSITIES = (1, 2, 3)


def cover_widths(settings: BulletinSettings) -> tuple[int, ...]:
    """The widths of the cover's responsive copies."""
    return tuple(settings.cover_size[0] * density for density in DENSITIES)


def master_for(pdf_path: Path, sha256: str, settings: BulletinSettings) -> Path:
    """A lossless PNG of the cover at the largest density, cached by the PDF's hash: the source of its copies."""
    width, height = (side * DENSITIES[-1] for side in settings.cover_size)
    cached = settings.cache_path / f"{sha256}-{width}x{height}-master.png"
    if cached.is_file():
        return cached
    out = io.BytesIO()
    render_page(pdf_path, width, height).save(out, "PNG", optimize=True)
    settings.cache_path.mkdir(parents=True, exist_ok=True)
    partial = cached.with_name(f".{cached.name}.{os.getpid()}.part")
    partial.write_bytes(out.getvalue())
    partial.replace(cached)
    return cached


def render_page(pdf_path: Path, width: int, height: int) -> Image.Image:
    """The first page at twice the wanted height, fitted onto an exact white canvas."""
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
    return ImageOps.pad(image, (width, height), method=Image.Resampling.LANCZOS, color=(255, 255, 255))


def render_cover(pdf_path: Path, settings: BulletinSettings) -> bytes:
    """The single cover image (og:image, and the cover where the responsive_images plugin is off)."""
    width, height = settings.cover_size
    fitted = render_page(pdf_path, width, height)
    out = io.BytesIO()
    if settings.cover_format == "jpeg":
        fitted.save(out, "JPEG", quality=settings.cover_quality, optimize=True)
    else:
        fitted.save(out, "WEBP", quality=settings.cover_quality, method=6)
    return out.getvalue()
