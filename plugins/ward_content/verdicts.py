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

    def of(self, path: Path, question: str, check: Callable[[], Verdict]) -> Verdict:
        """The kept verdict on this file's bytes for this question, or `check()`'s, kept for next time.

        `question` names everything else the verdict depends on (the check's version, its limits).
        The file is hashed a block at a time: a 100 MB PDF is never held whole for its key."""
        if self.folder is None:
            return check()
        try:
            with path.open("rb") as stream:
                digest = hashlib.file_digest(stream, "sha256").hexdigest()
        except OSError:
            return check()  # unreadable: the check says what it finds, and nothing is kept
        key = hashlib.sha256(f"{question}\n{digest}".encode()).hexdigest()
        entry = self.folder / key[:2] / f"{key}.json"
        try:
            kept = json.loads(entry.read_text(encoding="utf-8"))
            return [(str(message), str(code)) for message, code in kept]
        except (OSError, ValueError, TypeError):
            pass  # not kept yet, or unreadable: checked again and written over
        verdict = check()
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(entry, json.dumps(verdict, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written (read-only, full) only costs the next build the check
        return verdict
