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

import bisect
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from itertools import chain

import numpy as np

from ward_content.forking import side_by_side

from . import cbor
from .keys import KEY_TYPE, WORD_BASE, cjk_token, title_and_body_keys, token_key

# Pagefind's weight unit: weight 1 is stored as 24; a title word counts 7 times (as Pagefind's <h1>).
WEIGHT_UNIT = 24
TITLE_WEIGHT = 7
# Tokens sorted per group of whole words (the sort's arrays take about 40 bytes a token): about GROUP
# tokens, or a MAX_GROUPS-th of the site's on a larger site (each group looks through every token
# once), or one word's when it alone has more. A group is encoded in batches of about BATCH tokens
# (encoding takes about 250 bytes a token), cut between words or between two pages of a word.
GROUP = 1 << 16
MAX_GROUPS = 16
BATCH = 1 << 14
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


def kept(title: int, body: int, facets: int, max_tokens: int) -> tuple[int, int]:
    """How many title and body tokens a page keeps: at most `max_tokens` in all, the title's and the
    facets' first, the body cut."""
    title = min(title, max_tokens)
    return title, min(body, max(max_tokens - title - facets, 0))


def page_keys(title: str, body: str, facets: list[str], max_tokens: int) -> PageKeys:
    """A page's keys: title, body, then facet words; a body past `max_tokens` is cut."""
    words: dict[str, int] = {}
    title_keys, body_keys = title_and_body_keys(title, body, words)
    title_count, body_count = kept(len(title_keys), len(body_keys), len(facets), max_tokens)
    cut = title_count < len(title_keys) or body_count < len(body_keys)
    title_keys, body_keys = title_keys[:title_count], body_keys[:body_count]
    facet_keys = np.array([WORD_BASE + words.setdefault(f, len(words)) for f in facets], dtype=KEY_TYPE)
    keys = np.concatenate((body_keys, facet_keys, title_keys)).astype(KEY_TYPE, copy=False)
    names = tuple(words)
    if cut:  # only the words of the tokens kept, renumbered (a cut page can name 100,000s of words)
        is_word = keys >= WORD_BASE
        used, renumbered = np.unique(keys[is_word] - WORD_BASE, return_inverse=True)
        keys[is_word] = WORD_BASE + renumbered.astype(KEY_TYPE)
        names = tuple(names[number] for number in used.tolist())
    return PageKeys(keys.tobytes(), names, title_count)


@dataclass(frozen=True, slots=True)
class WordPages:
    """A word's entry in the index, less the word: its pages (encoded, with the array's head), the
    items Pagefind counts to cut chunks (positions, weight markers and pages), and its page count."""

    word: str
    pages: bytes
    items: int
    page_count: int


