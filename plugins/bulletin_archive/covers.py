"""Cover thumbnails: the PDF's first page rendered by pdfium in a bounded process, cached by hash."""

from __future__ import annotations

import logging
import os
import resource
import subprocess
import sys
from pathlib import Path

from ward_content.limits import DEFAULT_LIMITS, Limits

from .settings import BulletinSettings

logger = logging.getLogger(__name__)


def cache_key(sha256: str, settings: BulletinSettings) -> str:
    """The cached file's name: the PDF's content hash plus everything that changes the image."""
    width, height = settings.cover_size
    suffix = "jpg" if settings.cover_format == "jpeg" else "webp"
    return f"{sha256}-{width}x{height}-q{settings.cover_quality}.{suffix}"


def cover_for(pdf_path: Path, sha256: str, settings: BulletinSettings, limits: Limits = DEFAULT_LIMITS) -> Path:
    """The cached thumbnail of this PDF, rendered only when no cache entry has its hash; CoverProblem if it fails."""
    cached = settings.cache_path / cache_key(sha256, settings)
    if cached.is_file():
        return cached
    data = render_cover(pdf_path, settings, limits)
    settings.cache_path.mkdir(parents=True, exist_ok=True)
    # Written under a temporary name first, so an interrupted build never leaves half an image.
    partial = cached.with_name(f".{cached.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(cached)
    logger.info("bulletin cover rendered: %s", pdf_path.name)
    return cached


class CoverProblem(Exception):
    """pdfium could not draw the first page within the limits (or at all)."""


def _limit(memory_bytes: int, seconds: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))

    return apply


def render_cover(pdf_path: Path, settings: BulletinSettings, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The cover drawn by `cover_worker` in a process of its own, with bounded memory and time.

    One hostile PDF can then only end that process; the build reports it and goes on.
    """
    width, height = settings.cover_size
    command = [
        sys.executable,
        str(Path(__file__).with_name("cover_worker.py")),
        str(pdf_path),
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
        raise CoverProblem(f"timed out after {limits.render_seconds} s") from None
    if completed.returncode != 0 or not completed.stdout:
        last = (completed.stderr.decode("utf-8", "replace").strip().splitlines() or ["no output"])[-1]
        raise CoverProblem(f"exit {completed.returncode}: {last}")
    return completed.stdout
