"""Checking the whole content folder without a build: the same content set the build takes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content_set import ContentSet, load_content_set
from .document import Document
from .errors import ContentError
from .limits import DEFAULT_LIMITS, Limits
from .registry import ContentTypes
from .verdicts import Verdicts


@dataclass(frozen=True)
class CheckResult:
    """Every valid document and every problem of a content folder; warnings do not make it fail."""

    documents: tuple[Document, ...]
    errors: tuple[ContentError, ...]
    content: ContentSet
    warnings: tuple[ContentError, ...] = ()


def check_tree(
    content_root: Path, types: ContentTypes, limits: Limits = DEFAULT_LIMITS, verdicts: Verdicts | None = None
) -> CheckResult:
    """Validate every file and the links between them; nothing is skipped silently.

    Photos, PDFs and anything else under the folder are checked as the build checks them
    (`sources.scan_tree`), with the same limits, so a check never passes what the build refuses.
    """
    content = load_content_set(content_root, types, limits, verdicts=verdicts)
    return CheckResult(content.documents, content.errors, content, content.warnings)
