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

tests/site_search/test_bundle.py indexes the same records with the pinned Pagefind binary and
compares the decoded files. Two deliberate differences, both for bytes and time:
- Pagefind 1.5 also indexes the words of every metadata field (to boost matches in the title); our
  metadata is natural Japanese, which never matches a query's ASCII tokens;
- a fragment's `content` (the indexed text, our tokens, for Pagefind's own excerpts) is empty.
"""

from __future__ import annotations

import bisect
import gzip
import hashlib
import itertools
import json
import operator
import shutil
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ward_content.errors import ConfigurationError

from . import cbor
from .records import Record
from .text import facet_token, index_tokens

SIGNATURE = b"pagefind_dcd"
# Pagefind's weight unit: weight 1 is stored as 24; a title word counts 7 times (as Pagefind's <h1>).
WEIGHT_UNIT = 24
TITLE_WEIGHT = 7
BODY_MARK = cbor.integer(-WEIGHT_UNIT - 1)
TITLE_MARK = cbor.integer(-TITLE_WEIGHT * WEIGHT_UNIT - 1)
NO_ITEMS = cbor.head(cbor.ARRAY, 0)
PAGE_HEAD = cbor.head(cbor.ARRAY, 3)
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


def page_tokens(record: Record, max_tokens: int) -> PageTokens:
    """The page's tokens: title, body, section and year facets; a body past `max_tokens` is cut."""
    title = index_tokens(record.title)[:max_tokens]
    facets = [t for t in (facet_token("section", record.section_slug), facet_token("year", record.year)) if t]
    body = index_tokens(record.indexed)[: max(max_tokens - len(title) - len(facets), 0)]
    return PageTokens(title, body + facets)


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


def deltas(positions: list[int]) -> list[int]:
    """Pagefind 1.5 stores each position as the distance from the one before (the first as it is)."""
    if len(positions) == 1:
        return positions
    return [positions[0], *map(operator.sub, positions[1:], positions[:-1])]


def locations(positions: list[int], titled: int) -> tuple[bytes, int]:
    """A page's position list for one word, encoded without its array head, and its item count.

    Positions of the body's weight come first (Pagefind sorts by weight), each weight's positions
    after their marker, as distances from the one before.
    """
    cut = bisect.bisect_left(positions, titled)
    title, body = positions[:cut], positions[cut:]
    encoded = TITLE_MARK + cbor.unsigned_run(deltas(title)) if title else b""
    if body:
        encoded = BODY_MARK + cbor.unsigned_run(deltas(body)) + encoded
    return encoded, len(positions) + (1 if title else 0) + (1 if body else 0)


# Read-only: the most common posting, a word once in a page's body at position p, as its bytes
# after the page number: [-25, p] and no metadata positions.
ONCE = tuple(cbor.head(cbor.ARRAY, 2) + BODY_MARK + cbor.UNSIGNED_BYTES[p] + NO_ITEMS for p in range(cbor.CACHED))
UNSIGNED = cbor.UNSIGNED_BYTES
ARRAY_HEADS = tuple(cbor.head(cbor.ARRAY, n) for n in range(cbor.CACHED))
# Read-only: a page entry's head and its page number (a distance from the word's previous page).
PAGE_STEP = tuple(PAGE_HEAD + cbor.UNSIGNED_BYTES[step] for step in range(cbor.CACHED))


def page_postings(tokens: PageTokens) -> list[tuple[str, int, bytes]]:
    """(word, items of its position list, its page entry after the page number) for one page."""
    at: dict[str, list[int]] = {}
    for position, token in enumerate(tokens.title + tokens.rest):
        if token in at:
            at[token].append(position)
        else:
            at[token] = [position]
    titled = len(tokens.title)
    out = []
    for token, positions in at.items():
        first, count = positions[0], len(positions)
        try:
            if first < titled:
                raise IndexError  # title positions: the general case below
            if count == 1:
                rest = ONCE[first]
            else:
                steps = [first, *map(operator.sub, positions[1:], positions[:-1])]
                rest = b"".join((ARRAY_HEADS[count + 1], BODY_MARK, *map(UNSIGNED.__getitem__, steps), NO_ITEMS))
            out.append((token, count + 1, rest))
        except IndexError:  # a title position, or a number past the tables
            encoded, items = locations(positions, titled)
            out.append((token, items, cbor.head(cbor.ARRAY, items) + encoded + NO_ITEMS))
    return out


