"""Verdicts of a costly check of one file (a PDF's pages, sizes and active content; a photo's decoding), kept between builds.

pypdf walks every object of a PDF to find scripts and attachments: 5 ms for each of the sample site's
24 bulletins, 0.14 s of every build, while the files hardly ever change; Pillow decodes a 1600×1200
photo in 7 ms (ward_content.images). A verdict is kept under a key made of the file's bytes (SHA-256),
what the check was asked, the limits it used, the library's version and the checking module's own
source, so a changed file, limit, library or check is checked again. The
folder is in `.cache/` beside the other derived caches (restored between CI runs, never published).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import BinaryIO

from .files import write_atomically

# (message, code) pairs: what the check found, empty when the file passed.
Verdict = list[tuple[str, str]]
# A kept verdict is a few hundred bytes; anything larger in the folder is not read (checked again).
MAX_KEPT_BYTES = 64 << 10


@cache
def checker_version(package: str, module_file: str) -> str:
    """The installed version of the library a check uses and the checking module's own source: part
    of a verdict's question, so a new library or a changed check asks again."""
    from importlib.metadata import version

    return f"{package} {version(package)} {hashlib.sha256(Path(module_file).read_bytes()).hexdigest()[:16]}"


class Unsettled(Exception):
    """Raised by a check whose answer holds for this try only (the file could not be read just now):
    `Verdicts.of` returns `verdict` and keeps nothing."""

    def __init__(self, verdict: Verdict):
        super().__init__(verdict)
        self.verdict = verdict


class Verdicts:
    """Check results by key in one folder; `folder=None` keeps nothing (every file checked each time)."""

    def __init__(self, folder: Path | None):
        self.folder = folder

    def __repr__(self) -> str:
        return f"Verdicts({self.folder!r})"

    def of(self, stream: BinaryIO, question: str, check: Callable[[BinaryIO], Verdict]) -> Verdict:
        """The kept verdict on the bytes of `stream` (an open file) for this question, or `check(stream)`'s
        (`judged`, without saying whether it holds beyond this read)."""
        return self.judged(stream, question, check)[0]

    def judged(self, stream: BinaryIO, question: str, check: Callable[[BinaryIO], Verdict]) -> tuple[Verdict, bool]:
        """The kept verdict on the bytes of `stream` (an open file) for this question, or `check(stream)`'s,
        kept for next time; and whether it holds for these bytes (False when the check raised
        Unsettled or the file changed while it was checked: then nothing is kept, and a caller that
        remembers verdicts itself should not either).

        `question` names everything else the verdict depends on (the check's version, its limits). The
        check reads the same open file that was hashed (from its start), and the file is hashed again
        after it: a verdict is kept only for bytes that did not change while they were checked (a save
        that replaces the file or writes over it). Hashing goes a block at a time (a 100 MB PDF is
        never held whole). An OSError while hashing is the caller's to report.
        """
        entry = None
        if self.folder is not None:
            digest = hashlib.file_digest(stream, "sha256").hexdigest()
            stream.seek(0)
            key = hashlib.sha256(f"{question}\n{digest}".encode()).hexdigest()
            entry = self.folder / key[:2] / f"{key}.json"
            try:
                with entry.open("rb") as kept_file:
                    data = kept_file.read(MAX_KEPT_BYTES + 1)
                if len(data) > MAX_KEPT_BYTES:
                    raise ValueError("not a verdict this module wrote")
                kept = json.loads(data)
                return [(str(message), str(code)) for message, code in kept], True
            except (OSError, ValueError, TypeError):
                pass  # not kept yet, or unreadable: checked again and written over
        try:
            verdict = check(stream)
        except Unsettled as unsettled:
            return unsettled.verdict, False
        if entry is None:
            return verdict, True
        stream.seek(0)
        if hashlib.file_digest(stream, "sha256").hexdigest() != digest:
            return verdict, False  # written over while it was checked: the verdict may be of other bytes
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(entry, json.dumps(verdict, ensure_ascii=False).encode("utf-8"))
        except OSError:
            pass  # a cache that cannot be written (read-only, full) only costs the next build the check
        return verdict, True
