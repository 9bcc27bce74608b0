"""The little CBOR that Pagefind's index files use: unsigned and negative integers, text, arrays.

Written here rather than taken from a library: Pagefind's files need only these three kinds of
item, always of definite length, and the postings (most of the bytes) are written by array
operations (postings.py, the same shortest forms as `head`); a general encoder walking nested lists
would be far slower. cbor2 (pinned for the tests) decodes what this writes, independently.
"""

from __future__ import annotations

import struct

UNSIGNED, NEGATIVE, TEXT, ARRAY = 0, 1, 3, 4


def head(major: int, value: int) -> bytes:
    """The initial bytes of an item: major type and argument, in the shortest form (as minicbor writes)."""
    if value < 24:
        return bytes((major << 5 | value,))
    if value < 1 << 8:
        return bytes((major << 5 | 24, value))
    if value < 1 << 16:
        return bytes((major << 5 | 25,)) + struct.pack(">H", value)
    if value < 1 << 32:
        return bytes((major << 5 | 26,)) + struct.pack(">I", value)
    return bytes((major << 5 | 27,)) + struct.pack(">Q", value)


def integer(value: int) -> bytes:
    return head(UNSIGNED, value) if value >= 0 else head(NEGATIVE, -1 - value)


def text(value: str) -> bytes:
    data = value.encode("utf-8")
    return head(TEXT, len(data)) + data


def array(items: list[bytes]) -> bytes:
    """An array of already encoded items."""
    return head(ARRAY, len(items)) + b"".join(items)
