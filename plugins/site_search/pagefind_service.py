"""Feeds Pagefind one pre-tokenised record per page; the bundle lands in output/pagefind/.

Pagefind's `--service` mode (the protocol its Python API speaks) takes records whose content we
cut ourselves (text.index_tokens), so the standard binary suffices: no Lindera dictionary, and no
second reading of the HTML by Pagefind. We speak the protocol directly because the Python API
reads one response per 0.1 s, which would make 2,000 pages take minutes.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ward_content.errors import ConfigurationError

from .records import Record, site_records
from .settings import SiteSearchSettings
from .text import facet_token, index_tokens

BUNDLE = "pagefind"
# Beside the search page: the section and year choices of its filters, with page counts.
FACETS = "facets.json"
# Pagefind's own weight marker in a record's text (its HTML parser writes the same for headings):
# words of the title count seven times as much as words of the body when ranking.
TITLE_WEIGHT = 7
# Pagefind's ready-made interfaces, written with every bundle; our search page draws its own.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
          "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")  # fmt: skip


def binary_path(binary: str) -> Path:
    """The Pagefind executable of the pinned wheel: `standard` (pagefind_bin) or `extended`."""
    try:
        if binary == "extended":
            from pagefind_bin_extended import get_executable
        else:
            from pagefind_bin import get_executable
    except ImportError:
        if binary == "extended":
            hint = "not pinned, as the site does not need it: `.venv/bin/pip install pagefind_bin_extended==1.5.2`"
        else:
            hint = "pinned in requirements.txt: install it with `make build`"
        package = "pagefind_bin_extended" if binary == "extended" else "pagefind_bin"
        raise ConfigurationError(
            f"SITE_SEARCH_BINARY: {binary!r} needs the Python package {package} ({hint})"
        ) from None
    return Path(get_executable())


def record_content(record: Record) -> str:
    """The text Pagefind indexes: the title's tokens weighted, every token of the page, facet tokens.

    Section and year are facet tokens rather than Pagefind filters: Pagefind 1.5.2 writes its filter
    files in hash-map order, so their bytes would differ from one build to the next.
    """
    title = " ".join(index_tokens(record.title))
    body = " ".join(index_tokens(record.indexed))
    facets = [facet_token("section", record.section_slug), facet_token("year", record.year)]
    tail = " ".join(token for token in facets if token)
    return f"___PAGEFIND_WEIGHT___{TITLE_WEIGHT} {title} ___END_PAGEFIND_WEIGHT___ {body} {tail}".rstrip()


def record_request(index_id: int, record: Record, language: str, excerpt_chars: int) -> dict:
    """One AddRecord request: natural title, text, section and year as metadata for the results."""
    meta = {"title": record.title, "text": record.text[:excerpt_chars]}
    if record.section:
        meta["section"] = record.section
    if record.year:
        meta["year"] = record.year
    return {
        "type": "AddRecord",
        "index_id": index_id,
        "url": record.url,
        "content": record_content(record),
        "language": language,
        "meta": meta,
        "filters": None,
        "sort": None,
    }


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


class PagefindService:
    """A `pagefind --service` process: requests go in as base64 JSON, answers come back the same way."""

    def __init__(self, process: subprocess.Popen, log):
        self._process = process
        self._log = log
        self._next_id = 1
        self._buffer = b""

    def _read_message(self) -> dict:
        while b"," not in self._buffer:
            chunk = self._process.stdout.read1(1 << 16)
            if not chunk:
                self._log.seek(0)
                raise ConfigurationError(
                    "Pagefind stopped while indexing:\n" + self._log.read().decode("utf-8", "replace").strip()
                )
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b",", 1)
        return json.loads(base64.b64decode(message))

    def exchange(self, payloads: list[dict]) -> list[dict]:
        """Send every request, return the answers in the same order; a refused request raises."""
        ids = list(range(self._next_id, self._next_id + len(payloads)))
        self._next_id += len(payloads)
        encoded = [
            base64.b64encode(json.dumps({"message_id": i, "payload": p}, ensure_ascii=False).encode()) + b","
            for i, p in zip(ids, payloads, strict=True)
        ]

        # Written from a thread: Pagefind answers while we still send, and both pipes are finite.
        def send() -> None:
            for message in encoded:
                self._process.stdin.write(message)
            self._process.stdin.flush()

        writer = threading.Thread(target=send)
        writer.start()
        answers: dict[int, dict] = {}
        try:
            while len(answers) < len(ids):
                message = self._read_message()
                payload = message.get("payload") or {}
                if payload.get("type") == "Error":
                    raise ConfigurationError(f"Pagefind refused a request: {payload.get('message')}")
                answers[message["message_id"]] = payload
        finally:
            writer.join()
        return [answers[i] for i in ids]


@contextmanager
def pagefind_service(binary: Path, chunk_locations: int = 20000) -> Iterator[PagefindService]:
    """Start Pagefind in service mode; it ends when its input closes.

    Pagefind reads its chunk size only from the environment (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE in
    1.5.2); the variable is given to its process alone.
    """
    env = {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(chunk_locations)}
    with (
        tempfile.TemporaryFile() as log,
        subprocess.Popen(
            [str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, env=env
        ) as process,
    ):
        try:
            yield PagefindService(process, log)
        finally:
            process.stdin.close()
            process.wait(timeout=60)


def write_index(records: list[Record], bundle: Path, binary: Path, search: SiteSearchSettings) -> None:
    """Index `records` and write the Pagefind bundle (index, pagefind.js, wasm) into `bundle`."""
    language, excerpt_chars = search.language, search.excerpt_chars
    with pagefind_service(binary, search.chunk_locations) as service:
        (created,) = service.exchange([{"type": "NewIndex", "config": {"force_language": language}}])
        index_id = created["index_id"]
        # One at a time: Pagefind numbers pages in the order it finishes them, and answers to a batch
        # finish in any order, which would change the bundle's bytes from one build to the next.
        for record in records:
            service.exchange([record_request(index_id, record, language, excerpt_chars)])
        service.exchange([{"type": "WriteFiles", "index_id": index_id, "output_path": str(bundle)}])
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)


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
    The filters' choices go to facets.json beside the search page.
    """
    records = site_records(output, section_names(search, pelican_settings))
    write_index(records, output / BUNDLE, binary_path(search.binary), search)
    target = output / search.url / FACETS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        json.dumps(facets(records), ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8"
    )
    return len(records)