class Postings:
    """Every word's pages in page order, each word's entries encoded as they come.

    Per word: the last page number, the number of pages and one growing bytearray of its encoded
    entries (the page as a distance from the one before, then the rest of the entry). Kept as Python
    objects (a page number and a bytes object per posting), 8,000 pages' postings took about 100 MB.
    """

    def __init__(self) -> None:
        # word -> [last page number, pages, encoded entries]
        self.pages: dict[str, list] = {}
        # Items of every position list of a word (Pagefind cuts chunks by their count).
        self.items: dict[str, int] = defaultdict(int)

    def add(self, number: int, postings: list[tuple[str, int, bytes]]) -> None:
        """Page `number`'s postings (page_postings), after every page before it."""
        pages, items = self.pages, self.items
        for token, count, rest in postings:
            entry = pages.get(token)
            if entry is None:
                entry = pages[token] = [0, 0, bytearray()]
            step = number - entry[0]
            entry[2] += PAGE_STEP[step] if step < len(PAGE_STEP) else PAGE_HEAD + cbor.integer(step)
            entry[2] += rest
            entry[0] = number
            entry[1] += 1
            items[token] += count

    def page_count(self, word: str) -> int:
        return self.pages[word][1]

    def _pages(self, word: str) -> bytes:
        _, count, encoded = self.pages[word]
        return cbor.head(cbor.ARRAY, count) + bytes(encoded)

    def word_entries(self) -> list[tuple[str, int, bytes]]:
        """(word, items counted as Pagefind counts them for chunking, encoded entry), sorted by word;
        the postings are emptied as their entries are made (called once, by `assemble`).

        A word with diacritics (café) is filed under its folded form (cafe) as a variant, as
        Pagefind does; the browser folds the query the same way.
        """
        forms: dict[str, list[str]] = defaultdict(list)
        for word in self.pages:
            forms[word if word.isascii() else fold(word)].append(word)
        out = []
        for key in sorted(forms):
            exact = key in self.pages
            variants = sorted(form for form in forms[key] if form != key)
            size = sum(self.items[form] + self.page_count(form) for form in forms[key])
            entry = (
                cbor.head(cbor.ARRAY, 3)
                + cbor.text(key)
                + (self._pages(key) if exact else NO_ITEMS)
                + cbor.array([cbor.array([cbor.text(form), self._pages(form)]) for form in variants])
            )
            out.append((key, size, entry))
            for form in forms[key]:  # encoded into the entry: its buffer goes (the memory is wanted)
                del self.pages[form]
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


def compressed(data: bytes, level: int) -> bytes:
    # mtime 0: the same data gives the same bytes.
    return gzip.compress(SIGNATURE + data, compresslevel=level, mtime=0)


def fragment_json(record: Record, tokens: PageTokens, meta: dict[str, str]) -> bytes:
    """The page's fragment as Pagefind's serde_json writes it (same keys, order and escapes).

    Without `content`: Pagefind keeps there the text it indexed (for us, tokens) to cut its own
    excerpts, which our search page does not show (it shows meta.text, natural Japanese); left
    empty, a fragment is half the bytes a phone fetches per result shown, and half the work here.
    """
    data = {
        "url": record.url,
        "content": "",
        "word_count": max(tokens.count, 1),
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
    postings: list[tuple[str, int, bytes]]


def page_part(record: Record, limits: Limits) -> PagePart:
    tokens = page_tokens(record, limits.max_tokens)
    meta = page_meta(record, limits.excerpt_chars)
    fragment = fragment_json(record, tokens, meta)
    return PagePart(
        url=record.url,
        section_slug=record.section_slug,
        year=record.year,
        fields=tuple(meta),
        word_count=max(tokens.count, 1),
        fragment_digest=sha1_hex(fragment),
        fragment=compressed(fragment, limits.compression),
        postings=page_postings(tokens),
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


def assemble(
    parts: Iterable[PagePart], language: str, version: str, limits: Limits
) -> tuple[dict[str, bytes], list[PageSummary]]:
    """The bundle's files from every page's part, pages numbered in the order given (taken one at a
    time, so a generator of parts never holds every page's postings at once), and the pages."""
    postings = Postings()
    pages: list[PageSummary] = []
    fragments: list[bytes] = []
    fields: set[str] = set()
    for number, part in enumerate(parts):
        check_page_count(number + 1, limits)
        postings.add(number, part.postings)
        pages.append(PageSummary(part.url, part.section_slug, part.year, part.word_count, part.fragment_digest))
        fragments.append(part.fragment)
        fields.update(part.fields)
    files: dict[str, bytes] = {}
    fragment_names = short_names(language, [page.fragment_digest for page in pages])
    for name, fragment in zip(fragment_names, fragments, strict=True):
        files[f"fragment/{name}.pf_fragment"] = fragment
    groups = chunks(postings.word_entries(), limits.chunk_locations)
    encoded_chunks = [cbor.array([cbor.array([entry for _, _, entry in group])]) for group in groups]
    chunk_names = short_names(language, [sha1_hex(data) for data in encoded_chunks])
    for name, data in zip(chunk_names, encoded_chunks, strict=True):
        files[f"index/{name}.pf_index"] = compressed(data, limits.compression)
    bounds = chunk_bounds([(group[0][0], group[-1][0]) for group in groups])
    meta_index = cbor.array(
        [
            cbor.text(version),
            cbor.array(
                [
                    cbor.array([cbor.text(name), cbor.integer(page.word_count)])
                    for name, page in zip(fragment_names, pages, strict=True)
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
            cbor.array([cbor.text(field) for field in sorted(fields)]),
        ]
    )
    meta_name = f"{language}_{sha1_hex(meta_index)[: SHORT_HASH + 3]}"
    files[f"pagefind.{meta_name}.pf_meta"] = compressed(meta_index, limits.compression)
    files["pagefind-entry.json"] = entry_json(version, language, meta_name, len(pages))
    return files, pages


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


def write_bundle(files: dict[str, bytes], client: dict[str, bytes], bundle: Path) -> None:
    """Replace `bundle` with the index files and Pagefind's client files (pagefind.js, worker, wasm)."""
    if bundle.exists():
        shutil.rmtree(bundle)
    for folder in ("fragment", "index"):
        (bundle / folder).mkdir(parents=True)
    for name, data in sorted({**client, **files}.items()):
        (bundle / name).write_bytes(data)
