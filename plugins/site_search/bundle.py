"""Writes Pagefind 1.5's index files ourselves; the browser runs Pagefind's own pagefind.js and wasm.

We cut the text into tokens ourselves (text.py), so all that Pagefind's indexer still did was to
count positions and write files, for more time and memory than the whole Pelican build
(docs/search.md). The files are small and documented by Pagefind's source (pagefind/src/index/):

- `pagefind.<lang>_<hash>.pf_meta`: CBOR [version, pages [[fragment hash, word count]],
  index chunks [[from, to, hash]], filters [], sorts [], metadata field names];
- `index/<lang>_<hash>.pf_index`: CBOR [[[word, [[page number, positions, metadata positions]],
  variants [[form, pages]]]]], words in code-point order, cut into chunks of about
  SITE_SEARCH_CHUNK_LOCATIONS positions; a position list starts with a weight marker
  (-(weight) - 1, weight 24 = 1×) and lists positions of the body's weight before the title's;
- `fragment/<lang>_<hash>.pf_fragment`: JSON {url, content, word_count, filters, meta, anchors};
- each gzip-compressed with the signature `pagefind_dcd` before the data; `<hash>` is the SHA-1
  of the data (bytes in hex without leading zeros, as Pagefind writes it), cut to 7 (10 for
  pf_meta) digits and lengthened only on a collision;
- page numbers and positions are each stored as the distance from the one before.

Each page's tokens are cut as integer keys (keys.py) by the process that writes the page; every
word's pages and positions are encoded for all pages at once (postings.py).

tests/site_search/test_bundle.py indexes the same records with the pinned Pagefind binary and
compares the decoded files. Two deliberate differences, both for bytes and time:
- Pagefind 1.5 also indexes the words of every metadata field (to boost matches in the title); our
  metadata is natural Japanese, which never matches a query's ASCII tokens;
- a fragment's `content` (the indexed text, our tokens, for Pagefind's own excerpts) is empty.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import shutil
import struct
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from ward_content.errors import ConfigurationError

from . import cbor
from .postings import PageKeys, WordPages, kept, page_keys, word_pages
from .records import Record
from .text import facet_token, index_tokens

SIGNATURE = b"pagefind_dcd"
NO_ITEMS = cbor.head(cbor.ARRAY, 0)
ENTRY_HEAD = cbor.head(cbor.ARRAY, 3)
# Hex digits of a file's hash after "<lang>_" (pf_meta names keep three more).
SHORT_HASH = 7


@dataclass(frozen=True)
class PageTokens:
    """What one page contributes to the index: title tokens (weighted), then body and facet tokens."""

    title: list[str]
    rest: list[str]

    @property
    def count(self) -> int:
        return len(self.title) + len(self.rest)


def page_facets(record: Record) -> list[str]:
    """The page's section and year tokens (filters), after its body."""
    return [t for t in (facet_token("section", record.section_slug), facet_token("year", record.year)) if t]


def page_tokens(record: Record, max_tokens: int) -> PageTokens:
    """The page's tokens as text (text.index_tokens): title, body, section and year facets; a body
    past `max_tokens` is cut. The index takes the same tokens as keys (postings.page_keys); these
    are for Pagefind's own indexer, which the tests compare ours with."""
    title, body, facets = index_tokens(record.title), index_tokens(record.indexed), page_facets(record)
    title_count, body_count = kept(len(title), len(body), len(facets), max_tokens)
    return PageTokens(title[:title_count], body[:body_count] + facets)


def page_meta(record: Record, excerpt_chars: int) -> dict[str, str]:
    """What results show: natural title, the text's beginning for excerpts, section and year."""
    meta = {"title": record.title, "text": record.text[:excerpt_chars]}
    if record.section:
        meta["section"] = record.section
    if record.year:
        meta["year"] = record.year
    return dict(sorted(meta.items()))


