"""Verdicts of a costly check of one file (a PDF's pages, sizes and active content), kept between builds.

pypdf walks every object of a PDF to find scripts and attachments: 5 ms for each of the sample site's
24 bulletins, 0.14 s of every build, while the files hardly ever change. A verdict is kept under a key
made of the file's bytes (SHA-256), what the check was asked, the limits it used, pypdf's version and
the checking module's own source, so a changed file, limit, library or check is checked again. The
folder is in `.cache/` beside the other derived caches (restored between CI runs, never published).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from .files import write_atomically

# (message, code) pairs: what the check found, empty when the file passed.
Verdict = list[tuple[str, str]]


class Verdicts:
    """Check results by key in one folder; `folder=None` keeps nothing (every file checked each time)."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def __repr__(self) -> str:
        return f"Verdicts({self.folder!r})"

    def of(self, data: bytes, question: str, check: Callable[[], Verdict]) -> Verdict:
        """The kept verdict on these bytes for this question, or `check()`'s, kept for next time.

        `question` names everything else the verdict depends on (the check's version, its limits)."""
        if self.folder is None:
            return check()
        key = hashlib.sha256(f"{question}\n".encode() + data).hexdigest()
        entry = self.folder / key[:2] / f"{key}.json"
        try:
            kept = json.loads(entry.read_text(encoding="utf-8"))
            return [(str(message), str(code)) for message, code in kept]
        except (OSError, ValueError, TypeError):
            pass  # not kept yet, or unreadable: checked again and written over
        verdict = check()
        entry.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(entry, json.dumps(verdict, ensure_ascii=False).encode("utf-8"))
        return verdict
