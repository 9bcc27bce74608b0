"""Japanese dates: parsing the forms staff write, and formatting as residents read them."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

TOKYO = ZoneInfo("Asia/Tokyo")
WEEKDAYS = "月火水木金土日"

# Era starts, newest first. Only eras a PR page plausibly needs (published dates, history).
ERAS = (
    ("令和", date(2019, 5, 1)),
    ("平成", date(1989, 1, 8)),
    ("昭和", date(1926, 12, 25)),
    ("大正", date(1912, 7, 30)),
    ("明治", date(1868, 1, 25)),
)

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_SLASH = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_KANJI = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_WAREKI = re.compile(r"^(令和|平成|昭和|大正|明治)(\d{1,2}|元)年(\d{1,2})月(\d{1,2})日$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})$")
_NO_YEAR = re.compile(r"^\d{1,2}月\d{1,2}日$|^\d{1,2}/\d{1,2}$")
# A year, or a year and month, without the day: 2026, 2026年8月, 2026/8, 2026-08, 昭和47年, 令和8年8月.
_PARTIAL = re.compile(r"^(?:(?:令和|平成|昭和|大正|明治)(?:\d{1,2}|元)|\d{4})(?:年|年\d{1,2}月|[-/]\d{1,2})?$")
_WEEKDAY_SUFFIX = re.compile(r"[（(][月火水木金土日](?:・?祝)?[）)]$")

DATE_HINT = "2026-08-29 のように書いてください"
# Dates a PR page can mean: from 明治 (the eras above, 年度 and the calendar need one) to a bound that keeps
# every month after the last one a valid date (year 9999 would overflow it, year 1 the calendar's first week).
FIRST_DATE = ERAS[-1][1]
LAST_DATE = date(2199, 12, 31)


class DateFormatError(ValueError):
    """A date or time staff wrote that cannot be read; the message is Japanese."""


class TimeFormatError(DateFormatError):
    """The time of a date and time cannot be read (its code is `invalid time`, as the guide lists it)."""


def normalise_text(value: str) -> str:
    """Full-width digits and punctuation to ASCII (NFKC), trimmed."""
    return unicodedata.normalize("NFKC", value).strip()


def parse_date(value: object) -> date:
    """Read 2026-08-29, 2026/8/29, 2026年8月29日, 令和8年8月29日 or full-width forms."""
    return _in_range(value, _read_date(value))


def _in_range(original: object, day: date) -> date:
    if not FIRST_DATE <= day <= LAST_DATE:
        raise DateFormatError(
            f"「{original}」は扱える日付（{FIRST_DATE.isoformat()} から {LAST_DATE.isoformat()} まで）の外です。{DATE_HINT}"
        )
    return day


def _read_date(value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value is None or not str(value).strip():
        raise DateFormatError(f"日付が空欄です。{DATE_HINT}。任意の項目なら、行ごと消してください")
    text = _WEEKDAY_SUFFIX.sub("", normalise_text(str(value)))
    for pattern in (_ISO, _SLASH, _KANJI):
        match = pattern.match(text)
        if match:
            return _make_date(value, *(int(g) for g in match.groups()))
    match = _WAREKI.match(text)
    if match:
        era, year, month, day = match.groups()
        start = dict(ERAS)[era]
        western = start.year + (1 if year == "元" else int(year)) - 1
        result = _make_date(value, western, int(month), int(day))
        if result < start:
            raise DateFormatError(f"「{value}」は{era}の始まり（{format_date(start)}）より前です。{DATE_HINT}")
        return result
    if _PARTIAL.match(text):
        # "昭和47年" or "2026年8月": a year or a month is not a day; say what is missing.
        raise DateFormatError(
            f"「{value}」には日がありません。{DATE_HINT}（年・月までしか分からないときは、この項目には書けません）"
        )
    if _NO_YEAR.match(text):
        raise DateFormatError(
            f"「{value}」は日付として読めません（年がありません）。2026-08-29 のように年から書いてください"
        )
    raise DateFormatError(f"「{value}」は日付として読めません。{DATE_HINT}")


def _make_date(original: object, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateFormatError(f"「{original}」は日付として読めません。{DATE_HINT}") from None


def parse_time(value: object) -> time:
    """Read 19:00 or １９：００ (full width)."""
    if isinstance(value, time):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        # YAML 1.1 reads 19:00 as a sexagesimal integer (1140); undo that.
        value = f"{value // 60}:{value % 60:02d}"
    if value is None or not str(value).strip():
        raise TimeFormatError("時刻が空欄です。19:00 のように24時間制で書くか、任意の項目なら行ごと消してください")
    text = normalise_text(str(value))
    match = _TIME.match(text)
    if match:
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise TimeFormatError(
        f"「{value}」は時刻として読めません。19:00 のように24時間制で、時と分を半角の「:」で区切って書いてください"
    )


def parse_datetime(value: object) -> date | datetime:
    """A date, or a date and time separated by a space or T; aware in Asia/Tokyo when timed."""
    if isinstance(value, datetime):
        _in_range(value, value.date())
        return value if value.tzinfo else value.replace(tzinfo=TOKYO)
    if isinstance(value, date):
        return parse_date(value)
    if value is None or not str(value).strip():
        return parse_date(value)  # the message for an empty date
    text = normalise_text(str(value))
    parts = re.split(r"[ T]+", text, maxsplit=1)
    if len(parts) == 2 and ":" in parts[1]:
        day = parse_date(parts[0])
        clock = parse_time(parts[1])
        return datetime.combine(day, clock, tzinfo=TOKYO)
    if len(parts) == 2:
        # "2027/1/10 10時": a time written without ":" reads as neither a date nor a date and time.
        try:
            return parse_date(text)
        except DateFormatError:
            raise DateFormatError(
                f"「{value}」は日付と時刻として読めません。2026-08-29 19:00 のように、日付の後に半角スペースと"
                "24時間制の時刻（時と分を半角の「:」で区切る）を書いてください"
            ) from None
    return parse_date(text)


def to_datetime(value: date | datetime) -> datetime:
    """Midnight in Tokyo for a bare date; aware datetimes unchanged."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=TOKYO)
    return datetime.combine(value, time(0, 0), tzinfo=TOKYO)