def fold(word: str) -> str:
    """Pagefind's diacritic folding of an index word: decomposed (NFD), every combining mark dropped."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.category(c).startswith("M"))


def word_entries(words: list[WordPages]) -> list[tuple[str, int, bytes]]:
    """(word, items counted as Pagefind counts them for chunking, encoded entry), sorted by word.

    A word with diacritics (café) is filed under its folded form (cafe) as a variant, as Pagefind
    does; the browser folds the query the same way.
    """
    if all(entry.word.isascii() or fold(entry.word) == entry.word for entry in words):
        # No word has a folded form of its own (the usual case: tokens and ASCII words): each is
        # its own entry, already in order.
        return [
            (entry.word, entry.items, ENTRY_HEAD + cbor.text(entry.word) + entry.pages + NO_ITEMS) for entry in words
        ]
    by_word = {entry.word: entry for entry in words}
    forms: dict[str, list[str]] = defaultdict(list)
    for word in by_word:
        forms[word if word.isascii() else fold(word)].append(word)
    out = []
    for key in sorted(forms):
        exact = by_word.get(key)
        variants = sorted(form for form in forms[key] if form != key)
        size = sum(by_word[form].items for form in forms[key])
        entry = (
            ENTRY_HEAD
            + cbor.text(key)
            + (exact.pages if exact is not None else NO_ITEMS)
            + cbor.array([cbor.array([cbor.text(form), by_word[form].pages]) for form in variants])
        )
        out.append((key, size, entry))
    return out


def chunks(entries: list[tuple[str, int, bytes]], locations: int) -> list[list[tuple[str, int, bytes]]]:
    """Consecutive words, a chunk closed once it holds `locations` positions (Pagefind's chunk_index)."""
    out: list[list[tuple[str, int, bytes]]] = []
    current: list[tuple[str, int, bytes]] = []
    size = 0
    for entry in entries:
        current.append(entry)
        size += entry[1]
        if size >= locations:
            out.append(current)
            current, size = [], 0
    if current:
        out.append(current)
    return out


def chunk_bounds(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each chunk's (from, to), neighbours cut to their shortest distinguishing prefixes (chunk_meta)."""
    bounds = [list(pair) for pair in words]
    for left, right in itertools.pairwise(bounds):
        a, b = left[1], right[0]
        common = 0
        for x, y in zip(a, b, strict=False):
            if x != y:
                break
            common += 1
        left[1], right[0] = a[: common + 1], b[: common + 1]
    return [(a, b) for a, b in bounds]


def sha1_hex(data: bytes) -> str:
    """Pagefind's full_hash: SHA-1 with each byte in hex WITHOUT its leading zero (0x0a -> "a")."""
    return "".join(map(UNPADDED_HEX.__getitem__, hashlib.sha1(data).digest()))


UNPADDED_HEX = tuple(format(byte, "x") for byte in range(256))


def short_names(language: str, digests: list[str], keep: int = SHORT_HASH) -> list[str]:
    """`<lang>_<hash>` of each file (its sha1_hex) in order, lengthened one digit at a time on a collision."""
    names: list[str] = []
    taken: set[str] = set()
    for digest in digests:
        full = f"{language}_{digest}"
        length = len(language) + 1 + keep
        while full[:length] in taken and length < len(full):
            length += 1
        names.append(full[:length])
        taken.add(full[:length])
    return names


# Below this many bytes (a page's fragment, 1.7 KB on average) a 4 KB window holds the whole input:
# setting up zlib's default 32 KB window cost more than compressing (60 of 65 µs a page). One call
# (zlib.compress) rather than a compressor object and two calls: 26 against 36 µs a page.
SMALL = 1 << 12
# No name, mtime 0, "unknown" OS (zlib's own header names the OS it was built for): the same bytes on
# any machine.
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"


def compressed(data: bytes, level: int) -> bytes:
    """Gzip of the signature and `data`, the same bytes for the same input on any machine."""
    data = SIGNATURE + data
    body = zlib.compress(data, level, -12 if len(data) <= SMALL else -15)
    return _GZIP_HEADER + body + struct.pack("<LL", zlib.crc32(data), len(data) & 0xFFFFFFFF)


def _hashed_and_compressed(data: bytes, level: int) -> tuple[str, bytes]:
    return sha1_hex(data), compressed(data, level)


def fragment_json(record: Record, word_count: int, meta: dict[str, str]) -> bytes:
    """The page's fragment as Pagefind's serde_json writes it (same keys, order and escapes).

    Without `content`: Pagefind keeps there the text it indexed (for us, tokens) to cut its own
    excerpts, which our search page does not show (it shows meta.text, natural Japanese); left
    empty, a fragment is half the bytes a phone fetches per result shown, and half the work here.
    """
    data = {
        "url": record.url,
        "content": "",
        "word_count": word_count,
        "filters": {},
        "meta": meta,
        "anchors": [],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class Limits:
    """Bounds and sizes from the SITE_SEARCH_* settings."""

    max_pages: int
    max_tokens: int
    chunk_locations: int
    excerpt_chars: int
    compression: int


@dataclass(frozen=True)
class PagePart:
    """All the index needs of one page, made on its own (so pages can be done in parallel)."""

    url: str
    section_slug: str | None
    year: str | None
    fields: tuple[str, ...]
    word_count: int
    fragment_digest: str
    fragment: bytes  # compressed
    keys: PageKeys


def page_part(record: Record, limits: Limits) -> PagePart:
    keys = page_keys(record.title, record.indexed, page_facets(record), limits.max_tokens)
    meta = page_meta(record, limits.excerpt_chars)
    word_count = max(keys.count, 1)
    fragment = fragment_json(record, word_count, meta)
    return PagePart(
        url=record.url,
        section_slug=record.section_slug,
        year=record.year,
        fields=tuple(meta),
        word_count=word_count,
        fragment_digest=sha1_hex(fragment),
        fragment=compressed(fragment, limits.compression),
        keys=keys,
    )


def index_files(records: list[Record], language: str, version: str, limits: Limits) -> dict[str, bytes]:
    """Every index file of the bundle (relative path -> bytes), pagefind-entry.json included."""
    return assemble((page_part(record, limits) for record in records), language, version, limits)[0]


def check_page_count(count: int, limits: Limits) -> None:
    if count > limits.max_pages:
        raise ConfigurationError(
            f"サイト内検索: 索引するページが上限の {limits.max_pages} を超えました。"
            f"pelicanconf.py の SITE_SEARCH_MAX_PAGES を上げてください (too many pages to index)"
        )


@dataclass(frozen=True)
class PageSummary:
    """What is kept of a page once its postings are in: for the fragment's name and the filters."""

    url: str
    section_slug: str | None
    year: str | None
    word_count: int
    fragment_digest: str


@dataclass
class Collected:
    """Every page's part taken in: the pages, their fragment files, their keys, the metadata fields."""

    pages: list[PageSummary]
    fragments: dict[str, bytes]  # relative path -> compressed fragment
    fragment_names: list[str]
    keys: list[PageKeys]
    fields: set[str]


def collect(parts: Iterable[PagePart], language: str, limits: Limits) -> Collected:
    """Pages numbered in the order given; each part's fragment named (short_names)."""
    keys: list[PageKeys] = []
    pages: list[PageSummary] = []
    fragments: list[bytes] = []
    fields: set[str] = set()
    for number, part in enumerate(parts):
        check_page_count(number + 1, limits)
        keys.append(part.keys)
        pages.append(PageSummary(part.url, part.section_slug, part.year, part.word_count, part.fragment_digest))
        fragments.append(part.fragment)
        fields.update(part.fields)
    names = short_names(language, [page.fragment_digest for page in pages])
    files = {f"fragment/{name}.pf_fragment": fragment for name, fragment in zip(names, fragments, strict=True)}
    return Collected(pages, files, names, keys, fields)


def index_files_of(
    collected: Collected,
    language: str,
    version: str,
    limits: Limits,
    processes: int = 1,
    alongside: Callable[[], object] | None = None,
) -> dict[str, bytes]:
    """The index chunks, the metadata and pagefind-entry.json (the fragments are collected's);
    takes the keys (collected.keys is emptied). `processes` and `alongside`: postings.word_pages."""
    files: dict[str, bytes] = {}
    groups = chunks(word_entries(word_pages(collected.keys, processes, alongside)), limits.chunk_locations)
    encoded_chunks = [cbor.array([cbor.array([entry for _, _, entry in group])]) for group in groups]
    # Hashing and compressing a chunk release the interpreter's lock (zlib, hashlib), so with
    # `processes` 2 two threads do the chunks side by side, each chunk hashed and compressed by one
    # (one round of tasks, not two); map keeps their order.
    with ThreadPoolExecutor(max(processes, 1)) as pool:
        done = list(pool.map(partial(_hashed_and_compressed, level=limits.compression), encoded_chunks))
    digests = [digest for digest, _ in done]
    packed = [data for _, data in done]
    chunk_names = short_names(language, digests)
    for name, data in zip(chunk_names, packed, strict=True):
        files[f"index/{name}.pf_index"] = data
    bounds = chunk_bounds([(group[0][0], group[-1][0]) for group in groups])
    meta_index = cbor.array(
        [
            cbor.text(version),
            cbor.array(
                [
                    cbor.array([cbor.text(name), cbor.integer(page.word_count)])
                    for name, page in zip(collected.fragment_names, collected.pages, strict=True)
                ]
            ),
            cbor.array(
                [
                    cbor.array([cbor.text(a), cbor.text(b), cbor.text(h)])
                    for (a, b), h in zip(bounds, chunk_names, strict=True)
                ]
            ),
            NO_ITEMS,  # filters: section and year are facet tokens (docs/search.md)
            NO_ITEMS,  # sorts
            cbor.array([cbor.text(field) for field in sorted(collected.fields)]),
        ]
    )
    meta_name = f"{language}_{sha1_hex(meta_index)[: SHORT_HASH + 3]}"
    files[f"pagefind.{meta_name}.pf_meta"] = compressed(meta_index, limits.compression)
    files["pagefind-entry.json"] = entry_json(version, language, meta_name, len(collected.pages))
    return files


def assemble(
    parts: Iterable[PagePart], language: str, version: str, limits: Limits
) -> tuple[dict[str, bytes], list[PageSummary]]:
    """The bundle's files from every page's part, pages numbered in the order given, and the pages."""
    collected = collect(parts, language, limits)
    return {**collected.fragments, **index_files_of(collected, language, version, limits)}, collected.pages


# Pagefind's own word characters beside letters and digits (utils.rs WORD_SYMBOLS); the entry lists them.
INCLUDE_CHARACTERS = ["_", "‿", "⁀", "⁔", "︳", "︴", "﹍", "﹎", "﹏", "＿"]


def entry_json(version: str, language: str, meta_name: str, page_count: int) -> bytes:
    """pagefind-entry.json. No language WebAssembly: the generic one, so the browser stems nothing,
    as our tokens are already what the index holds (a stemmer could cut qzsnews to qzsnew)."""
    entry = {
        "version": version,
        "languages": {language: {"hash": meta_name, "wasm": None, "page_count": page_count}},
        "include_characters": INCLUDE_CHARACTERS,
    }
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def new_bundle(bundle: Path) -> None:
    """An empty bundle folder in place of `bundle`."""
    if bundle.exists():
        shutil.rmtree(bundle)
    for folder in ("fragment", "index"):
        (bundle / folder).mkdir(parents=True)


def write_files(bundle: Path, files: dict[str, bytes]) -> None:
    for name, data in sorted(files.items()):
        (bundle / name).write_bytes(data)
