"""The little CBOR that Pagefind's index files use: unsigned and negative integers, text, arrays.

Written here rather than taken from a library: Pagefind's files need only these three kinds of
item, always of definite length, and the index writer builds the bytes of each posting as it goes
(cached integer encodings, joined in C by bytes.join), which a general encoder walking nested
lists cannot do as fast; cbor2 (pinned for the tests) decodes what this writes, independently.
"""

from __future__ import annotations

import struct

UNSIGNED, NEGATIVE, TEXT, ARRAY = 0, 1, 3, 4
# Integers below this are encoded once and looked up (positions in a page stay below it).
CACHED = 1 << 16


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


# Read-only: the encodings of 0..CACHED-1, indexed by value.
UNSIGNED_BYTES = tuple(head(UNSIGNED, value) for value in range(CACHED))


def unsigned_run(values: list[int]) -> bytes:
    """Non-negative integers one after the other (the items of an array, without its head)."""
    try:
        return b"".join(map(UNSIGNED_BYTES.__getitem__, values))
    except IndexError:  # one of CACHED or more
        return b"".join(map(integer, values))
