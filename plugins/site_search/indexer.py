"""Indexes the written site: one record per marked page, the Pagefind bundle written by bundle.py.

The bundle lands in output/pagefind/: our index files beside Pagefind's own browser files
(client.py), so the browser runs the pinned pagefind.js and wasm on an index it cannot tell from
Pagefind's. `facets.json` beside the search page lists the filters' choices.
"""

from __future__ import annotations

import gc
import json
import pickle
import shutil
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from ward_content.build_scope import current
from ward_content.files import files_under
from ward_content.forking import process_count, split_map
from ward_content.settings import read_settings as read_ward_settings

from .bundle import Limits, PagePart, PageSummary, collect, index_files_of, new_bundle, page_part, write_files
from .client import client_files
from .records import page_record, page_url, rel_url
from .settings import SiteSearchSettings

BUNDLE = "pagefind"
# The name of the page writer's hook that makes each page's part (ward_content.page_writer).
PAGE_HOOK = "site_search"
# Beside the search page: the section and year choices of its filters, with page counts.
FACETS = "facets.json"


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Python's cycle collector paused: indexing makes millions of small objects (postings, tokens)
    without a cycle among them, and the collector's passes over them cost 10–15 % of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def limits(search: SiteSearchSettings) -> Limits:
    return Limits(
        max_pages=search.max_pages,
        max_tokens=search.max_tokens,
        chunk_locations=search.chunk_locations,
        excerpt_chars=search.excerpt_chars,
        compression=search.compression,
    )


def write_index(
    parts: Iterable[PagePart], bundle: Path, search: SiteSearchSettings, processes: int = 1
) -> list[PageSummary]:
    """Write the bundle of these pages into `bundle` (replaced once whole): index files and
    Pagefind's browser files. Returns the pages indexed.

    With `processes` other than 1 (WARD_PROCESSES in a build: 0 = one per core on a site large
    enough), a forked copy writes the fragment files (one per page) and encodes the last words while
    this process encodes the first: the second core is otherwise idle by then.
    """
    version, client = client_files(search.binary, search.cache_path, search.language)
    bounds = limits(search)
    # Written beside, then put in place: a merge that fails leaves the bundle there was.
    staging = bundle.with_name(f".{bundle.name}-new")
    try:
        with cyclic_gc_paused():
            collected = collect(parts, search.language, bounds)
            new_bundle(staging)
            fragments = {**client, **collected.fragments}
            collected.fragments = {}
            forks = min(process_count(len(collected.pages), processes), 2)
            files = index_files_of(
                collected, search.language, version, bounds, forks, partial(write_files, staging, fragments)
            )
        write_files(staging, files)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if bundle.exists():
        shutil.rmtree(bundle)
    staging.rename(bundle)
    return collected.pages


def _part(
    path: Path, output: Path, sections: dict, bounds: Limits, rel: str | None = None, text: str | None = None
) -> PagePart | None:
    """A written page's part of the index, or None for a page that marks nothing; `text` is the
    page's text when the writer kept it (else the file is read)."""
    url = rel_url(rel) if rel is not None else page_url(output, path)
    if text is None:
        # Pelican writes UTF-8; decoding here spares lxml guessing from a <meta> it may not find.
        text = path.read_text(encoding="utf-8")
    record = page_record(text, url, sections)
    return page_part(record, bounds) if record is not None else None


# Above this many content files a page's waiting part is also compressed: about 2.4 KB instead of
# 5.4 KB a page (24 MB at 8,000 pages, within the build's memory bound), for 0.05 ms of CPU a page.
PACK_ABOVE = 4000


def hook_for(output: Path, sections: dict, bounds: Limits, documents: int):
    """The page hook for a site of `documents` content files (see part_of_page)."""
    return partial(part_of_page, output, sections, bounds, documents > PACK_ABOVE)


def part_of_page(
    output: Path, sections: dict, bounds: Limits, compress: bool, rel: str, path: Path, text: str | None = None
) -> bytes | None:
    """A page hook (ward_content.page_writer): the page's part, made as soon as it is written, kept
    pickled (and, for a large site, compressed) until the index takes it (as objects, 8,000 pages'
    postings would take hundreds of MB)."""
    if not rel.endswith(".html"):
        return None
    with cyclic_gc_paused():
        part = _part(path, output, sections, bounds, rel, text)
    if part is None:
        return None
    data = pickle.dumps(part, protocol=pickle.HIGHEST_PROTOCOL)
    return b"z" + zlib.compress(data, 1) if compress else b"p" + data


def unpack_part(packed: bytes) -> PagePart:
    """A part as part_of_page kept it."""
    data = zlib.decompress(packed[1:]) if packed[:1] == b"z" else packed[1:]
    # Our own bytes, made by this build's processes.
    return pickle.loads(data)


def _parts(paths: list[Path], output: Path, sections: dict, bounds: Limits) -> list[PagePart | None]:
    with cyclic_gc_paused():
        return [_part(path, output, sections, bounds) for path in paths]


def page_parts(
    output: Path, sections: dict, bounds: Limits, processes: int = 1, made: dict | None = None
) -> Iterator[PagePart]:
    """The index parts of every page of `output` that marks its content, in URL order.

    In this process, one page after the other (the caller takes each before the next is made). Pages
    are independent: with `processes` other than 1 (SITE_SEARCH_PROCESSES; 0 = one per core for a
    large site), this process and forked copies each take every n-th page (ward_content.forking, as
    the build loads and renders); the parts come in the same order whatever the number.
    """
    if made:
        # Parts the page writer made as it wrote the pages (PAGE_HOOK); the others are read here.
        for rel in html_files(output):
            if rel in made:
                packed = made.pop(rel)  # taken once: its memory goes as its keys go in
                part = unpack_part(packed) if packed is not None else None
            else:
                part = _part(output / rel, output, sections, bounds, rel)
            if part is not None:
                yield part
        return
    paths = [output / rel for rel in html_files(output)]
    workers = 1 if processes == 1 else process_count(len(paths), processes)
    if workers == 1:
        for path in paths:
            part = _part(path, output, sections, bounds)
            if part is not None:
                yield part
        return
    with cyclic_gc_paused():
        shares = split_map(partial(_parts, output=output, sections=sections, bounds=bounds), paths, workers)
    ordered: list[PagePart | None] = [None] * len(paths)
    for index, share in enumerate(shares):
        ordered[index::workers] = share
    yield from (part for part in ordered if part is not None)


def html_files(output: Path) -> list[str]:
    """Output-relative paths of every .html file under `output`, in the order of sorted(rglob());
    symbolic links are not followed out of the output folder (Pelican writes none)."""
    return [rel for rel in files_under(output, (".html",), links=False) if rel.endswith(".html")]


def facets(parts: list[PageSummary]) -> dict:
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
    scope = current()  # outside a build (a tool indexing an output folder) every page is read back
    made = scope.page_results.get(PAGE_HOOK) if scope is not None else None
    parts = page_parts(output, section_names(search, pelican_settings), limits(search), search.processes, made)
    pages = write_index(parts, output / BUNDLE, search, read_ward_settings(pelican_settings).processes)
    target = output / search.url / FACETS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(facets(pages), ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    return len(pages)
