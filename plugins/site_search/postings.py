"""Every word's pages and positions, encoded for Pagefind's index, from all pages' keys at once.

Pagefind's index holds, per word in code-point order, its pages in page order, each with the word's
positions: [page as a distance from the word's previous page, [-(weight) - 1, positions as
distances..., ...], []]. A page's positions of the body's weight come first, then the title's
(bundle.py tells the whole format). Done one posting at a time in Python, this merge cost a fifth of
the index; here it is a sort of every token of the site by (word, page, weight, position) and array
operations that write the CBOR bytes of all postings at once (numpy: a well-kept library made for
exactly this; no Python step per token or posting is left).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain

import numpy as np

from . import cbor
from .keys import KEY_TYPE, WORD_BASE, cjk_token, title_and_body_keys
from .text import MARKER, WIDTH

# Pagefind's weight unit: weight 1 is stored as 24; a title word counts 7 times (as Pagefind's <h1>).
WEIGHT_UNIT = 24
TITLE_WEIGHT = 7
# Tokens sorted per group of words (the sort's arrays take about 40 bytes a token), and encoded per
# batch of words (encoding takes about 250 bytes a token); a word is never split.
GROUP = 1 << 18
BATCH = 1 << 16
# Word, page and index in the page are sorted as one integer while their bits fit in this many.
PACKED_BITS = 63


@dataclass(frozen=True)
class PageKeys:
    """One page's tokens: keys of its body and facet tokens, then of its title's, and its words."""

    keys: bytes  # KEY_TYPE values; the title's are the last `titled`
    words: tuple[str, ...]  # key WORD_BASE + n is words[n]
    titled: int

    @property
    def count(self) -> int:
        return len(self.keys) // np.dtype(KEY_TYPE).itemsize


def page_keys(title: str, body: str, facets: list[str], max_tokens: int) -> PageKeys:
    """A page's keys: title, body, then facet words; a body past `max_tokens` is cut."""
    words: dict[str, int] = {}
    title_keys, body_keys = title_and_body_keys(title, body, words)
    title_keys = title_keys[:max_tokens]
    body_keys = body_keys[: max(max_tokens - len(title_keys) - len(facets), 0)]
    facet_keys = np.array([WORD_BASE + words.setdefault(f, len(words)) for f in facets], dtype=KEY_TYPE)
    keys = np.concatenate((body_keys, facet_keys, title_keys)).astype(KEY_TYPE, copy=False)
    return PageKeys(keys.tobytes(), tuple(words), len(title_keys))


@dataclass(frozen=True)
class WordPages:
    """A word's entry in the index, less the word: its pages (encoded, with the array's head), the
    items Pagefind counts to cut chunks (positions, weight markers and pages), and its page count."""

    word: str
    pages: bytes
    items: int
    page_count: int


def word_pages(pages: list[PageKeys]) -> list[WordPages]:
    """Every word of these pages (numbered in this order), sorted by its text.

    Words are sorted in groups of about GROUP tokens and encoded in batches of about BATCH, so the
    arrays stay small whatever the site's size; across the whole site there are only the keys and
    each token's word (8 bytes a token).
    """
    lengths = np.array([page.count for page in pages], dtype=np.int64)
    if not lengths.sum():
        return []
    titled = np.array([page.titled for page in pages], dtype=np.int64)
    starts = np.cumsum(lengths) - lengths
    texts, word = _site_words(pages, starts)
    counts = np.cumsum(np.bincount(word, minlength=len(texts)))
    out: list[WordPages] = []
    first = 0
    while first < len(texts):
        done = counts[first - 1] if first else 0
        # Whole words, at least one.
        last = max(int(np.searchsorted(counts, done + GROUP, side="right")), first + 1)
        at = np.flatnonzero((word >= first) & (word < last))  # in page and position order
        page = np.searchsorted(starts, at, side="right") - 1
        within = at - starts[page]
        group, page, within = _sorted(word[at] - first, page, within, last - first, len(pages), int(lengths.max()))
        del at
        # A page's tokens are stored body first, then title: the order Pagefind lists their positions in.
        rest = (lengths - titled)[page]
        title = within >= rest
        position = np.where(title, within - rest, within + titled[page])
        del within, rest
        edges = np.searchsorted(group, np.arange(last - first + 1))  # each word's first token
        at = 0
        while at < last - first:
            end = max(int(np.searchsorted(edges, edges[at] + BATCH, side="right")) - 1, at + 1)
            lo, hi = edges[at], edges[end]
            out += _encode(
                texts[first + at : first + end], group[lo:hi] - at, page[lo:hi], title[lo:hi], position[lo:hi]
            )
            at = end
        first = last
    return out


