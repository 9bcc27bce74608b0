"""Build a site with every directory listing in a forced order, as another checkout might list it.

Run as a script (`python listing_order_build.py SETTINGS CONTENT OUTPUT forward|reverse`) in its own
process, so string hashing (PYTHONHASHSEED) differs between the two builds as it does between clones.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class _Listing:
    """What os.scandir returns (an iterator and a context manager), over a list in our order."""

    def __init__(self, entries):
        self._entries = iter(entries)

    def __iter__(self):
        return self._entries

    def __next__(self):
        return next(self._entries)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def close(self):
        pass


def force_listing_order(reverse: bool) -> None:
    """os.walk, os.listdir and pathlib list every folder by name, A to Z or Z to A."""
    real_scandir, real_listdir = os.scandir, os.listdir

    def scandir(path="."):
        with real_scandir(path) as found:
            entries = sorted(found, key=lambda entry: entry.name, reverse=reverse)
        return _Listing(entries)

    def listdir(path="."):
        return sorted(real_listdir(path), reverse=reverse)

    os.scandir = scandir
    os.listdir = listdir


def main(settings: str, content: str, output: str, order: str, build_date: str) -> None:
    force_listing_order(order == "reverse")
    sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]
    os.chdir(ROOT)
    from tools.site_build import build_into

    build_into(settings, Path(output), {"PATH": content, "WARD_BUILD_DATE": build_date, "SITE_SEARCH_INDEX": False})


if __name__ == "__main__":
    main(*sys.argv[1:6])
