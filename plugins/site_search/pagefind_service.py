"""The pinned Pagefind binary over its `--service` protocol: the client files, and a cross-check.

The build writes the index itself (bundle.py). Pagefind is run for two things only: once per
Pagefind version to take the files the browser runs (pagefind.js, its worker and WebAssembly; see
client.py), and in the tests, to index the same records and compare its bundle with ours.

We speak the protocol directly because Pagefind's Python API reads one response per 0.1 s.
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

from .bundle import PageTokens, page_meta, page_tokens
from .postings import TITLE_WEIGHT
from .records import Record
from .settings import SiteSearchSettings

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


def record_content(tokens: PageTokens) -> str:
    """The text Pagefind indexes: the title's tokens weighted, then every other token of the page."""
    title = " ".join(tokens.title)
    rest = " ".join(tokens.rest)
    return f"___PAGEFIND_WEIGHT___{TITLE_WEIGHT} {title} ___END_PAGEFIND_WEIGHT___ {rest}".rstrip()


def record_request(index_id: int, record: Record, search: SiteSearchSettings) -> dict:
    """One AddRecord request: the same tokens and metadata as bundle.py writes."""
    return {
        "type": "AddRecord",
        "index_id": index_id,
        "url": record.url,
        "content": record_content(page_tokens(record, search.max_tokens)),
        "language": search.language,
        "meta": page_meta(record, search.excerpt_chars),
        "filters": None,
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
    """Index `records` with Pagefind itself and write its bundle into `bundle` (tests, client files)."""
    language = search.language
    with pagefind_service(binary, search.chunk_locations) as service:
        (created,) = service.exchange([{"type": "NewIndex", "config": {"force_language": language}}])
        index_id = created["index_id"]
        # One at a time: Pagefind numbers pages in the order it finishes them, and answers to a batch
        # finish in any order, which would change the bundle's bytes from one build to the next.
        for record in records:
            service.exchange([record_request(index_id, record, search)])
        service.exchange([{"type": "WriteFiles", "index_id": index_id, "output_path": str(bundle)}])
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
