"""The gzip files of the index: Pagefind's signature inside, the same bytes on any machine."""

from __future__ import annotations

import gzip
import os

import pytest
from site_search.bundle import SIGNATURE, SMALL, compressed


@pytest.mark.parametrize("size", [0, 1, 1700, SMALL - len(SIGNATURE), SMALL, 50_000, 300_000])
def test_compressed_reads_back_and_names_no_machine(size):
    data = (os.urandom(size // 3) + "金沢区の花火大会".encode() * size)[:size]
    packed = compressed(data, 6)
    assert gzip.decompress(packed) == SIGNATURE + data
    # No file name, mtime 0, OS "unknown": nothing of the machine that built it.
    assert packed[:10] == b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
    assert compressed(data, 6) == packed
