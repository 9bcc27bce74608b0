"""Every file under content/ is published, an explicit draft, or a reported error: never silently dropped."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from .check import content_files, kind_checks, url_clashes
from .document import Document, display_path, load_document
from .errors import ContentError, ContentErrors
from .kinds import all_kinds

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


def documents_of(generators: Iterable) -> tuple[list[Document], list[ContentError]]:
    """Documents read by Pelican's generators and by ours (`ward_documents`, `ward_errors`, `ward_warnings`)."""
    documents: list[Document] = []
    errors: list[ContentError] = []
    for generator in generators:
        for name in _CONTENT_LISTS:
            for content in getattr(generator, name, ()):
                doc = content.metadata.get("ward")
                if doc is not None:
                    documents.append(doc)
        documents.extend(getattr(generator, "ward_documents", ()))
        errors.extend(getattr(generator, "ward_errors", ()))
        errors.extend(getattr(generator, "ward_warnings", ()))
    return documents, errors


def account(content_root: Path, generators: Iterable, captured: Iterable[logging.LogRecord]) -> list[ContentError]:
    """Every problem of the build: files nobody published, Pelican's warnings, cross-file checks.

    Content warnings (severity "warning") are among them; the caller reports them without failing.
    """
    generators = list(generators)
    documents, errors = documents_of(generators)
    seen = {doc.rel_path for doc in documents} | {_rel(content_root, e.path) for e in errors}
    for rel_path in content_files(content_root):
        if rel_path in seen:
            continue
        try:
            load_document(content_root, rel_path)
        except ContentErrors as exc:
            errors.extend(exc.errors)
        else:
            errors.append(
                ContentError(
                    display_path(content_root, rel_path),
                    1,
                    "",
                    "このファイルはどのページにもなりませんでした。フォルダの場所を確かめてください",
                    "file was read by no generator",
                )
            )
    # A folder generator already ran its kinds' cross-file checks (it needed them to skip broken
    # files); the rest run here, once.
    checked = {kind for g in generators for kind in getattr(g, "ward_checked_kinds", ())}
    errors.extend(url_clashes(documents))
    errors.extend(kind_checks(documents, [k for k in all_kinds() if k not in checked]))
    errors.extend(log_errors(captured))
    return sorted(set(errors))


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


def _rel(content_root: Path, shown: str) -> str:
    prefix = content_root.name + "/"
    return shown[len(prefix) :] if shown.startswith(prefix) else shown


def log_errors(records: Iterable[logging.LogRecord]) -> list[ContentError]:
    errors = []
    for record in records:
        message = record.getMessage()
        # A file our reader refused is reported above with its located problems.
        if message.startswith("Could not process"):
            continue
        errors.append(ContentError("(pelican)", 0, "", message.splitlines()[0], f"pelican {record.levelname.lower()}"))
    return errors
