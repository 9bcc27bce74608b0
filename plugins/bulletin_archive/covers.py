"""A PDF read by pdfium only in a bounded process (text, bookmarks, cover thumbnail), cached by its hash."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import resource
import subprocess
import sys
from pathlib import Path

from ward_content.limits import DEFAULT_LIMITS, Limits

from .cover_worker import UNREADABLE
from .pdf import PdfInfo, PdfPage, PdfProblem, TextBlock
from .settings import BulletinSettings

# Part of the cached text's name: bump when what inspect_pdf extracts changes.
INFO_VERSION = "1"

logger = logging.getLogger(__name__)


def cache_key(sha256: str, settings: BulletinSettings) -> str:
    """The cached file's name: the PDF's content hash plus everything that changes the image."""
    width, height = settings.cover_size
    suffix = "jpg" if settings.cover_format == "jpeg" else "webp"
    return f"{sha256}-{width}x{height}-q{settings.cover_quality}.{suffix}"


def cover_for(pdf_path: Path, sha256: str, settings: BulletinSettings, limits: Limits = DEFAULT_LIMITS) -> Path:
    """The cached thumbnail of this PDF, made by `inspect_bounded` when no cache entry has its hash."""
    cached = settings.cache_path / cache_key(sha256, settings)
    if not cached.is_file():
        inspect_bounded(pdf_path, settings, limits)
    return cached


class CoverProblem(Exception):
    """pdfium could not read or draw the PDF within the limits."""


def _limit(memory_bytes: int, seconds: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))

    return apply


def inspect_bounded(pdf_path: Path, settings: BulletinSettings, limits: Limits = DEFAULT_LIMITS) -> PdfInfo:
    """The PDF's text, bookmarks and cover, read by pdfium in `cover_worker` (a process with bounded memory
    and time) and cached by the PDF's hash; PdfProblem if pdfium cannot open it, CoverProblem past a limit."""
    data = pdf_path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    cover = settings.cache_path / cache_key(sha256, settings)
    info_file = settings.cache_path / f"{sha256}-info-v{INFO_VERSION}.json"
    if cover.is_file() and info_file.is_file():
        return _info_from_json(info_file.read_text(encoding="utf-8"))
    settings.cache_path.mkdir(parents=True, exist_ok=True)
    # Written under temporary names first, so an interrupted build never leaves half an entry.
    partial_cover = cover.with_name(f".{cover.name}.{os.getpid()}.part")
    partial_info = info_file.with_name(f".{info_file.name}.{os.getpid()}.part")
    width, height = settings.cover_size
    command = [
        sys.executable,
        str(Path(__file__).with_name("cover_worker.py")),
        str(pdf_path),
        str(partial_cover),
        str(partial_info),
        str(width),
        str(height),
        settings.cover_format,
        str(settings.cover_quality),
    ]
    try:
        completed = subprocess.run(
            command,
            capture_output=True,
            timeout=limits.render_seconds,
            preexec_fn=_limit(limits.render_memory_bytes, limits.render_seconds),
            check=False,
        )
    except subprocess.TimeoutExpired:
        _discard(partial_cover, partial_info)
        raise CoverProblem(f"timed out after {limits.render_seconds} s") from None
    if completed.returncode == UNREADABLE:
        _discard(partial_cover, partial_info)
        raise PdfProblem("pdfium cannot open it")
    if completed.returncode != 0 or not partial_cover.is_file() or not partial_info.is_file():
        _discard(partial_cover, partial_info)
        last = (completed.stderr.decode("utf-8", "replace").strip().splitlines() or ["no output"])[-1]
        raise CoverProblem(f"exit {completed.returncode}: {last}")
    partial_info.replace(info_file)
    partial_cover.replace(cover)
    logger.info("bulletin cover rendered: %s", pdf_path.name)
    return _info_from_json(info_file.read_text(encoding="utf-8"))


def _discard(*paths: Path) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def _info_from_json(text: str) -> PdfInfo:
    raw = json.loads(text)
    pages = tuple(
        PdfPage(page["number"], tuple(TextBlock(block["text"], block["level"]) for block in page["blocks"]))
        for page in raw["pages"]
    )
    return PdfInfo(raw["size"], raw["page_count"], raw["sha256"], pages)
