"""Japanese text: summaries cut at a sentence end and reading time by characters."""

from __future__ import annotations

import math
import re
from html import unescape

SENTENCE_END = "。！？"
CHARS_PER_MINUTE = 500
_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]+>")


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment (our own Markdown output), with runs of white space folded.

    A tag-stripping regex, not an HTML parser: the input is what Python-Markdown wrote, with no
    comments or scripts (refused in content), and a parser cost ~15% of the whole build.
    """
    text = unescape(_TAG.sub(" ", html))
    return _SPACE.sub(" ", text).strip()


def japanese_summary(text: str, limit: int = 120) -> str:
    """Cut at the last sentence end within `limit` characters.

    Pelican's truncator counts words and treats a run that starts with ASCII digits as one
    word (「8月15日に…」), so Japanese summaries are cut by characters instead.
    Text without a sentence end in reach is cut at `limit` with an ellipsis.
    """
    text = _SPACE.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    window = text[:limit]
    cut = max(window.rfind(mark) for mark in SENTENCE_END)
    if cut >= limit // 3:
        return window[: cut + 1]
    return window.rstrip() + "…"


def reading_minutes(text: str) -> int:
    """Minutes to read, at about 500 Japanese characters a minute; at least 1."""
    count = len(_SPACE.sub("", text))
    return max(1, math.ceil(count / CHARS_PER_MINUTE))
