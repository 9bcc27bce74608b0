"""Recall and precision of /search/?q=… in chromium (tools/search_recall.py measures, this test judges)."""

from __future__ import annotations

import pytest

from tools.search_recall import QUERIES, event_readings, history_sites, measure, query_bytes

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


def test_a_query_fetches_small_index_chunks_and_fragments(sample_site):
    figures = query_bytes(sample_site, ("金沢文庫", "花火"))
    bunko, hanabi = figures["金沢文庫"], figures["花火"]
    assert bunko["results"] == 14 and hanabi["results"] >= 10
    # A phrase of three bigrams touches about three small chunks (SITE_SEARCH_CHUNK_LOCATIONS).
    assert 0 < bunko["index"] < 30_000 and 0 < hanabi["index"] < 15_000
    # Fragments hold natural metadata only, no token text: a few KB per result even for bulletins.
    assert bunko["fragments"] < 1_500 * bunko["results"]
    assert hanabi["fragments"] < 4_000 * hanabi["results"]
    # Pagefind's own files come once per visit; a following query fetches only what is new.
    assert bunko["next"] < 60_000
