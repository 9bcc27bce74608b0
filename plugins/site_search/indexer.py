"""Indexes the written site: one record per marked page, the Pagefind bundle written by bundle.py.

The bundle lands in output/pagefind/: our index files beside Pagefind's own browser files
(client.py), so the browser runs the pinned pagefind.js and wasm on an index it cannot tell from
Pagefind's. `facets.json` beside the search page lists the filters' choices.
"""

from __future__ import annotations

import json
import os
import pickle
import sys
from pathlib import Path

from .bundle import Limits, PagePart, assemble, page_part, write_bundle
from .client import client_files
from .records import page_record, page_url
from .settings import SiteSearchSettings

BUNDLE = "pagefind"
# Beside the search page: the section and year choices of its filters, with page counts.
FACETS = "facets.json"
# Below this many written pages a fork costs more than it saves.
MIN_PAGES_TO_FORK = 200


def limits(search: SiteSearchSettings) -> Limits:
    return Limits(
        max_pages=search.max_pages,
        max_tokens=search.max_tokens,
        chunk_locations=search.chunk_locations,
        excerpt_chars=search.excerpt_chars,
        compression=search.compression,
    )


def write_index(parts: list[PagePart], bundle: Path, search: SiteSearchSettings) -> None:
    """Write the bundle of these pages into `bundle` (replaced): index files and Pagefind's browser files."""
    version, client = client_files(search.binary, search.cache_path, search.language)
    write_bundle(assemble(parts, search.language, version, limits(search)), client, bundle)


def _parts(paths: list[Path], output: Path, sections: dict, bounds: Limits) -> list[PagePart | None]:
    """Each written page's part of the index, or None for a page that marks nothing."""
    out: list[PagePart | None] = []
    for path in paths:
        # Pelican writes UTF-8; decoding here spares lxml guessing from a <meta> it may not find.
        record = page_record(path.read_text(encoding="utf-8"), page_url(output, path), sections)
        out.append(page_part(record, bounds) if record is not None else None)
    return out


def _workers(count: int, asked: int) -> int:
    """SITE_SEARCH_PROCESSES, or one process per core this process may use (at most four) for a site
    large enough to gain from it."""
    if not hasattr(os, "fork") or count == 0:
        return 1
    if asked:
        return min(asked, count)
    if count < MIN_PAGES_TO_FORK:
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), 4))


def _fork(paths: list[Path], output: Path, sections: dict, bounds: Limits) -> tuple[int, int]:
    """A forked copy of this process makes the parts of `paths` and sends them back pickled."""
    reader, writer = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid != 0:
        os.close(writer)
        return pid, reader
    status = 0  # the child: never returns into the build
    try:
        os.close(reader)
        try:
            result: tuple = ("parts", _parts(paths, output, sections, bounds))
        except BaseException as exc:  # reported by the parent, which fails the build
            result = ("failure", f"{type(exc).__name__}: {exc}")
        with os.fdopen(writer, "wb") as out:
            out.write(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:
        status = 1
    finally:
        os._exit(status)


def _collect(pid: int, reader: int) -> list[PagePart | None]:
    with os.fdopen(reader, "rb") as stream:
        data = stream.read()
    _, status = os.waitpid(pid, 0)
    if not data or os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"search indexer {pid} ended with status {os.waitstatus_to_exitcode(status)}")
    kind, value = pickle.loads(data)  # our own child's bytes, over a pipe this process made
    if kind == "failure":
        raise RuntimeError(f"search indexer {pid} failed: {value}")
    return value


def page_parts(output: Path, sections: dict, bounds: Limits, processes: int = 0) -> list[PagePart]:
    """The index parts of every page of `output` that marks its content, in URL order.

    Pages are independent, so this process and forked copies of it (sharing the build's memory
    copy-on-write) each take every n-th page, as the build renders its pages (ward_content.page_writer);
    the parts come back in the same order whatever the number of processes.
    """
    paths = sorted(output.rglob("*.html"))
    workers = _workers(len(paths), processes)
    children = [_fork(paths[index::workers], output, sections, bounds) for index in range(1, workers)]
    shares = [_parts(paths[0::workers], output, sections, bounds)]
    shares += [_collect(pid, reader) for pid, reader in children]
    ordered: list[PagePart | None] = [None] * len(paths)
    for index, share in enumerate(shares):
        ordered[index::workers] = share
    return [part for part in ordered if part is not None]


def facets(parts: list[PagePart]) -> dict:
    """The filters' choices with page counts, for the search page (sorted: same input, same bytes)."""
    sections: dict[str, int] = {}
    years: dict[str, int] = {}
    for part in parts:
        if part.section_slug:
            sections[part.section_slug] = sections.get(part.section_slug, 0) + 1
        if part.year:
            years[part.year] = years.get(part.year, 0) + 1
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
    parts = page_parts(output, section_names(search, pelican_settings), limits(search), search.processes)
    write_index(parts, output / BUNDLE, search)
    target = output / search.url / FACETS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(facets(parts), ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    return len(parts)
