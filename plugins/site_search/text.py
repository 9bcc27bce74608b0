"""Search text: one normaliser and one tokeniser for the index, mirrored for queries in search-text.js.

Japanese has no spaces, and a dictionary segmenter splits 金沢文庫 one way when indexing and
another way in the browser (Pagefind issue 1237). Like Lucene's CJK analyzer, we instead cut every
run of Han, hiragana and katakana into overlapping character bigrams (金沢 沢文 文庫), so the index
and the query are cut by the same rule and can never disagree. Each bigram is written as an ASCII
token, so neither Pagefind's indexer nor the browser's `Intl.Segmenter` can cut it again, and
Pagefind's diacritic folding cannot merge は/ば/ぱ.

theme/static/js/search-text.js implements the same functions; tests/site_search/test_text.py
checks both give identical tokens for a list of strings.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Every CJK token starts with this marker: no word of real text starts with "qj", so an ASCII
# query word can never prefix-match a CJK token.
MARKER = "qj"
# A CJK character is written as 3 base-36 digits of (code point - BASE): U+3000 to U+E63F,
# which holds kana, CJK extension A and the unified ideographs. Rarer characters (extension B
# and later) fall outside and are indexed as words of their own, on both sides alike.
BASE = 0x3000
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
WIDTH = 3
LIMIT = BASE + len(DIGITS) ** WIDTH


def normalise(text: str) -> str:
    """NFKC (full/half width folded), lower case, katakana as hiragana."""
    folded = unicodedata.normalize("NFKC", text).lower()
    return folded.translate(KATAKANA_TO_HIRAGANA)


def _katakana_table() -> dict[int, int]:
    table = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}  # ァ..ヶ -> ぁ..ゖ
    table[0x30FD] = 0x309D  # ヽ -> ゝ
    table[0x30FE] = 0x309E  # ヾ -> ゞ
    return table


KATAKANA_TO_HIRAGANA = _katakana_table()


def is_cjk(char: str) -> bool:
    """True for characters cut into bigrams: Han, hiragana, katakana, ー, 々〆〇〻 (after `normalise`)."""
    code = ord(char)
    if code >= LIMIT or code < BASE:
        return False
    return (
        0x3041 <= code <= 0x3096  # hiragana
        or 0x309D <= code <= 0x309F  # ゝゞゟ
        or 0x30A1 <= code <= 0x30FA  # katakana left after folding (ヷ..ヺ)
        or code in (0x30FC, 0x30FF, 0x3005, 0x3006, 0x3007, 0x303B)  # ー ヿ 々 〆 〇 〻
        or 0x31F0 <= code <= 0x31FF  # small katakana extension
        or 0x3400 <= code <= 0x4DBF  # CJK extension A
        or 0x4E00 <= code <= 0x9FFF  # CJK unified ideographs
    )


def is_word_char(char: str) -> bool:
    """Letters and digits of any script (JavaScript: /[\\p{L}\\p{N}]/u)."""
    return unicodedata.category(char)[0] in "LN"


# The same classes as is_cjk and is_word_char, for speed: a CJK run, or a run of other letters/digits.
_CJK_CLASS = (
    "\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc\u30ff\u3005-\u3007\u303b\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
)
_UNIT = re.compile(f"([{_CJK_CLASS}]+)|([^\\W_{_CJK_CLASS}]+)")


def digits(value: int) -> str:
    """A value below 36**WIDTH as WIDTH base-36 digits: how a CJK character (code point - BASE) is written."""
    out = ""
    for _ in range(WIDTH):
        value, rest = divmod(value, len(DIGITS))
        out = DIGITS[rest] + out
    return out


def encode(chars: str) -> str:
    """ASCII token for one or two CJK characters: the marker, then 3 base-36 digits each."""
    return MARKER + "".join(digits(ord(char) - BASE) for char in chars)


# Digits of every character a CJK run can hold, for str.translate (read-only).
CJK_CODES = {code: digits(code - BASE) for code in range(BASE, LIMIT) if is_cjk(chr(code))}


@dataclass(frozen=True)
class Unit:
    """One piece of normalised text: a CJK run or a word of letters/digits."""

    text: str
    cjk: bool


def units(normalised: str) -> list[Unit]:
    """Split normalised text into CJK runs and words; everything else separates them."""
    return [Unit(match.group(), match.group(1) is not None) for match in _UNIT.finditer(normalised)]


# For indexing, katakana are folded to hiragana by the code table rather than by a pass of their
# own over the text (the index reads every page): katakana, ヽ and ヾ get their hiragana's codes,
# and ヽヾ (which fold into the class as ゝゞ) join the class. Same tokens as normalise() + _UNIT.
_FOLDED_CODES = {
    **CJK_CODES,
    **{code: CJK_CODES[KATAKANA_TO_HIRAGANA[code]] for code in KATAKANA_TO_HIRAGANA},
}
_UNIT_UNFOLDED = re.compile(f"([{_CJK_CLASS}\u30fd\u30fe]+)|([^\\W_{_CJK_CLASS}\u30fd\u30fe]+)")


def index_tokens(text: str) -> list[str]:
    """Tokens to index: bigrams of each CJK run plus its last character alone, words as they are.

    The last character's own token makes a one-character query (庫) find 金沢文庫: a query token
    of one character is matched as a prefix, and every character of a run now starts a token.
    It also keeps one token per character, so positions run in step with the text.
    """
    tokens: list[str] = []
    for run, word in _UNIT_UNFOLDED.findall(unicodedata.normalize("NFKC", text).lower()):
        if not run:
            tokens.append(word)
            continue
        codes = run.translate(_FOLDED_CODES)  # WIDTH digits per character
        last = len(codes) - WIDTH
        tokens += [MARKER + codes[i : i + 2 * WIDTH] for i in range(0, last, WIDTH)]
        tokens.append(MARKER + codes[last:])
    return tokens


@dataclass(frozen=True)
class QueryPart:
    """Tokens of one CJK run or word of a query; `phrase` when they must stand next to each other."""

    tokens: tuple[str, ...]
    phrase: bool


def query_parts(query: str) -> list[QueryPart]:
    """A query as the index sees it: bigrams of each CJK run (one token for a single character)."""
    parts: list[QueryPart] = []
    for unit in units(normalise(query)):
        if not unit.cjk:
            parts.append(QueryPart((unit.text,), False))
        elif len(unit.text) == 1:
            parts.append(QueryPart((encode(unit.text),), False))
        else:
            run = unit.text
            bigrams = tuple(encode(run[i : i + 2]) for i in range(len(run) - 1))
            parts.append(QueryPart(bigrams, len(bigrams) > 1))
    return parts


def facet_token(kind: str, value: str | None) -> str | None:
    """The token that marks a page's section (history) or year (2026): `qz`, s or y, the value's letters."""
    if not value:
        return None
    return "qz" + kind[0] + "".join(c for c in value.lower() if c.isascii() and c.isalnum())