# A word of the text that reads as a CJK token ("qj" and 3 or 6 base-36 digits) is that token.
_TOKEN_LIKE = re.compile(rf"{MARKER}[0-9a-z]{{{WIDTH}}}(?:[0-9a-z]{{{WIDTH}}})?")


def _word_key(word: str, number: int) -> int:
    if _TOKEN_LIKE.fullmatch(word):
        values = [int(word[i : i + WIDTH], 36) for i in range(len(MARKER), len(word), WIDTH)]
        return values[0] << 16 | (values[1] + 1 if len(values) > 1 else 0)
    return WORD_BASE + number


def _site_words(pages: list[PageKeys], starts: np.ndarray) -> tuple[list[str], np.ndarray]:
    """The site's words sorted by text, and each token's word as its number in that list (int32)."""
    keys = np.frombuffer(b"".join(page.keys for page in pages), dtype=KEY_TYPE).copy()
    # Each page's words renumbered to the site's (key WORD_BASE + n: the site's n-th word).
    vocabulary: dict[str, int] = {}
    for word in chain.from_iterable(page.words for page in pages):
        vocabulary.setdefault(word, len(vocabulary))
    site_keys = [_word_key(word, number) for word, number in vocabulary.items()]
    flat = np.array([site_keys[vocabulary[word]] for word in chain.from_iterable(p.words for p in pages)], KEY_TYPE)
    counts = np.array([len(page.words) for page in pages], dtype=np.int64)
    offsets = np.cumsum(counts) - counts
    at = np.flatnonzero(keys >= WORD_BASE)
    keys[at] = flat[keys[at] - WORD_BASE + offsets[np.searchsorted(starts, at, side="right") - 1]]
    del at
    unique = np.unique(keys)
    words = list(vocabulary)
    texts = [cjk_token(key) if key < WORD_BASE else words[key - WORD_BASE] for key in unique.tolist()]
    rank = np.empty(len(texts), dtype=np.int32)
    rank[sorted(range(len(texts)), key=texts.__getitem__)] = np.arange(len(texts), dtype=np.int32)
    texts.sort()
    word = np.empty(len(keys), dtype=np.int32)
    for begin in range(0, len(keys), GROUP):  # in slices: searchsorted's answer is 8 bytes a token
        word[begin : begin + GROUP] = rank[np.searchsorted(unique, keys[begin : begin + GROUP])]
    return texts, word


def _sorted(word, page, within, words: int, pages: int, longest: int):
    """The tokens' (word, page, index in page) sorted in that order; each field as an int64 array."""
    word = word.astype(np.int64)
    page_bits, within_bits = pages.bit_length(), longest.bit_length()
    if words.bit_length() + page_bits + within_bits <= PACKED_BITS:
        # One integer per token, sorted in place: a third of the memory and time of a lexsort.
        packed = (word << (page_bits + within_bits)) | (page << within_bits) | within
        packed.sort()
        return (
            packed >> (page_bits + within_bits),
            (packed >> within_bits) & ((1 << page_bits) - 1),
            packed & ((1 << within_bits) - 1),
        )
    order = np.lexsort((within, page, word))
    return word[order], page[order], within[order]


def _starts(values: np.ndarray) -> np.ndarray:
    """True where a value differs from the one before (and at the first)."""
    out = np.empty(len(values), dtype=bool)
    out[0] = True
    np.not_equal(values[1:], values[:-1], out=out[1:])
    return out


