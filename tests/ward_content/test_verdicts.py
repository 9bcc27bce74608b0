"""Kept verdicts of costly file checks: a PDF is read by pypdf once for the same bytes, limits and checker."""

from __future__ import annotations

import io

import pytest
from conftest import article, build_site, write_files

import ward_content.pdf_bounds as pdf_bounds
from tools.site_build import check_content
from ward_content.verdicts import Verdicts


def _pdf(pages: int = 1, script: bool = False) -> bytes:
    from pypdf import PdfWriter
    from pypdf.actions import JavaScript

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(595, 842)
    if script:
        writer.add_open_action(JavaScript("app.alert('pdf');"))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def counted(monkeypatch):
    """How many times pypdf's check really ran (the real check, counted)."""
    calls = []
    real = pdf_bounds.check_pdf_bounds

    def check(*args, **kwargs):
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf_bounds, "check_pdf_bounds", check)
    return calls


def _codes(content):
    return [(e.path, e.code) for e in check_content(content).errors]


def test_a_refused_pdf_stays_refused_and_is_read_once_for_the_same_bytes(tmp_path, counted):
    content = write_files(
        tmp_path / "content",
        {"news/a.md": article(body="[申請書]({static}/files/form.pdf)"), "files/form.pdf": _pdf(script=True)},
    )
    assert _codes(content) == [("content/files/form.pdf", "pdf with script")]
    assert _codes(content) == [("content/files/form.pdf", "pdf with script")]
    assert len(counted) == 1
    # Kept beside content/, as the other derived caches.
    assert len(list((tmp_path / ".cache" / "content_checks").rglob("*.json"))) == 1

    (content / "files" / "form.pdf").write_bytes(_pdf())  # replaced by a clean one: checked again
    assert _codes(content) == []
    assert len(counted) == 2


def test_other_limits_or_a_damaged_entry_ask_again(tmp_path, counted):
    content = write_files(
        tmp_path / "content", {"news/a.md": article(body="[資料]({static}/files/a.pdf)"), "files/a.pdf": _pdf(pages=3)}
    )
    assert _codes(content) == []
    for entry in (tmp_path / ".cache" / "content_checks").rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    assert _codes(content) == []
    assert len(counted) == 2
    assert check_content(content, overrides={"WARD_LIMITS": {"pdf_pages": 2}}).errors[0].code == "pdf too many pages"
    assert len(counted) == 3


def test_the_build_refuses_a_pdf_whose_refusal_was_kept(tmp_path, counted):
    from ward_content.errors import WardBuildError

    files = {"news/a.md": article(body="[申請書]({static}/files/form.pdf)"), "files/form.pdf": _pdf(script=True)}
    for attempt in ("one", "two"):
        with pytest.raises(WardBuildError) as caught:
            build_site(
                tmp_path / attempt,
                files,
                PLUGINS=["ward_content", "pdf_privacy"],
                WARD_CHECK_CACHE_PATH=str(tmp_path / "kept"),
            )
        assert [e.code for e in caught.value.errors] == ["pdf with script"]
        assert not (tmp_path / attempt / "output").exists()
    assert len(counted) == 1


def test_without_a_folder_or_a_readable_file_nothing_is_kept(tmp_path):
    checked = []
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF")
    for verdicts, path in ((Verdicts(None), pdf), (Verdicts(tmp_path / "kept"), tmp_path / "gone.pdf")):
        for _ in range(2):
            assert verdicts.of(path, "q", lambda: checked.append(1) or [("m", "c")]) == [("m", "c")]
    assert checked == [1, 1, 1, 1]
    assert not (tmp_path / "kept").exists()


def test_a_cache_that_cannot_be_written_costs_only_the_check(tmp_path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    assert Verdicts(blocked).of(pdf, "q", lambda: [("m", "c")]) == [("m", "c")]
