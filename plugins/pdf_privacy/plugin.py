"""Signal wiring: after the site is written, every PDF in it is replaced by a copy without metadata."""

from __future__ import annotations

import hashlib
from pathlib import Path

from pelican import signals

from ward_content.build_scope import ensure_scope
from ward_content.errors import ContentError, WardBuildError
from ward_content.files import files_under, write_atomically
from ward_content.page_writer import flush_pages

from .core import PdfUnreadable, strip_metadata

UNREADABLE_MESSAGE = (
    "PDF を読めないため、作成者などの情報を消せません。PDF を作り直して置いてください（消せないため公開しません）"
)
# Part of the cache key: bump when the rewriting changes, so old cleaned copies are not reused.
CLEANER_VERSION = "1"


def cleaned_copy(data: bytes, cache: Path) -> Path | None:
    """The kept copy of this PDF without metadata in the cache (made if need be), or None when it has
    nothing to strip."""
    key = f"{hashlib.sha256(data).hexdigest()}-v{CLEANER_VERSION}"
    cached = cache / f"{key}.pdf"
    if cached.is_file():
        return cached
    if (cache / f"{key}.clean").is_file():
        return None
    cleaned = strip_metadata(data)
    cache.mkdir(parents=True, exist_ok=True)
    write_atomically(cached if cleaned is not None else cache / f"{key}.clean", cleaned or b"")
    return cached if cleaned is not None else None


def cleaned_bytes(data: bytes, cache: Path) -> bytes | None:
    """The cleaned PDF from the cache, or rewritten and cached; None when there is nothing to strip."""
    kept = cleaned_copy(data, cache)
    return kept.read_bytes() if kept is not None else None


def clean_published_pdfs(
    output_path: Path, content_root: Path, cache: Path, already_clean: frozenset[str] | set[str] = frozenset()
) -> int:
    """Replace every PDF of the written site by its cleaned copy; an unreadable one fails the build, named.

    `already_clean`: output-relative files the build placed from a kept cleaned copy (`cleaned_copy`),
    not read again.
    """
    replaced = 0
    errors = []
    for rel in files_under(output_path, (".pdf",)):
        if rel in already_clean:
            continue
        path = output_path / rel
        try:
            cleaned = cleaned_bytes(path.read_bytes(), cache)
        except PdfUnreadable:
            rel = path.relative_to(output_path).as_posix()
            shown = f"content/{rel}" if (content_root / rel).is_file() else f"output/{rel}"
            errors.append(ContentError(shown, 1, "", UNREADABLE_MESSAGE, "pdf metadata not removable"))
            continue
        if cleaned is not None:
            write_atomically(path, cleaned)
            replaced += 1
    if errors:
        raise WardBuildError(errors)
    return replaced


def finalize(pelican) -> None:
    """Runs once everything, the static copies and the bulletin PDFs included, is written."""
    flush_pages()  # files the build's writer deferred are written first
    content_root = Path(pelican.settings["PATH"]).resolve()
    cache = Path(pelican.settings.get("PDF_PRIVACY_CACHE_PATH") or content_root.parent / ".cache" / "pdf_privacy")
    clean_published_pdfs(Path(pelican.output_path), content_root, cache, ensure_scope().clean_files)


def register() -> None:
    signals.finalized.connect(finalize)
