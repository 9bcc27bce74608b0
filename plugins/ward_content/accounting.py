"""Every file under content/ is published, an explicit draft, or a reported error: never silently dropped."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from .content_set import ContentSet
from .errors import ContentError, ContentErrors

# Pelican's generators keep what they read in these attributes.
_CONTENT_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "pages",
    "hidden_pages",
    "hidden_translations",
    "draft_pages",
    "draft_translations",
)


class LogCapture(logging.Handler):
    """Collects Pelican's warnings and errors during one build, so all are reported together."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def take(self) -> list[logging.LogRecord]:
        """The records so far; the capture starts afresh."""
        records, self.records = self.records, []
        return records


def drop_could_not_process(record: logging.LogRecord) -> bool:
    """False for Pelican's "Could not process" line about a file our reader refused (reported in full)."""
    refused = record.msg == "Could not process %s" and isinstance(record.exc_info, tuple)
    return not (refused and isinstance(record.exc_info[1], ContentErrors))


def consumed_paths(generators: Iterable) -> set[str]:
    """Content-relative paths of the documents the generators took (Pelican's and ours)."""
    paths: set[str] = set()
    for generator in generators:
        for name in _CONTENT_LISTS:
            for content in getattr(generator, name, ()):
                doc = content.metadata.get("ward")
                if doc is not None:
                    paths.add(doc.rel_path)
        paths.update(doc.rel_path for doc in getattr(generator, "ward_documents", ()))
    return paths


def account(content: ContentSet, generators: Iterable, captured: Iterable[logging.LogRecord]) -> list[ContentError]:
    """Every problem of the build: the content set's, files nobody published, Pelican's warnings."""
    generators = list(generators)
    errors = list(content.errors)
    # Problems only a generator can find (a PDF that pdfium cannot open, a month gap from a setting).
    errors.extend(error for generator in generators for error in getattr(generator, "ward_errors", ()))
    taken = consumed_paths(generators)
    refused = content.refused
    for doc in content.documents:
        if doc.rel_path not in taken and doc.shown not in refused:
            errors.append(
                ContentError(
                    doc.shown,
                    1,
                    "",
                    "このファイルはどのページにもなりませんでした。フォルダの場所を確かめてください",
                    "file was read by no generator",
                )
            )
    errors.extend(log_errors(captured))
    return sorted(set(errors))


def build_warnings(content: ContentSet, generators: Iterable) -> list[ContentError]:
    """Warnings of the build (the content set's, and `ward_warnings` a generator found), sorted; they fail nothing."""
    found = set(content.warnings)
    found.update(warning for generator in generators for warning in getattr(generator, "ward_warnings", ()))
    return sorted(found)


class LinkTarget:
    """What Pelican's `{filename}` replacement needs of a page a plugin generator writes: its URL."""

    def __init__(self, url: str):
        self.url = url


def register_link_targets(context: dict, generators: Iterable) -> None:
    """Let `{filename}/history/sites/x.md` resolve for pages our own generators publish."""
    generated = context.setdefault("generated_content", {})
    for generator in generators:
        for doc in getattr(generator, "ward_documents", ()):
            if getattr(doc.meta, "status", "published") != "draft":
                generated.setdefault(doc.rel_path, LinkTarget(doc.url))


def _dangling_link_warning(message: str) -> bool:
    """Pelican's static generator cannot date a dangling link; the scan of content/ reports it, located."""
    prefix = "Cannot get modification stamp for "
    return message.startswith(prefix) and Path(message[len(prefix) :].splitlines()[0]).is_symlink()


def log_errors(records: Iterable[logging.LogRecord]) -> list[ContentError]:
    """Pelican's warnings and errors as build problems (a file our reader refused is reported already)."""
    errors = []
    for record in records:
        message = record.getMessage()
        if message.startswith("Could not process") or _dangling_link_warning(message):
            continue
        errors.append(ContentError("(pelican)", 0, "", message.splitlines()[0], f"pelican {record.levelname.lower()}"))
    return errors
