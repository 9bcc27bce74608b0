"""Bulletin fixtures (imported by the tests; not a conftest, so `from conftest import` stays unambiguous)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from tools.sample_bulletins import PLAN_TEXT, draw_issue, plans, read_articles, register_font


@pytest.fixture(scope="session")
def pdf_bytes(tmp_path_factory) -> dict[str, bytes]:
    """The sample issues' PDFs by month ("2026-03"), generated once per session."""
    folder = tmp_path_factory.mktemp("pdfs")
    font = register_font()
    result = {}
    for plan in plans(read_articles(PLAN_TEXT.read_text(encoding="utf-8"))):
        target = folder / f"{plan.slug}.pdf"
        draw_issue(plan, target, font)
        result[plan.slug] = target.read_bytes()
    return result


def issue_text(month: str, number: int, pdf: str | None = None, day: int = 1, **extra) -> str:
    """An issue's Markdown: valid unless told otherwise."""
    year, mon = (int(part) for part in month.split("-"))
    front = {
        "issue_date": date(year, mon, day).isoformat(),
        "number": number,
        "pdf": pdf or f"{month}.pdf",
        "headline": f"{mon}月号の特集",
        "contents": [{"title": "特集記事", "page": 2}, {"title": "区役所からのお知らせ", "page": 3}],
        **extra,
    }
    return "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\nこの号の紹介です。\n"


def number_of(month: str) -> int:
    """The real issue number (令和7年3月号 = No.329, +1 a month)."""
    year, mon = (int(part) for part in month.split("-"))
    return 329 + (year - 2025) * 12 + (mon - 3)


@pytest.fixture
def archive_files(pdf_bytes):
    """`archive_files("2026-02", "2026-03")`: Markdown and PDF for each month, for build_site(files=...)."""

    def make(*months: str) -> dict[str, str | bytes]:
        files: dict[str, str | bytes] = {}
        for month in months:
            files[f"bulletins/{month}.md"] = issue_text(month, number_of(month))
            files[f"bulletins/{month}.pdf"] = pdf_bytes[month]
        return files

    return make


@pytest.fixture
def cache_dir(tmp_path) -> Path:
    """A private cover cache, so tests never share rendered covers."""
    return tmp_path / "covers-cache"
