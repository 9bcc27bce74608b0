"""Event and campaign files for tests (imported, not a conftest, so `from conftest import` stays unambiguous)."""

from __future__ import annotations

import yaml


def event_text(title: str = "花火大会", start: str = "2026-12-05 19:00", body: str = "本文です。", **fields) -> str:
    """A valid event's Markdown unless told otherwise; a field set to None is left out.

    A 中止 or 延期 event gets the change count and date the schema asks for, unless the test sets them.
    """
    # Defaults go last, so a test's own fields keep the line numbers its messages name.
    defaults = {"announced": "2026-10-01"}
    if fields.get("event_status") in ("中止", "延期"):
        defaults |= {"sequence": 1, "modified": "2026-11-20"}
    front = {
        "title": title,
        "section": "festival",
        "start": start,
        "venue": {"name": "海の公園", "address": "横浜市金沢区海の公園"},
        **fields,
    }
    front |= {k: v for k, v in defaults.items() if k not in fields}
    front = {k: v for k, v in front.items() if v is not None}
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + f"---\n{body}\n"


def campaign_text(title: str = "歯っぴい事業", start: str = "2026-04-01", end: str = "2027-03-31", **fields) -> str:
    """A valid campaign's Markdown unless told otherwise."""
    front = {"title": title, "section": "health", "start": start, "end": end, **fields}
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\nキャンペーンの説明です。\n"
