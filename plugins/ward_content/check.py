"""Checking the whole content folder without a build: every file, then checks across files."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .document import CONTENT_SUFFIXES, Document, load_document
from .errors import ContentError, ContentErrors, split_warnings
from .kinds import Kind, all_kinds


@dataclass(frozen=True)
class CheckResult:
    """Every valid document and every problem of a content folder; warnings do not make it fail."""

    documents: tuple[Document, ...]
    errors: tuple[ContentError, ...]
    warnings: tuple[ContentError, ...] = ()


def content_files(content_root: Path) -> list[str]:
    """Every Markdown file under the content folder, content-relative, sorted."""
    found = []
    for folder, dirs, files in os.walk(content_root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if name.endswith(CONTENT_SUFFIXES):
                found.append(Path(folder, name).relative_to(content_root).as_posix())
    return sorted(found)


def check_tree(content_root: Path) -> CheckResult:
    """Validate every file and the links between them; nothing is skipped silently."""
    documents: list[Document] = []
    errors: list[ContentError] = []
    for rel_path in content_files(content_root):
        try:
            documents.append(load_document(content_root, rel_path))
        except ContentErrors as exc:
            errors.extend(exc.errors)
    errors.extend(check_collection(documents))
    errors, warnings = split_warnings(errors)
    return CheckResult(tuple(documents), tuple(errors), tuple(warnings))


def check_collection(documents: Iterable[Document]) -> list[ContentError]:
    """URL clashes across all types, then each type's own checks across its files."""
    documents = list(documents)
    return url_clashes(documents) + kind_checks(documents, all_kinds())


def kind_checks(documents: Iterable[Document], kinds: Iterable[Kind]) -> list[ContentError]:
    """Each kind's `collection_check` over its own documents."""
    documents = list(documents)
    errors: list[ContentError] = []
    for kind in kinds:
        if kind.collection_check:
            errors.extend(kind.collection_check([d for d in documents if d.kind is kind]))
    return errors


def url_clashes(documents: Iterable[Document]) -> list[ContentError]:
    """Two files of any types that would be written at the same URL, each named."""
    errors: list[ContentError] = []
    by_url: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        by_url[doc.url].append(doc)
    for url, clashing in sorted(by_url.items()):
        if len(clashing) < 2:
            continue
        names = "、".join(sorted(d.shown for d in clashing))
        for doc in clashing:
            errors.append(
                ContentError(
                    doc.shown,
                    doc.line_of("slug") if "slug" in doc.front.lines else 1,
                    "slug",
                    f"URL /{url} が複数のファイルで同じです（{names}）。どちらかのファイル名か slug を変えてください",
                    "two files produce the same URL",
                )
            )
    return errors
