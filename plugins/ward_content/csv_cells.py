"""CSV cells a spreadsheet would run as a formula are neutralised, as open-data guidance (and OWASP) advise."""

from __future__ import annotations

import re

# Excel, LibreOffice and Google Sheets start a formula (or DDE) with these.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def neutralise(value: str) -> str:
    """`'=1+2` for `=1+2`: the leading apostrophe makes a spreadsheet show the text. Plain numbers stay."""
    if value.startswith(FORMULA_STARTS) and not _NUMBER.match(value):
        return "'" + value
    return value


def safe_row(row: dict[str, str]) -> dict[str, str]:
    """Every cell of a row neutralised; the one door through which our open-data CSV rows pass."""
    return {key: neutralise(value) for key, value in row.items()}
