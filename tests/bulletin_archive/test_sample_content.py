"""The committed sample issues: 24 consecutive months with the paper's real numbering, built for real."""

# ruff: noqa: F401, F811 (pytest fixtures are imported from bulletin_fixtures and used as arguments)

import itertools
from datetime import date

import pytest
from bulletin_fixtures import pdf_bytes
from conftest import ROOT, load_document, soup

from tools.newpage import new_page
from tools.sample_bulletins import ensure_pdfs
from ward_content.frontmatter import split

FOLDER = ROOT / "content" / "bulletins"


def _issues():
    docs = [load_document(ROOT / "content", f"bulletins/{p.name}") for p in sorted(FOLDER.glob("*.md"))]
    return sorted(docs, key=lambda d: d.meta.issue_date)


def test_at_least_24_consecutive_months_ending_by_december_2026():
    docs = _issues()
    assert len(docs) >= 24
    assert docs[-1].meta.issue_date <= date(2026, 12, 1)
    for before, after in itertools.pairwise(docs):
        months = (after.meta.issue_date.year - before.meta.issue_date.year) * 12 + (
            after.meta.issue_date.month - before.meta.issue_date.month
        )
        assert months == 1
        assert after.meta.number == before.meta.number + 1


@pytest.mark.parametrize(("month", "number"), [(date(2025, 3, 1), 329), (date(2025, 12, 1), 338)])
def test_numbers_match_the_real_paper(month, number):
    by_month = {d.meta.issue_date: d.meta.number for d in _issues()}
    assert by_month[month] == number


def test_file_names_are_the_issue_month():
    for doc in _issues():
        assert doc.slug == f"{doc.meta.issue_date:%Y-%m}"


def test_invoke_new_bulletin_names_the_file_by_next_month(tmp_path):
    path = new_page(tmp_path, "bulletin", "金沢まつり花火大会", date(2026, 11, 28))
    assert path.name == "2026-12.md"
    front = split(path.read_text(encoding="utf-8"), "bulletins/2026-12.md")
    assert (front.data["issue_date"], front.data["pdf"]) == ("2026-12-01", "2026-12.pdf")


def test_generated_pdfs_are_byte_for_byte_reproducible(tmp_path, pdf_bytes):
    ensure_pdfs(tmp_path)
    for month, data in pdf_bytes.items():
        assert (tmp_path / "bulletins" / f"{month}.pdf").read_bytes() == data, month


@pytest.mark.slow
def test_sample_site_has_the_archive(sample_site):
    landing = soup(sample_site, "bulletins/index.html")
    cards = landing.select(".ward-bulletin-year .ward-bulletin-card")
    assert len(cards) >= 24
    for card in cards:
        assert (sample_site / "bulletins" / card.select_one("img")["src"]).resolve().is_file()
    latest = soup(sample_site, "index.html").select_one("#home-bulletin").find_parent("section")
    assert "令和8年12月号" in latest.get_text()
    issue = soup(sample_site, "bulletins/2025-03/index.html")
    assert issue.select_one("h1").get_text() == "広報よこはま金沢区版 令和7年3月号（No.329）"
