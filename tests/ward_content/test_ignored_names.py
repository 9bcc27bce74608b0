"""is_ignored: editor, Office and OS lock or backup files (and hidden ones) are never read or published."""

from __future__ import annotations

import fnmatch
import itertools
import random

import pytest

from ward_content.sources import IGNORED_PATTERNS, is_ignored


@pytest.mark.parametrize(
    ("name", "ignored"),
    [
        ("Thumbs.db", True),
        ("DESKTOP.INI", True),
        ("~$報告.docx", True),
        (".DS_Store", True),
        ("a.SWP", True),
        ("b.swo", True),
        ("c.md~", True),
        ("#a.md#", True),
        ("x.save", True),
        ("a.tmp", True),
        ("a.bak", True),
        ("a.tmp.md", False),
        ("hanabi.md", False),
        ("thumbs.db.md", False),
        ("a.bak\n", False),
    ],
)
def test_names_staff_meet(name, ignored):
    assert is_ignored(name) is ignored


def test_the_one_expression_matches_as_each_pattern_does():
    """One compiled expression stands for the patterns; every short name over a tricky alphabet (and a
    random sample of longer ones) gets the same answer as fnmatchcase with each pattern."""

    def each(name: str) -> bool:
        return any(fnmatch.fnmatchcase(name.lower(), pattern) for pattern in IGNORED_PATTERNS)

    alphabet = [".", "#", "~", "$", "a", "S", "w", "p", "o", "b", "k", "t", "m", "v", "\n", "é", "İ"]
    names = ["".join(p) for n in range(1, 4) for p in itertools.product(alphabet, repeat=n)]
    randomly = random.Random(7)
    names += ["".join(randomly.choice(alphabet) for _ in range(randomly.randint(4, 10))) for _ in range(20000)]
    names += [p.replace("*", "x") for p in IGNORED_PATTERNS] + [p.upper().replace("*", "Y") for p in IGNORED_PATTERNS]
    assert [n for n in names if is_ignored(n) != each(n)] == []
