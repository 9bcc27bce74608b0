"""Signal wiring: after the site is written, published photos are replaced by copies without metadata."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pelican import signals

from ward_content.config import settings_models
from ward_content.errors import ContentError, WardBuildError
from ward_content.files import files_under, write_atomically
from ward_content.page_writer import flush_pages

from .core import SUFFIXES, strip_metadata
from .settings import ImagePrivacySettings, read_settings

UNREADABLE_MESSAGE = (
    "画像として読めないファイルです。撮影した写真を JPEG・PNG・WebP で保存し直してから置いてください"
    "（位置情報などを消せないため公開しません）"
)
# Part of the cache key: bump when the re-encoding changes, so old cleaned copies are not reused.
ENCODER_VERSION = "1"


def cleaned_bytes(data: bytes, settings: ImagePrivacySettings) -> bytes | None:
    """The cleaned image from the cache, or re-encoded and cached; None when there is nothing to strip."""
    digest = hashlib.sha256(data).hexdigest()
    key = f"{digest}-v{ENCODER_VERSION}-q{settings.jpeg_quality}-w{settings.webp_quality}"
    cached = settings.cache_path / key
    if cached.is_file():
        return cached.read_bytes()
    if (settings.cache_path / f"{key}.clean").is_file():
        return None
    cleaned = strip_metadata(data, settings)
    settings.cache_path.mkdir(parents=True, exist_ok=True)
    # A marker for images without metadata, so they are not opened again on every build.
    entry = cached if cleaned is not None else cached.with_name(f"{key}.clean")
    write_atomically(entry, cleaned or b"")
    return cleaned


def published_photos(output_path: Path, settings: ImagePrivacySettings, content_root: Path | None) -> list[Path]:
    """The photos under the configured output folders, and every photo copied from content/ wherever it lies.

    Pelican copies a file linked with {static} even outside STATIC_PATHS: `[写真]({static}/images/a.jpg)`
    publishes the original images/a.jpg, which must lose its GPS position as the ones in files/ do.
    """
    found = set()
    suffixes = tuple(SUFFIXES)
    for folder in settings.folders:
        root = output_path / folder
        if root.is_dir():
            found.update(root / rel for rel in files_under(root, suffixes))
    if content_root is not None and content_root.is_dir():
        found.update(output_path / rel for rel in files_under(content_root, suffixes))
    return sorted(p for p in found if p.is_file())


def clean_published_images(output_path: Path, settings: ImagePrivacySettings, content_root: Path | None = None) -> int:
    """Replace every published photo (see `published_photos`) by its cleaned copy; returns how many.

    A photo Pillow cannot read might still carry its metadata, so it fails the build (every such
    file named at once) instead of being published as it is.
    """
    replaced = 0
    errors = []
    for path in published_photos(output_path, settings, content_root):
        try:
            cleaned = cleaned_bytes(path.read_bytes(), settings)
        except OSError:
            rel = path.relative_to(output_path).as_posix()
            errors.append(ContentError(f"content/{rel}", 1, "", UNREADABLE_MESSAGE, "unreadable image"))
            continue
        if cleaned is not None:
            # Replaces a hard or symbolic link (STATIC_CREATE_LINKS) instead of writing through it into content/.
            write_atomically(path, cleaned)
            replaced += 1
    if errors:
        raise WardBuildError(errors)
    return replaced


def finalize(pelican) -> None:
    """Runs once everything, the static copies included, is written (the static generator runs last)."""
    flush_pages()  # files the build's writer deferred are written first
    content_root = Path(pelican.settings["PATH"]).resolve()
    clean_published_images(Path(pelican.output_path), read_settings(pelican.settings), content_root)


def provide_settings(sender):
    return ImagePrivacySettings


def register() -> None:
    settings_models.connect(provide_settings)
    signals.finalized.connect(finalize)
