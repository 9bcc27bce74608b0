"""Hostile or mistaken content found by the round-3 attack corpus: each is refused on its line, never a traceback."""

from __future__ import annotations

import pytest
from conftest import article, check_tree, write_files

EVENT = """---
title: 教室
section: health
start: {start}
announced: 2026-10-01
venue:
  name: 会場
  address: 横浜市金沢区
{extra}---
本文です。
"""
OUT_OF_RANGE = "扱える日付（1868-01-25 から 2199-12-31 まで）の外です"


@pytest.mark.parametrize(
    ("rel", "text", "line", "field"),
    [
        (
            "events/a.md",
            EVENT.format(start="2026-12-05 10:00", extra="recurrence:\n  frequency: weekly\n  until: 9999-12-31\n"),
            11,
            "recurrence.until",
        ),
        ("events/a.md", EVENT.format(start="9999-12-31 23:59", extra=""), 4, "start"),
        ("events/a.md", EVENT.format(start="0001-01-01", extra=""), 4, "start"),
        ("news/a.md", article(date="0001-01-01"), 3, "date"),
        ("news/a.md", article(modified="2200-01-01"), 4, "modified"),
    ],
    ids=["until-9999", "start-9999", "start-0001", "news-0001", "modified-2200"],
)
def test_a_date_no_calendar_can_show_is_a_located_error(tmp_path, rel, text, line, field):
    write_files(tmp_path / "content", {rel: text})
    (error,) = check_tree(tmp_path / "content").errors
    assert (error.path, error.line, error.field, error.code) == (f"content/{rel}", line, field, "invalid date")
    assert OUT_OF_RANGE in error.message
