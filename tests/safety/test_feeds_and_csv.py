"""Feed summaries are text once escaped; open-data CSV cells never start a spreadsheet formula."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET

import yaml
from bs4 import BeautifulSoup
from conftest import build_site

ATOM = "{http://www.w3.org/2005/Atom}"
MARKUP = '<img src=x onerror="alert(1)"> & <b>太字</b>'


def _front(front: dict, body: str = "本文です。") -> str:
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + f"---\n{body}\n"


def test_event_feed_summary_is_plain_text_in_a_feed_reader_and_csv_cells_are_neutralised(tmp_path):
    event = {
        "title": '=HYPERLINK("https://example.com")',
        "section": "festival",
        "start": "2026-12-05 19:00",
        "announced": "2026-10-01",
        "summary": MARKUP,
        "venue": {"name": "@会場", "address": "+81 横浜市金沢区海の公園"},
    }
    site = {
        "name": "=1+2寺",
        "reading": "てすとでら",
        "designation": "国指定史跡",
        "category": ["寺社"],
        "era": "鎌倉時代",
        "address": "金沢区金沢町",
        "sources": [{"kind": "公式・行政", "title": "横浜市「テストの史跡」", "url": "https://example.jp/source.html"}],
    }
    output = build_site(
        tmp_path,
        {"events/x.md": _front(event), "history/sites/test.md": _front(site, "説明の文です。")},
        PLUGINS=["ward_content", "events", "history_catalog"],
    )
    feed = ET.parse(output / "feeds" / "events.atom.xml").getroot()
    summary = feed.find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "html"
    # A feed reader takes the element's text as HTML: it must show the characters, not run them.
    shown = BeautifulSoup(summary.text, "html.parser")
    assert shown.find(True) is None
    assert MARKUP in shown.get_text()

    tables = {
        path.name: list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        for path in sorted((output / "opendata").glob("*.csv"))
    }
    events = next(rows for rows in tables.values() if "イベント名" in rows[0])
    cells = dict(zip(events[0], events[1], strict=True))
    assert cells["イベント名"] == '\'=HYPERLINK("https://example.com")'
    assert cells["場所名称"] == "'@会場"
    assert cells["住所"] == "'+81 横浜市金沢区海の公園"

    rows = next(rows for rows in tables.values() if "文化財分類" in rows[0])
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["名称"] == "'=1+2寺"
    for row in events[1:] + rows[1:]:
        assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in row), row
