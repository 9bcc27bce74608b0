"""A PDF read by pdfium only in a bounded process (text, bookmarks, cover and its master), cached by hash."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import threading
from pathlib import Path

from ward_content.limits import DEFAULT_LIMITS, Limits

from .bounded import BoundExceeded, run_bounded
from .cover_worker import UNREADABLE
from .pdf import PdfInfo, PdfPage, PdfProblem, TextBlock
from .settings import BulletinSettings

logger = logging.getLogger(__name__)

# Part of the cached text's name: bump when what inspect_pdf extracts changes.
INFO_VERSION = "1"
# The cover is shown at most at cover_size CSS pixels: copies at 1x, 2x and 3x of it (phones are 2x-3x).
DENSITIES = (1, 2, 3)


class CoverProblem(Exception):
    """pdfium could not read or draw the PDF within the limits."""


def cache_key(sha256: str, settings: BulletinSettings) -> str:
    """The cached file's name: the PDF's content hash plus everything that changes the image."""
    width, height = settings.cover_size
    suffix = "jpg" if settings.cover_format == "jpeg" else "webp"
    return f"{sha256}-{width}x{height}-q{settings.cover_quality}.{suffix}"


def master_key(sha256: str, settings: BulletinSettings) -> str:
    """The cached lossless master's name (the cover at the largest density)."""
    width, height = (side * DENSITIES[-1] for side in settings.cover_size)
    return f"{sha256}-{width}x{height}-master.png"


def cover_widths(settings: BulletinSettings) -> tuple[int, ...]:
    """The widths of the cover's responsive copies."""
    return tuple(settings.cover_size[0] * density for density in DENSITIES)


def cover_for(pdf_path: Path, sha256: str, settings: BulletinSettings, limits: Limits = DEFAULT_LIMITS) -> Path:
    """The single cover image (og:image, and the cover where responsive_images is off), cached by hash."""
    cached = settings.cache_path / cache_key(sha256, settings)
    if not cached.is_file():
        inspect_bounded(pdf_path, settings, limits)
    return cached


def master_for(pdf_path: Path, sha256: str, settings: BulletinSettings, limits: Limits = DEFAULT_LIMITS) -> Path:
    """A lossless PNG of the cover at the largest density, cached by the PDF's hash: the source of its copies."""
    cached = settings.cache_path / master_key(sha256, settings)
    if not cached.is_file():
        inspect_bounded(pdf_path, settings, limits)
    return cached


def inspect_bounded(pdf_path: Path, settings: BulletinSettings, limits: Limits = DEFAULT_LIMITS) -> PdfInfo:
    """The PDF's text, bookmarks, cover and master, made by `cover_worker` (a process with bounded memory and
    time) and cached by the PDF's hash; PdfProblem if pdfium cannot open it, CoverProblem past a limit."""
    sha256 = hashlib.sha256(pdf_path.read_bytes()).hexdigest()
    outputs = {
        "info": settings.cache_path / f"{sha256}-info-v{INFO_VERSION}.json",
        "cover": settings.cache_path / cache_key(sha256, settings),
        "master": settings.cache_path / master_key(sha256, settings),
    }
    if all(path.is_file() for path in outputs.values()):
        return _info_from_json(outputs["info"].read_text(encoding="utf-8"))
    settings.cache_path.mkdir(parents=True, exist_ok=True)
    # Written under temporary names first, so an interrupted build never leaves half an entry.
    # Unique per process and thread: covers are inspected by a thread pool, and two issues may share a PDF.
    tag = f"{os.getpid()}-{threading.get_ident()}"
    partial = {name: path.with_name(f".{path.name}.{tag}.part") for name, path in outputs.items()}
    width, height = settings.cover_size
    command = [
        sys.executable,
        str(Path(__file__).with_name("cover_worker.py")),
        str(pdf_path),
        str(partial["info"]),
        str(partial["cover"]),
        str(partial["master"]),
        str(width),
        str(height),
        str(DENSITIES[-1]),
        settings.cover_format,
        str(settings.cover_quality),
    ]
    try:
        completed = run_bounded(command, limits)
    except BoundExceeded as exc:
        _discard(partial.values())
        raise CoverProblem(str(exc)) from None
    if completed.returncode == UNREADABLE:
        _discard(partial.values())
        raise PdfProblem("pdfium cannot open it")
    if completed.returncode != 0 or not all(path.is_file() for path in partial.values()):
        _discard(partial.values())
        last = (completed.stderr.decode("utf-8", "replace").strip().splitlines() or ["no output"])[-1]
        raise CoverProblem(f"exit {completed.returncode}: {last}")
    for name, path in partial.items():
        path.replace(outputs[name])
    logger.info("bulletin cover rendered: %s", pdf_path.name)
    return _info_from_json(outputs["info"].read_text(encoding="utf-8"))


def _discard(paths) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def _info_from_json(text: str) -> PdfInfo:
    raw = json.loads(text)
    pages = tuple(
        PdfPage(page["number"], tuple(TextBlock(block["text"], block["level"]) for block in page["blocks"]))
        for page in raw["pages"]
    )
    return PdfInfo(raw["size"], raw["page_count"], raw["sha256"], pages)
