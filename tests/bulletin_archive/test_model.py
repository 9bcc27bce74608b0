"""Pure parts of the archive: size labels, issue labels, months between issues, gaps."""

from datetime import date

import pytest
from bulletin_archive.model import _months_between, issue_label, size_label


@pytest.mark.parametrize(
    ("size", "label"),
    [
        (500, "1KB"),
        (1024, "1KB"),
        (116_000, "113KB"),
        (1024 * 1024, "1.0MB"),
        (int(2.34 * 1024 * 1024), "2.3MB"),
    ],
)
def test_size_label(size, label):
    assert size_label(size) == label


@pytest.mark.parametrize(
    ("month", "label"),
    [(date(2025, 3, 1), "令和7年3月号"), (date(2025, 12, 1), "令和7年12月号"), (date(2019, 5, 1), "令和元年5月号")],
)
def test_issue_label_follows_the_masthead(month, label):
    assert issue_label(month) == label


@pytest.mark.parametrize(
    ("first", "last", "between"),
    [
        (date(2026, 7, 1), date(2026, 8, 1), []),
        (date(2026, 7, 1), date(2026, 9, 1), [date(2026, 8, 1)]),
        (date(2026, 11, 1), date(2027, 2, 1), [date(2026, 12, 1), date(2027, 1, 1)]),
    ],
)
def test_months_between(first, last, between):
    assert _months_between(first, last) == between
