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

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pypdfium2

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


def read_identity(path: Path) -> PdfIdentity:
    """The identity a PDF file states; an unreadable PDF states nothing (reported elsewhere)."""
    try:
        document = pypdfium2.PdfDocument(path.read_bytes())
    except (OSError, pypdfium2.PdfiumError):
        return PdfIdentity()
    try:
        title = document.get_metadata_dict().get("Title", "")
        first_page = ""
        if len(document):
            page = document[0]
            textpage = page.get_textpage()
            try:
                first_page = textpage.get_text_range()
            finally:
                textpage.close()
                page.close()
        return identity_of_text(title, first_page)
    finally:
        document.close()
