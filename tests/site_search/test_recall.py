"""Recall and precision of /search/?q=… in chromium (tools/search_recall.py measures, this test judges)."""

from __future__ import annotations

import pytest

from tools.search_recall import QUERIES, event_readings, history_sites, measure

pytestmark = pytest.mark.browser


def test_every_query_finds_the_pages_that_contain_it(sample_site):
    assert len(QUERIES) >= 30
    assert len(history_sites(sample_site)) >= 20 and event_readings(sample_site)
    result = measure(sample_site)
    figures = result["queries"]
    report = "\n".join(
        f"{q}: recall {f['recall']:.2f} precision {f['precision']:.2f} ({f['pages']} pages, {f['found']} found)"
        for q, f in figures.items()
    )
    assert all(f["pages"] > 0 for f in figures.values()), report
    assert result["mean_recall"] >= 0.95, report
    assert result["mean_precision"] >= 0.9, report
    # Per query too: no query may lose a page in five or find mostly pages without it.
    assert [q for q, f in figures.items() if f["recall"] < 0.8 or f["precision"] < 0.5] == [], report
    # Every history site by its name and both kana of its reading; every event by its reading.
    assert result["reading_queries"] > 75
    assert result["readings_missed"] == []
    assert result["outside_requests"] == []