def word_pages(
    pages: list[PageKeys], processes: int = 1, alongside: Callable[[], object] | None = None
) -> list[WordPages]:
    """Every word of these pages (numbered in this order), sorted by its text. The list is emptied
    as its keys are taken into one array (at 8,000 pages they are 15 MB: the memory is wanted).

    Words are sorted in groups (GROUP, MAX_GROUPS) and encoded in batches (BATCH), so the arrays stay
    small whatever the site's size; across the whole site there are only the keys and each token's
    word (8 bytes a token). With `processes` 2, a forked copy (ward_content.forking)
    runs `alongside` and encodes the last words while this process encodes the first; otherwise
    `alongside` runs here first.
    """
    lengths = np.array([page.count for page in pages], dtype=np.int64)
    if not lengths.sum():
        if alongside is not None:
            alongside()
        return []
    titled = np.array([page.titled for page in pages], dtype=np.int64)
    starts = np.cumsum(lengths) - lengths
    texts, word = _site_words(pages, starts)
    counts = np.cumsum(np.bincount(word, minlength=len(texts)))
    groups: list[tuple[int, int]] = []
    size = max(GROUP, int(counts[-1]) // MAX_GROUPS)
    first = 0
    while first < len(texts):
        done = counts[first - 1] if first else 0
        # Whole words, at least one.
        last = max(int(np.searchsorted(counts, done + size, side="right")), first + 1)
        groups.append((first, last))
        first = last
    encode = partial(_encode_groups, texts, word, starts, lengths, titled)
    if processes < 2 or len(groups) < 2:
        if alongside is not None:
            alongside()
        return encode(groups)
    # The copy also runs `alongside` (writing the fragment files): it takes about a quarter of the tokens.
    split = min(
        max(int(np.searchsorted(counts[[last - 1 for _, last in groups]], counts[-1] * 0.75)), 1), len(groups) - 1
    )
    own, theirs = side_by_side(partial(encode, groups[:split]), partial(_then, alongside, encode, groups[split:]))
    return own + [WordPages(*row) for row in zip(*theirs, strict=True)]


def _then(first: Callable[[], object] | None, encode: Callable, groups: list[tuple[int, int]]) -> tuple[list, ...]:
    """`first`, then the words of `groups`, as columns: a list of slotted objects pickles a field at a
    time through copyreg (4 ms for a quarter of 500 documents' words, both ways), plain lists at once."""
    if first is not None:
        first()
    words = encode(groups)
    return tuple([getattr(word, name) for word in words] for name in WordPages.__slots__)


def _encode_groups(texts, word, starts, lengths, titled, groups: list[tuple[int, int]]) -> list[WordPages]:
    """WordPages of the words of these groups (consecutive ranges of word numbers)."""
    # [word number, encoded pieces of its pages, items, pages, last page number] per word, in order.
    out: list[list] = []
    for first, last in groups:
        at = _tokens_of(word, first, last)
        page = np.searchsorted(starts, at, side="right") - 1
        within = at - starts[page]
        group = word[at] - first
        del at
        group, page, within = _sorted(group, page, within, last - first, len(lengths), int(lengths.max()))
        # A page's tokens are stored body first, then title: the order Pagefind lists their positions in.
        rest = (lengths - titled)[page]
        title = within >= rest
        position = np.where(title, within - rest, within + titled[page])
        del within, rest
        group += first  # the word's number among all the site's
        # Batches of about BATCH tokens, cut between two pages of a word or between words (a word
        # found on every page is split: its pages are encoded a batch at a time).
        post_starts = np.flatnonzero(_starts(group) | _starts(page)).tolist()
        lo = 0
        while lo < len(group):
            hi = len(group)
            if lo + BATCH < hi:
                cut = bisect.bisect_right(post_starts, lo + BATCH) - 1
                if post_starts[cut] > lo:
                    hi = post_starts[cut]
                elif cut + 1 < len(post_starts):  # one page's positions of one word, more than BATCH
                    hi = post_starts[cut + 1]
            # The last page of the word this batch continues, if it does.
            previous_page = out[-1][4] if out and out[-1][0] == int(group[lo]) else None
            for number, data, items, pages, last_page in _encode(
                group[lo:hi], page[lo:hi], title[lo:hi], position[lo:hi], previous_page
            ):
                if out and out[-1][0] == number:  # the same word's pages, continued
                    entry = out[-1]
                    entry[1].append(data)
                    entry[2] += items
                    entry[3] += pages
                    entry[4] = last_page
                else:
                    out.append([number, [data], items, pages, last_page])
            lo = hi
    return [
        WordPages(texts[number], cbor.head(cbor.ARRAY, pages) + b"".join(pieces), items, pages)
        for number, pieces, items, pages, _ in out
    ]


def _tokens_of(word: np.ndarray, first: int, last: int) -> np.ndarray:
    """Indexes of the tokens of words first..last-1, in page and position order (the site's tokens
    looked at a slice at a time: a mask of them all would take 4 MB per 1,000 pages)."""
    found = []
    for begin in range(0, len(word), GROUP):
        part = word[begin : begin + GROUP]
        found.append(np.flatnonzero((part >= first) & (part < last)) + begin)
    return np.concatenate(found)


def _site_key(word: str, number: int) -> int:
    key = token_key(word)
    return WORD_BASE + number if key is None else key


def _site_words(pages: list[PageKeys], starts: np.ndarray) -> tuple[list[str], np.ndarray]:
    """The site's words sorted by text, and each token's word as its number in that list (int32)."""
    keys = np.empty(int(starts[-1]) + pages[-1].count, dtype=KEY_TYPE)
    page_words: list[tuple[str, ...]] = []
    for number, (start, page) in enumerate(zip(starts.tolist(), pages, strict=True)):
        keys[start : start + page.count] = np.frombuffer(page.keys, dtype=KEY_TYPE)
        page_words.append(page.words)
        pages[number] = None  # type: ignore[call-overload]  # taken: its bytes can go
    pages.clear()
    # Each page's words renumbered to the site's (key WORD_BASE + n: the site's n-th word).
    vocabulary: dict[str, int] = {}
    for word in chain.from_iterable(page_words):
        vocabulary.setdefault(word, len(vocabulary))
    # A word of the text that reads as a CJK token (qj and its digits) is that token.
    site_keys = [_site_key(word, number) for word, number in vocabulary.items()]
    flat = np.array([site_keys[vocabulary[word]] for word in chain.from_iterable(page_words)], KEY_TYPE)
    counts = np.array([len(words) for words in page_words], dtype=np.int64)
    del page_words
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
    # Written over the keys, slice by slice (each slice's keys are read before it is written): the
    # site's tokens are held once, and searchsorted's answer (8 bytes a token) only for a slice.
    word = keys.view(np.int32)
    for begin in range(0, len(keys), GROUP):
        word[begin : begin + GROUP] = rank[np.searchsorted(unique, keys[begin : begin + GROUP])]
    return texts, word


def _sorted(word, page, within, words: int, pages: int, longest: int):
    """The tokens' (word, page, index in page) sorted in that order; each field as an int32 array."""
    page_bits, within_bits = pages.bit_length(), longest.bit_length()
    if words.bit_length() + page_bits + within_bits <= PACKED_BITS:
        # One integer per token, sorted in place: a third of the memory and time of a lexsort.
        packed = word.astype(np.int64) << (page_bits + within_bits)
        packed |= page << within_bits
        packed |= within
        del word, page, within
        packed.sort()
        return (
            (packed >> (page_bits + within_bits)).astype(np.int32),
            ((packed >> within_bits) & ((1 << page_bits) - 1)).astype(np.int32),
            (packed & ((1 << within_bits) - 1)).astype(np.int32),
        )
    order = np.lexsort((within, page, word))
    return word[order].astype(np.int32), page[order].astype(np.int32), within[order].astype(np.int32)


def _starts(values: np.ndarray) -> np.ndarray:
    """True where a value differs from the one before (and at the first)."""
    out = np.empty(len(values), dtype=bool)
    out[0] = True
    np.not_equal(values[1:], values[:-1], out=out[1:])
    return out


def _previous(values: np.ndarray, first: int = 0) -> np.ndarray:
    """Each value's predecessor; `first` before the first."""
    out = np.empty_like(values)
    out[0] = first
    out[1:] = values[:-1]
    return out


# One CBOR item per slot and token, in the order written: a posting's head, its page step, its
# position list's head; a weight's marker; the position; the empty metadata positions.
_SLOTS = 6
_MAJORS = np.array([cbor.ARRAY, cbor.UNSIGNED, cbor.ARRAY, cbor.NEGATIVE, cbor.UNSIGNED, cbor.ARRAY], dtype=np.uint8)


def _encode(word, page, title, position, previous_page: int | None):
    """(word, its encoded pages, items, page count, last page) for the words of these tokens, in
    sorted order, whole postings; `previous_page` is the last page of the first word's earlier
    batch when the first word continues from it (None when it starts here)."""
    count = len(word)
    segments = _starts(word)  # each word's first token here
    new_word = segments.copy()  # ... unless it continues from the batch before
    if previous_page is not None:
        new_word[0] = False
    new_post = segments | _starts(page)
    new_weight = new_post | _starts(title)
    post_starts = np.flatnonzero(new_post)
    post_items = np.add.reduceat(np.ones(count, dtype=np.int32) + new_weight, post_starts)
    post_pages = page[post_starts]
    steps = np.where(new_word[post_starts], post_pages, post_pages - _previous(post_pages, previous_page or 0))
    end_post = np.empty(count, dtype=bool)
    end_post[:-1] = new_post[1:]
    end_post[-1] = True

    value = np.zeros((count, _SLOTS), dtype=np.uint32)
    valid = np.empty((count, _SLOTS), dtype=bool)
    value[:, 0], valid[:, 0] = 3, new_post
    valid[:, 1] = new_post
    value[post_starts, 1] = steps
    valid[:, 2] = new_post
    value[post_starts, 2] = post_items
    valid[:, 3] = new_weight
    value[:, 3] = np.where(title, TITLE_WEIGHT * WEIGHT_UNIT, WEIGHT_UNIT)
    valid[:, 4] = True
    value[:, 4] = np.where(new_weight, position, position - _previous(position))
    valid[:, 5] = end_post
    per_token = valid.sum(axis=1)
    data, offsets = _heads(np.broadcast_to(_MAJORS, valid.shape)[valid], value[valid])
    del value, valid
    # Each word's segment: its first token's first item, to the next word's.
    first_item = np.cumsum(per_token) - per_token
    word_starts = np.flatnonzero(segments)
    begins = offsets[first_item[word_starts]].tolist()
    ends = [*begins[1:], len(data)]
    post_words = np.cumsum(segments)[post_starts] - 1
    items = np.bincount(post_words, weights=post_items + 1, minlength=len(word_starts)).astype(np.int64).tolist()
    page_counts = np.bincount(post_words, minlength=len(word_starts)).tolist()
    last_pages = page[np.append(word_starts[1:], count) - 1].tolist()
    numbers = word[word_starts].tolist()
    return [
        (number, data[begin:end], size, pages, last)
        for number, begin, end, size, pages, last in zip(
            numbers, begins, ends, items, page_counts, last_pages, strict=True
        )
    ]


# The first byte's low bits for an argument of 1, 2 or 4 bytes, by the item's length.
_ARGUMENT_CODE = np.array([0, 0, 24, 25, 0, 26], dtype=np.uint32)


def _heads(major: np.ndarray, value: np.ndarray) -> tuple[bytes, np.ndarray]:
    """CBOR items of these majors (uint8) and arguments (uint32), one after the other, in the
    shortest form (cbor.head); returns the bytes and each item's offset."""
    length = (value >= 24).view(np.uint8) + np.uint8(1)
    length += value >= 1 << 8
    length += (value >= 1 << 16).view(np.uint8) * np.uint8(2)
    offsets = np.cumsum(length, dtype=np.int64)
    out = np.empty(int(offsets[-1]) if len(offsets) else 0, dtype=np.uint8)
    offsets -= length
    out[offsets] = (major << 5) | np.where(length == 1, value, _ARGUMENT_CODE[length]).astype(np.uint8)
    for width in (2, 3, 5):
        at = length == width
        if not at.any():
            continue
        where, number = offsets[at], value[at]
        for byte in range(1, width):
            out[where + byte] = (number >> (8 * (width - 1 - byte))) & 0xFF
    return out.tobytes(), offsets