def weekday_ja(value: date) -> str:
    """The one-character weekday: 土."""
    return WEEKDAYS[value.weekday()]


def format_date(value: date | datetime, weekday: bool = True) -> str:
    """2026年11月28日（土）. Never through the OS locale, which is not Japanese here."""
    day = value.date() if isinstance(value, datetime) else value
    text = f"{day.year}年{day.month}月{day.day}日"
    return f"{text}（{weekday_ja(day)}）" if weekday else text


def format_time(value: time | datetime) -> str:
    """19:00."""
    return f"{value.hour}:{value.minute:02d}"


def era_year(value: date | datetime) -> tuple[str, int]:
    """(era name, year in era) for a date from 明治 on."""
    day = value.date() if isinstance(value, datetime) else value
    for name, start in ERAS:
        if day >= start:
            return name, day.year - start.year + 1
    raise ValueError(f"{day} is before 明治")


def format_era_year(year_in_era: int) -> str:
    """1 is written 元."""
    return "元" if year_in_era == 1 else str(year_in_era)


def wareki(value: date | datetime) -> str:
    """令和8年."""
    name, year = era_year(value)
    return f"{name}{format_era_year(year)}年"


def wareki_date(value: date | datetime) -> str:
    """令和8年11月28日."""
    day = value.date() if isinstance(value, datetime) else value
    return f"{wareki(day)}{day.month}月{day.day}日"


def fiscal_year(value: date | datetime) -> int:
    """年度: April to March, named by the year it starts in."""
    day = value.date() if isinstance(value, datetime) else value
    return day.year if day.month >= 4 else day.year - 1


def fiscal_year_label(year: int) -> str:
    """令和8年度 for 2026 (the era of the fiscal year's first day, 1 April)."""
    name, era = era_year(date(year, 4, 1))
    return f"{name}{format_era_year(era)}年度"


def today_tokyo() -> date:
    """Today's date in Asia/Tokyo, whatever the machine's time zone."""
    return datetime.now(TOKYO).date()
