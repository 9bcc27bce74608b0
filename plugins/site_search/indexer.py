"""Feeds Pagefind one pre-tokenised record per page; the bundle lands in output/pagefind/.

Pagefind's `--service` mode (the protocol its Python API speaks) takes records whose content we
cut ourselves (text.index_tokens), so the standard binary suffices: no Lindera dictionary, and no
second reading of the HTML by Pagefind. We speak the protocol directly because the Python API
reads one response per 0.1 s, which would make 2,000 pages take minutes.
"""

from __future__ import annotations

import base64
import json
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ward_content.errors import ConfigurationError

from .records import Record, site_records
from .settings import SiteSearchSettings
from .text import index_tokens

BUNDLE = "pagefind"
# Pagefind's own weight marker in a record's text (its HTML parser writes the same for headings):
# words of the title count seven times as much as words of the body when ranking.
TITLE_WEIGHT = 7


def binary_path(binary: str) -> Path:
    """The Pagefind executable of the pinned wheel: `standard` (pagefind_bin) or `extended`."""
    try:
        if binary == "extended":
            from pagefind_bin_extended import get_executable
        else:
            from pagefind_bin import get_executable
    except ImportError:
        package = "pagefind_bin_extended" if binary == "extended" else "pagefind_bin"
        raise ConfigurationError(
            f"SITE_SEARCH_BINARY: {binary!r} needs the Python package {package} (pinned in requirements.txt;"
            " install it with `make build`)"
        ) from None
    return Path(get_executable())


def record_content(record: Record) -> str:
    """The text Pagefind indexes: the title's tokens weighted, then every token of the page."""
    title = " ".join(index_tokens(record.title))
    body = " ".join(index_tokens(record.indexed))
    return f"___PAGEFIND_WEIGHT___{TITLE_WEIGHT} {title} ___END_PAGEFIND_WEIGHT___ {body}"


def record_request(index_id: int, record: Record, language: str, excerpt_chars: int) -> dict:
    """One AddRecord request: natural title and text as metadata, section and year as filters."""
    filters = {}
    if record.section:
        filters["section"] = [record.section]
    if record.year:
        filters["year"] = [record.year]
    return {
        "type": "AddRecord",
        "index_id": index_id,
        "url": record.url,
        "content": record_content(record),
        "language": language,
        "meta": {"title": record.title, "text": record.text[:excerpt_chars]},
        "filters": filters,
        "sort": None,
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
def pagefind_service(binary: Path) -> Iterator[PagefindService]:
    """Start Pagefind in service mode; it ends when its input closes."""
    with (
        tempfile.TemporaryFile() as log,
        subprocess.Popen(
            [str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log
        ) as process,
    ):
        try:
            yield PagefindService(process, log)
        finally:
            process.stdin.close()
            process.wait(timeout=60)


def write_index(records: list[Record], bundle: Path, binary: Path, language: str, excerpt_chars: int) -> None:
    """Index `records` and write the Pagefind bundle (index, pagefind.js, wasm) into `bundle`."""
    with pagefind_service(binary) as service:
        (created,) = service.exchange([{"type": "NewIndex", "config": {"force_language": language}}])
        index_id = created["index_id"]
        service.exchange([record_request(index_id, r, language, excerpt_chars) for r in records])
        service.exchange([{"type": "WriteFiles", "index_id": index_id, "output_path": str(bundle)}])


def section_names(search: SiteSearchSettings, pelican_settings: dict) -> dict[str, str]:
    """URL folder -> section name shown as a filter (news -> お知らせ), aliases included."""
    from ward_content.settings import read_settings as read_ward_settings

    names = {section.slug: section.name for section in read_ward_settings(pelican_settings).sections}
    for folder, slug in search.section_aliases.items():
        if slug in names:
            names[folder] = names[slug]
    return names


def index_site(output: Path, search: SiteSearchSettings, pelican_settings: dict) -> int:
    """Index every page of `output` that marks its content with data-pagefind-body; returns the page count.

    Runs on Pelican's `finalized`, when every page is written; the pages are read once, with lxml.
    """
    records = site_records(output, section_names(search, pelican_settings))
    write_index(records, output / BUNDLE, binary_path(search.binary), search.language, search.excerpt_chars)
    return len(records)
