"""A page's tokens as integer keys, cut by numpy array operations instead of a Python step per token.

The same tokens as text.index_tokens (the rule the browser mirrors; tests/site_search/test_keys.py
checks both agree on every kind of text), in a form the index merges without making a Python string
per token: a CJK token is the number (first character's code) << 16 | (second's code + 1, or 0 for
a run's last character alone), so keys sort as the tokens' texts do; any other word is
WORD_BASE + its number in the page's own list of words. In Python, one dictionary step per token
(about 480 a page) cost more than rendering the page (docs/search.md); here a page is a few dozen
array operations whatever its length.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np

from .text import BASE, CJK_CODES, KATAKANA_TO_HIRAGANA, MARKER, WIDTH, digits

# Keys of CJK tokens stay below this (46,655 << 16 | 46,656 < 3.06e9); words start here.
WORD_BASE = 3_100_000_000
KEY_TYPE = np.uint32
EMPTY = np.zeros(0, dtype=KEY_TYPE)
# Class of each code point of the Basic Multilingual Plane: CJK (cut into bigrams), a word's
# letter or digit, or a separator. Beyond it (U+10000 on) nothing is CJK; see _classes.
OTHER, CJK, WORD = 0, 1, 2


def _tables() -> tuple[np.ndarray, np.ndarray]:
    """The class table and, for CJK characters, the code the token uses (katakana as hiragana)."""
    classes = np.zeros(0x10000, dtype=np.uint8)
    # Python's \w without "_" (what text._UNIT matches as a word): str.isalnum, as sre tests it.
    for code in range(0x10000):
        if chr(code).isalnum():
            classes[code] = WORD
    codes = np.zeros(0x10000, dtype=np.uint32)
    for code in CJK_CODES:
        classes[code] = CJK
        codes[code] = code - BASE
    for katakana, hiragana in KATAKANA_TO_HIRAGANA.items():
        classes[katakana] = CJK
        codes[katakana] = hiragana - BASE
    return classes, codes


CLASSES, CODES = _tables()
CLASSES.flags.writeable = False
CODES.flags.writeable = False


def _classes(chars: np.ndarray) -> np.ndarray:
    if chars.max() < 0x10000:
        return CLASSES.take(chars)
    out = CLASSES.take(chars, mode="clip")
    for at in (chars >= 0x10000).nonzero()[0].tolist():  # rare: emoji, CJK extension B (words of their own)
        out[at] = WORD if chr(int(chars[at])).isalnum() else OTHER
    return out


# Full-width ASCII (（）：！／～ and the rest) and …: the characters that keep most Japanese pages
# from being in NFKC already, each with its NFKC form.
_COMMON_WIDE = re.compile("[\uff01-\uff5e\u2026]")
_NARROW = {chr(code): unicodedata.normalize("NFKC", chr(code)) for code in (*range(0xFF01, 0xFF5F), 0x2026)}


def nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text), faster on a typical page.

    The common wide characters are replaced by their NFKC forms first; if that leaves the text in
    NFKC, it is the text's NFKC form (a replacement keeps the text compatibility-equivalent, and
    equivalent texts have one NFKC form). Otherwise the whole text is normalised. The check is
    Python's own quick check: a quarter of the time of normalising.
    """
    narrowed = _COMMON_WIDE.sub(_narrow, text)
    return narrowed if unicodedata.is_normalized("NFKC", narrowed) else unicodedata.normalize("NFKC", text)


def _narrow(match: re.Match) -> str:
    return _NARROW[match.group()]


def text_keys(text: str, words: dict[str, int]) -> np.ndarray:
    """Keys of text.index_tokens(text), in order; a new word is added to `words` (word -> number)."""
    return _keys(nfkc(text).lower(), words)[0]


def title_and_body_keys(title: str, body: str, words: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """text_keys of the title and of the body, cut in one pass (half the array operations)."""
    title = nfkc(title).lower()
    # A line break ends any token: no token spans the two.
    keys, starts = _keys(f"{title}\n{nfkc(body).lower()}", words)
    cut = int(np.searchsorted(starts, len(title)))
    return keys[:cut], keys[cut:]


def _keys(folded: str, words: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Keys of folded text and where each token starts."""
    if not folded:
        return EMPTY, EMPTY
    # A separator after the last character: every character has one after it.
    # "surrogatepass": a lone surrogate (never in a page read as UTF-8) is a separator, as in index_tokens.
    chars = np.frombuffer(f"{folded}\n".encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    classes = _classes(chars)
    cjk = classes == CJK
    word = classes == WORD
    first = word.copy()  # a word's first character
    first[1:] &= ~word[:-1]
    starts = (cjk | first).nonzero()[0]
    if not len(starts):
        return EMPTY, starts
    codes = CODES.take(chars, mode="clip")  # 0 for anything but CJK
    # Every character as a CJK token: its code and the next one's (+1), or 0 at a run's end.
    keys = ((codes[:-1] << 16) | ((codes[1:] + 1) * cjk[1:]))[starts]
    if first.any():
        begins = first.nonzero()[0].tolist()
        ends = ((word[:-1] & ~word[1:]).nonzero()[0] + 1).tolist()
        numbers = [words.setdefault(folded[b:e], len(words)) for b, e in zip(begins, ends, strict=True)]
        keys[first[starts]] = WORD_BASE + np.array(numbers, dtype=KEY_TYPE)
    return keys, starts


def cjk_token(key: int) -> str:
    """The text of a CJK token's key (text.encode of its one or two characters)."""
    first, second = key >> 16, (key & 0xFFFF) - 1
    return MARKER + _digits(first) + (_digits(second) if second >= 0 else "")


# The text of a CJK token: the marker and the digits of one or two characters.
_TOKEN_TEXT = re.compile(rf"{MARKER}[0-9a-z]{{{WIDTH}}}(?:[0-9a-z]{{{WIDTH}}})?")


def token_key(text: str) -> int | None:
    """The key whose cjk_token is `text`, or None for text that is no CJK token's (its inverse;
    int(..., 36) reads what text.digits writes)."""
    if not _TOKEN_TEXT.fullmatch(text):
        return None
    values = [int(text[i : i + WIDTH], 36) for i in range(len(MARKER), len(text), WIDTH)]
    return values[0] << 16 | (values[1] + 1 if len(values) > 1 else 0)


def _digits(value: int) -> str:
    # A CJK character's digits from the read-only table; any other value (a word read as a token).
    return CJK_CODES.get(BASE + value) or digits(value)
