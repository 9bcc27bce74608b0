"""Non-Markdown content (CSV under content/data/) that a plugin checks, in the build and in `invoke check`.

A plugin declares a `DataCheck` and hands it over like a content type, from its register():
`data_checks.connect(provide_data_checks)` with a module-level
`def provide_data_checks(sender): return (CHECK,)`. The registry collects them with the build's
content types, and the content set runs them with its checks across files, so the problems are
reported once, by `invoke check` and by the build alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .document import Document
from .errors import ContentError
from .registry import ward_signals

# In the foundation's namespace, so a build's receivers are disconnected with its scope.
data_checks = ward_signals.signal("ward_data_checks")


@dataclass(frozen=True)
class DataCheck:
    """Files a plugin reads besides Markdown, and the check that locates every problem in them."""

    name: str  # English key
    label: str  # Japanese name shown to staff
    check: Callable[[Path], list[ContentError]] | None = None  # content folder -> located problems
    # For files that Markdown names (a bulletin's PDF): content folder, every valid document -> located
    # problems, on the field that names the file when there is one.
    documents_check: Callable[[Path, Sequence[Document]], list[ContentError]] | None = None
    # The pages and files the plugin writes from these files (content folder -> URLs), so links to them
    # in content are known (ward_content.site_links.known_urls).
    site_urls: Callable[[Path], Iterable[str]] | None = None


def collect_data_checks(sender: object = None) -> tuple[DataCheck, ...]:
    """Every DataCheck the loaded plugins provide, by name."""
    found = {check.name: check for _, provided in data_checks.send(sender) for check in (provided or ())}
    return tuple(found[name] for name in sorted(found))


def check_data_files(
    content_root: Path, checks: tuple[DataCheck, ...], documents: Sequence[Document] = ()
) -> list[ContentError]:
    """Every data check over one content folder (and its valid documents, for the checks that want them)."""
    errors: list[ContentError] = []
    for data_check in checks:
        if data_check.check is not None:
            errors += data_check.check(content_root)
        if data_check.documents_check is not None:
            errors += data_check.documents_check(content_root, documents)
    return errors