def _previous(values: np.ndarray) -> np.ndarray:
    out = np.empty_like(values)
    out[0] = 0
    out[1:] = values[:-1]
    return out


# One CBOR item per slot and token, in the order written: a posting's head, its page step, its
# position list's head; a weight's marker; the position; the empty metadata positions.
_SLOTS = 6


def _encode(texts: list[str], word, page, title, position) -> list[WordPages]:
    """Entries of consecutive whole words (arrays of their tokens in sorted order)."""
    count = len(word)
    new_word = _starts(word)
    new_post = new_word | _starts(page)
    new_weight = new_post | _starts(title)
    post_starts = np.flatnonzero(new_post)
    post_items = np.add.reduceat(np.ones(count, dtype=np.int64) + new_weight, post_starts)
    post_pages = page[post_starts]
    steps = np.where(new_word[post_starts], post_pages, post_pages - _previous(post_pages))
    end_post = np.empty(count, dtype=bool)
    end_post[:-1] = new_post[1:]
    end_post[-1] = True

    major = np.empty((count, _SLOTS), dtype=np.uint8)
    value = np.zeros((count, _SLOTS), dtype=np.int64)
    valid = np.empty((count, _SLOTS), dtype=bool)
    major[:, 0], value[:, 0], valid[:, 0] = cbor.ARRAY, 3, new_post
    major[:, 1], valid[:, 1] = cbor.UNSIGNED, new_post
    value[post_starts, 1] = steps
    major[:, 2], valid[:, 2] = cbor.ARRAY, new_post
    value[post_starts, 2] = post_items
    major[:, 3], valid[:, 3] = cbor.NEGATIVE, new_weight
    value[:, 3] = np.where(title, TITLE_WEIGHT * WEIGHT_UNIT, WEIGHT_UNIT)
    major[:, 4], valid[:, 4] = cbor.UNSIGNED, True
    value[:, 4] = np.where(new_weight, position, position - _previous(position))
    major[:, 5], value[:, 5], valid[:, 5] = cbor.ARRAY, 0, end_post
    per_token = valid.sum(axis=1)
    data, offsets = _heads(major[valid], value[valid])
    del major, value, valid
    # Byte offset where each word's first token's items begin, and the end.
    first_item = np.cumsum(per_token) - per_token
    word_starts = np.flatnonzero(new_word)
    begins = offsets[first_item[word_starts]].tolist()
    ends = [*begins[1:], len(data)]
    post_words = np.cumsum(new_word)[post_starts] - 1
    items = np.bincount(post_words, weights=post_items + 1, minlength=len(word_starts)).astype(np.int64).tolist()
    page_counts = np.bincount(post_words, minlength=len(word_starts)).tolist()
    numbers = word[word_starts].tolist()
    return [
        WordPages(texts[number], cbor.head(cbor.ARRAY, pages) + data[begin:end], size, pages)
        for number, begin, end, size, pages in zip(numbers, begins, ends, items, page_counts, strict=True)
    ]


def _heads(major: np.ndarray, value: np.ndarray) -> tuple[bytes, np.ndarray]:
    """CBOR items of these majors and arguments (each below 2**32), one after the other, in the
    shortest form (cbor.head); returns the bytes and each item's offset."""
    length = 1 + (value >= 24) + (value >= 1 << 8) + 2 * (value >= 1 << 16)
    offsets = np.cumsum(length) - length
    out = np.empty(int(length.sum()), dtype=np.uint8)
    extra = np.select([value < 24, value < 1 << 8, value < 1 << 16], [value, 24, 25], 26)
    out[offsets] = (major.astype(np.int64) << 5) | extra
    for width in (2, 3, 5):
        at = length == width
        if not at.any():
            continue
        where, number = offsets[at], value[at]
        for byte in range(1, width):
            out[where + byte] = (number >> (8 * (width - 1 - byte))) & 0xFF
    return out.tobytes(), offsets
