"""Which issue a bulletin PDF says it is: its month and number, read from the PDF itself.

Rule (docs/staff-guide.md, 「広報の PDF」): the PDF's title metadata is read first, then the text of
its first page (the masthead). Full-width digits count as digits.

- Month: the first 「…年…月号」, in 和暦 (「令和7年3月号」, 「令和元年5月号」) or 西暦
  (「2025年3月号」); 「令和7年（2025年）3月号」 is read too.
- Number: the first 「No.329」 (also 「No 329」, 「NO.329」) or 「第329号」.

A value the PDF does not state is not checked: only a PDF that states another month or number
than its Markdown file is an error.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ward_content.files import write_atomically
from ward_content.limits import DEFAULT_LIMITS, Limits

from .bounded import BoundExceeded, run_bounded
from .identity_worker import UNREADABLE

logger = logging.getLogger(__name__)

_ERAS = {"令和": 2018, "平成": 1988}
_MONTH = re.compile(
    r"(?:(?P<era>令和|平成)(?P<era_year>元|\d{1,2})|(?P<year>\d{4}))年"
    r"\s*(?:[（(]\s*\d{4}\s*年?\s*[）)])?\s*(?P<month>\d{1,2})\s*月号"
)
# Japanese runs straight into "No." (「3月号No.329」), so no word boundary before it.
_NUMBER = re.compile(r"(?:(?<![A-Za-z])No\.?\s*(?P<no>\d{1,5})(?!\d)|第\s*(?P<dai>\d{1,5})\s*号)", re.I)


@dataclass(frozen=True)
class PdfIdentity:
    """What the PDF states about itself; None where it states nothing."""

    year: int | None = None
    month: int | None = None
    number: int | None = None


def identity_of_text(*texts: str) -> PdfIdentity:
    """Month and number from the texts in order (title first, then the first page)."""
    year = month = number = None
    for text in texts:
        text = unicodedata.normalize("NFKC", text or "")
        if month is None and (found := _MONTH.search(text)):
            if found["era"]:
                era_year = 1 if found["era_year"] == "元" else int(found["era_year"])
                candidate = _ERAS[found["era"]] + era_year
            else:
                candidate = int(found["year"])
            if 1 <= int(found["month"]) <= 12:
                year, month = candidate, int(found["month"])
        if number is None and (found := _NUMBER.search(text)):
            number = int(found["no"] or found["dai"])
    return PdfIdentity(year, month, number)


# Part of the cached answer's name: bump when what the worker reads changes.
IDENTITY_VERSION = "1"


def read_identity(path: Path, cache: Path | None = None, limits: Limits = DEFAULT_LIMITS) -> PdfIdentity:
    """The identity a PDF file states; an unreadable PDF states nothing (reported elsewhere).

    pdfium reads it only in a bounded process (`identity_worker.py`); the texts it found are kept in
    `cache` by the PDF's hash, so a check or a preview save reads each PDF once.
    """
    try:
        data = path.read_bytes()
    except OSError:
        return PdfIdentity()
    cached = cache / f"{hashlib.sha256(data).hexdigest()}-identity-v{IDENTITY_VERSION}.json" if cache else None
    if cached is not None and cached.is_file():
        texts = json.loads(cached.read_text(encoding="utf-8"))
        return identity_of_text(texts["title"], texts["first_page"])
    command = [sys.executable, str(Path(__file__).with_name("identity_worker.py")), str(path)]
    try:
        done = run_bounded(command, limits)
    except BoundExceeded:
        return PdfIdentity()
    if done.returncode != 0:
        if done.returncode != UNREADABLE:
            last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no output"])[-1]
            logger.warning("PDF identity reader ended with status %s on %s: %s", done.returncode, path.name, last)
        return PdfIdentity()  # unreadable or past a limit: the build's cover worker reports it, located
    texts = json.loads(done.stdout.decode("utf-8"))
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(cached, json.dumps(texts, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return identity_of_text(texts["title"], texts["first_page"])
