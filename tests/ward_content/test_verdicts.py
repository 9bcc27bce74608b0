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


def _codes(content, **overrides):
    kept = {"WARD_CHECK_CACHE_PATH": str(content.parent / ".cache" / "content_checks")}
    return [(e.path, e.code) for e in check_content(content, overrides={**kept, **overrides}).errors]


def test_a_refused_pdf_stays_refused_and_is_read_once_for_the_same_bytes(tmp_path, counted):
    content = write_files(
        tmp_path / "content",
        {"news/a.md": article(body="[申請書]({static}/files/form.pdf)"), "files/form.pdf": _pdf(script=True)},
    )
    assert _codes(content) == [("content/files/form.pdf", "pdf with script")]
    assert _codes(content) == [("content/files/form.pdf", "pdf with script")]
    assert len(counted) == 1
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
    assert _codes(content, WARD_LIMITS={"pdf_pages": 2}) == [("content/files/a.pdf", "pdf too many pages")]
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


def test_without_a_folder_nothing_is_kept(tmp_path):
    checked = []
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF")
    for _ in range(2):
        with pdf.open("rb") as stream:
            assert Verdicts(None).of(stream, "q", lambda s: checked.append(s.read()) or [("m", "c")]) == [("m", "c")]
    assert checked == [b"%PDF", b"%PDF"]


