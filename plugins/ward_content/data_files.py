"""Non-Markdown content (CSV under content/data/) that a plugin checks, so `invoke check` reports it too.

A plugin declares a `DataCheck` and hands it over through the `data_checks` signal from its
register(), like content types: `data_checks.connect(provide_data_checks)` with a module-level
`def provide_data_checks(sender): return (CHECK,)`. The build reports the same problems through the
plugin's generator (`ward_errors`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from blinker import signal

from .errors import ContentError

data_checks = signal("ward-data-checks")


@dataclass(frozen=True)
class DataCheck:
    """Files a plugin reads besides Markdown, and the check that locates every problem in them."""

    name: str  # English key
    label: str  # Japanese name shown to staff
    check: Callable[[Path], list[ContentError]]  # content folder -> located problems


def registered_data_checks() -> tuple[DataCheck, ...]:
    """Every DataCheck the loaded plugins provide, by name."""
    found = [check for _, provided in data_checks.send(None) for check in (provided or ())]
    return tuple(sorted(found, key=lambda c: c.name))


def check_data_files(content_root: Path) -> list[ContentError]:
    """Every registered data check over one content folder."""
    errors: list[ContentError] = []
    for data_check in registered_data_checks():
        errors.extend(data_check.check(content_root))
    return errors
