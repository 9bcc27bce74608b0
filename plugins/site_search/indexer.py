"""Indexes the written site: one record per marked page, the Pagefind bundle written by bundle.py.

The bundle lands in output/pagefind/: our index files beside Pagefind's own browser files
(client.py), so the browser runs the pinned pagefind.js and wasm on an index it cannot tell from
Pagefind's. `facets.json` beside the search page lists the filters' choices.
"""

from __future__ import annotations

import json
from pathlib import Path

from .bundle import Limits, index_files, write_bundle
from .client import client_files
from .records import Record, site_records
from .settings import SiteSearchSettings

BUNDLE = "pagefind"
# Beside the search page: the section and year choices of its filters, with page counts.
FACETS = "facets.json"


def limits(search: SiteSearchSettings) -> Limits:
    return Limits(
        max_pages=search.max_pages,
        max_tokens=search.max_tokens,
        chunk_locations=search.chunk_locations,
        excerpt_chars=search.excerpt_chars,
        compression=search.compression,
    )


def write_index(records: list[Record], bundle: Path, search: SiteSearchSettings) -> None:
    """Index `records` into `bundle` (replaced): index files and Pagefind's browser files."""
    version, client = client_files(search.binary, search.cache_path, search.language)
    write_bundle(index_files(records, search.language, version, limits(search)), client, bundle)


def facets(records: list[Record]) -> dict:
    """The filters' choices with page counts, for the search page (sorted: same input, same bytes)."""
    sections: dict[str, int] = {}
    years: dict[str, int] = {}
    for record in records:
        if record.section_slug:
            sections[record.section_slug] = sections.get(record.section_slug, 0) + 1
        if record.year:
            years[record.year] = years.get(record.year, 0) + 1
    return {
        "sections": dict(sorted(sections.items())),
        "years": [{"year": year, "pages": years[year]} for year in sorted(years, reverse=True)],
    }


def section_names(search: SiteSearchSettings, pelican_settings: dict) -> dict[str, tuple[str, str]]:
    """URL folder -> (section slug, name) for the filter (news -> news, お知らせ), aliases included."""
    from ward_content.settings import read_settings as read_ward_settings

    names = {s.slug: (s.slug, s.name) for s in read_ward_settings(pelican_settings).sections}
    for folder, slug in search.section_aliases.items():
        if slug in names:
            names[folder] = names[slug]
    return names


def index_site(output: Path, search: SiteSearchSettings, pelican_settings: dict) -> int:
    """Index every page of `output` that marks its content with data-pagefind-body; returns the page count.

    Runs on Pelican's `finalized`, when every page is written; the pages are read once, with lxml.
    """
    records = site_records(output, section_names(search, pelican_settings))
    write_index(records, output / BUNDLE, search)
    target = output / search.url / FACETS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        json.dumps(facets(records), ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8"
    )
    return len(records)
