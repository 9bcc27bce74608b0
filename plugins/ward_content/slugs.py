"""Proposing romaji slugs once, for a writer to keep: a published URL never changes with a dictionary."""

from __future__ import annotations

import re
import unicodedata


def propose_slug(text: str, max_length: int = 40) -> str:
    """A Hepburn romaji slug for Japanese text, e.g. 金沢まつり花火大会 → kanazawa-matsuri-hanabitaikai.

    pykakasi (GPL-3.0) is only used here, to propose a name; the name is then written into
    the file name, so URLs never depend on its dictionary. Place names may come out wrong,
    which is why the writer sees and can correct the proposal.
    """
    import pykakasi  # imported lazily: only `invoke new` and error messages need it

    words = [item["hepburn"] for item in pykakasi.kakasi().convert(unicodedata.normalize("NFKC", text))]
    slug = re.sub(r"[^a-z0-9]+", "-", " ".join(words).lower()).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug or "page"
