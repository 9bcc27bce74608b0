"""Jinja filters for Japanese dates, installed through JINJA_FILTERS in pelicanconf.py."""

from __future__ import annotations

from datetime import date, datetime

from . import dates


def jpdate(value: date | datetime | None, weekday: bool = True) -> str:
    """2026年11月28日（土）."""
    return dates.format_date(value, weekday) if value else ""


def jpdatetime(value: date | datetime | None) -> str:
    """2026年8月29日（土）19:00, or just the date when there is no time."""
    if not value:
        return ""
    if isinstance(value, datetime) and (value.hour or value.minute):
        return f"{dates.format_date(value)}{dates.format_time(value)}"
    return dates.format_date(value)


def wareki(value: date | datetime | None) -> str:
    """令和8年."""
    return dates.wareki(value) if value else ""


def wareki_date(value: date | datetime | None) -> str:
    """令和8年11月28日."""
    return dates.wareki_date(value) if value else ""


def fiscal_year_label(value: date | datetime | int) -> str:
    """令和8年度, from a date or from the fiscal year number (2026)."""
    year = value if isinstance(value, int) else dates.fiscal_year(value)
    return dates.fiscal_year_label(year)


def isodate(value: date | datetime | None) -> str:
    """2026-11-28, for <time datetime>."""
    if not value:
        return ""
    return value.date().isoformat() if isinstance(value, datetime) else value.isoformat()


FILTERS = {
    "jpdate": jpdate,
    "jpdatetime": jpdatetime,
    "jptime": dates.format_time,
    "wareki": wareki,
    "wareki_date": wareki_date,
    "fiscal_year_label": fiscal_year_label,
    "isodate": isodate,
}