def test_a_cache_that_cannot_be_written_costs_only_the_check(tmp_path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder would be", encoding="utf-8")
    with pdf.open("rb") as stream:
        assert Verdicts(blocked).of(stream, "q", lambda s: [("m", "c")]) == [("m", "c")]


def test_a_read_that_failed_this_time_is_not_kept_as_the_files_verdict(tmp_path, monkeypatch):
    import pypdf

    content = write_files(
        tmp_path / "content", {"news/a.md": article(body="[資料]({static}/files/a.pdf)"), "files/a.pdf": _pdf()}
    )
    real = pypdf.PdfReader

    def busy(*args, **kwargs):
        raise OSError(24, "Too many open files")  # EMFILE, or a network drive's hiccup, once

    monkeypatch.setattr(pypdf, "PdfReader", busy)
    assert _codes(content) == [("content/files/a.pdf", "pdf unreadable")]
    monkeypatch.setattr(pypdf, "PdfReader", real)
    assert _codes(content) == []  # the same readable file: nothing of the failed try was kept
    # A bulletin's own PDF need not open here (pdfium judges it); its failed try is not kept as a pass.
    files = {"bulletins/2026-07.md": "x", "bulletins/2026-07.pdf": _pdf(pages=3)}
    write_files(content, files)
    monkeypatch.setattr(pypdf, "PdfReader", busy)
    limits = {"pdf_pages": 2}
    assert ("content/bulletins/2026-07.pdf", "pdf too many pages") not in _codes(content, WARD_LIMITS=limits)
    monkeypatch.setattr(pypdf, "PdfReader", real)
    assert ("content/bulletins/2026-07.pdf", "pdf too many pages") in _codes(content, WARD_LIMITS=limits)


def test_a_verdict_is_kept_for_the_bytes_that_were_checked(tmp_path, monkeypatch):
    """A save landing between the hash and pypdf's read must not lend its verdict to the old bytes."""
    content = write_files(
        tmp_path / "content", {"news/a.md": article(body="[資料]({static}/files/a.pdf)"), "files/a.pdf": _pdf()}
    )
    real = pdf_bounds.check_pdf_bounds

    def saved_meanwhile(source, *args, **kwargs):
        (content / "files" / "a.pdf").write_bytes(_pdf(pages=3))  # the staff member's save lands now
        return real(source, *args, **kwargs)

    monkeypatch.setattr(pdf_bounds, "check_pdf_bounds", saved_meanwhile)
    first = _codes(content, WARD_LIMITS={"pdf_pages": 2})
    monkeypatch.setattr(pdf_bounds, "check_pdf_bounds", real)
    (content / "files" / "a.pdf").write_bytes(_pdf())  # the one-page PDF is put back
    assert _codes(content, WARD_LIMITS={"pdf_pages": 2}) == []
    # What the first check saw was one file or the other, never a mixture kept under the wrong key.
    assert first in ([], [("content/files/a.pdf", "pdf too many pages")])


def test_checking_a_folder_outside_the_repository_writes_nothing_beside_it(tmp_path):
    content = write_files(
        tmp_path / "content", {"news/a.md": article(body="[資料]({static}/files/a.pdf)"), "files/a.pdf": _pdf()}
    )
    assert check_content(content).errors == ()
    assert not (tmp_path / ".cache").exists()


def _jpeg(colour: str = "blue", size: tuple[int, int] = (64, 48)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def decoded(monkeypatch):
    """How many times a photo was really decoded (the real check, counted)."""
    import ward_content.images as images

    calls = []
    real = images._judge

    def judge(source):
        calls.append(source)
        return real(source)

    monkeypatch.setattr(images, "_judge", judge)
    return calls


def test_a_photo_is_decoded_once_for_the_same_bytes_and_again_when_they_change(tmp_path, decoded):
    content = write_files(
        tmp_path / "content",
        {"news/a.md": article(body="![海の公園の写真](../images/umi.jpg)"), "images/umi.jpg": _jpeg()[:300]},
    )
    # A damaged photo: refused the first time and, from the kept verdict, the second.
    refused = [("content/images/umi.jpg", "unreadable image"), ("content/news/a.md", "damaged image")]
    assert _codes(content) == refused
    assert _codes(content) == refused
    assert len(decoded) == 1
    (content / "images" / "umi.jpg").write_bytes(_jpeg())  # the whole photo put in its place
    assert _codes(content) == []
    assert _codes(content) == []
    assert len(decoded) == 2
    # A new photo under the same name is checked again.
    (content / "images" / "umi.jpg").write_bytes(_jpeg(size=(70, 40)))
    assert _codes(content) == []
    assert len(decoded) == 3


def test_a_photo_that_could_not_be_read_this_time_is_not_kept(tmp_path, monkeypatch):
    from PIL import ImageFile

    content = write_files(
        tmp_path / "content",
        {"news/a.md": article(body="![海の公園の写真](../images/umi.jpg)"), "images/umi.jpg": _jpeg()},
    )
    real = ImageFile.ImageFile.load

    def failing(self):
        raise OSError(5, "Input/output error")  # a network drive's hiccup, once

    monkeypatch.setattr(ImageFile.ImageFile, "load", failing)
    assert ("content/news/a.md", "damaged image") in _codes(content)
    monkeypatch.setattr(ImageFile.ImageFile, "load", real)
    assert _codes(content) == []  # nothing of the failed try was kept


@pytest.mark.parametrize("kept", [True, False])
def test_a_photo_the_system_failed_to_read_once_is_read_again_at_the_next_save(tmp_path, monkeypatch, kept):
    """The preview keeps its content set: a failed read is not remembered in it either."""
    from PIL import ImageFile

    from tools.site_build import project_types
    from ward_content.content_set import load_content_set

    content = write_files(
        tmp_path / "content",
        {"news/a.md": article(body="![海の公園の写真](../images/umi.jpg)"), "images/umi.jpg": _jpeg()},
    )
    verdicts = Verdicts(tmp_path / ".cache" / "content_checks" if kept else None)
    real = ImageFile.ImageFile.load

    def failing(self):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(ImageFile.ImageFile, "load", failing)
    loaded = load_content_set(content, project_types(), verdicts=verdicts)
    assert [e.code for e in loaded.errors] == ["damaged image"]
    monkeypatch.setattr(ImageFile.ImageFile, "load", real)
    assert loaded.with_file("news/a.md").errors == ()


def test_an_oversized_entry_in_the_folder_is_not_read_but_checked_again(tmp_path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF")
    folder = tmp_path / "kept"
    with pdf.open("rb") as stream:
        assert Verdicts(folder).of(stream, "q", lambda s: [("m", "c")]) == [("m", "c")]
    (entry,) = folder.rglob("*.json")
    entry.write_text("[" + '["x", "y"], ' * 20_000 + '["x", "y"]]', encoding="utf-8")  # 240 KB, not ours
    with pdf.open("rb") as stream:
        assert Verdicts(folder).of(stream, "q", lambda s: [("m", "c")]) == [("m", "c")]
