"""PDFs are content: committed, never shadowed by samples, checked against their Markdown, warned when large."""

# ruff: noqa: F401, F811 (pytest fixtures are imported from bulletin_fixtures and used as arguments)

import subprocess
from dataclasses import replace

import pytest
from bulletin_archive.pdf_identity import PdfIdentity, identity_of_text, read_identity
from bulletin_archive.settings import read_settings
from bulletin_fixtures import archive_files, cache_dir, issue_text, number_of, pdf_bytes
from conftest import ROOT, build_site, check_tree, write_files

from tools.sample_bulletins import ensure_pdfs
from tools.site_build import check_content
from ward_content.errors import ConfigurationError, WardBuildError


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("広報よこはま金沢区版 令和7年3月号 No.329", ""), PdfIdentity(2025, 3, 329)),
        (("", "広報よこはま 金沢区版\r\n令和8年12月号\u3000No.350\u3000毎月1日発行"), PdfIdentity(2026, 12, 350)),
        (("", "2026年8月号 第346号"), PdfIdentity(2026, 8, 346)),
        (("", "令和元年5月号No.２３７"), PdfIdentity(2019, 5, 237)),
        (("", "令和８年（2026年）８月号"), PdfIdentity(2026, 8, None)),
        # A date in an article is not the issue's month; only 「…月号」 is.
        (("", "花火大会は2026年8月29日です。"), PdfIdentity()),
        # The title wins over the first page.
        (("令和7年3月号 No.329", "令和7年4月号 No.330"), PdfIdentity(2025, 3, 329)),
        (("Untitled", ""), PdfIdentity()),
    ],
)
def test_identity_is_read_from_title_then_first_page(texts, expected):
    assert identity_of_text(*texts) == expected


def test_identity_of_the_sample_pdf(tmp_path, pdf_bytes):
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf_bytes["2025-03"])
    assert read_identity(path) == PdfIdentity(2025, 3, 329)


def test_identity_is_read_by_pdfium_in_a_bounded_process_once_per_pdf(tmp_path, pdf_bytes, monkeypatch):
    """pdfium never runs in the build's process: a reader that crashes or is killed states nothing
    (the build's cover worker then reports the file), and a PDF already read is not read again."""
    import json
    import signal

    from bulletin_archive import pdf_identity

    path, cache = tmp_path / "x.pdf", tmp_path / "cache"
    path.write_bytes(pdf_bytes["2025-03"])
    runs = []
    real = pdf_identity.run_bounded

    def counted(command, limits):
        runs.append(command)
        return real(command, limits)

    monkeypatch.setattr(pdf_identity, "run_bounded", counted)
    assert read_identity(path, cache) == PdfIdentity(2025, 3, 329)
    assert read_identity(path, cache) == PdfIdentity(2025, 3, 329)
    assert len(runs) == 1 and runs[0][1].endswith("identity_worker.py")
    saved = json.loads(next(cache.iterdir()).read_text(encoding="utf-8"))
    assert "329" in saved["title"] + saved["first_page"]

    # A shell whose locale cannot write Japanese: the reader still answers (in UTF-8).
    monkeypatch.setenv("PYTHONIOENCODING", "ascii")
    fresh = tmp_path / "z.pdf"
    fresh.write_bytes(pdf_bytes["2025-03"] + b"\n% a third file\n")
    assert read_identity(fresh, cache) == PdfIdentity(2025, 3, 329)
    assert len(runs) == 2

    # The reader dies of a signal (as pdfium would on a hostile file): no crash here, nothing stated.
    crash = tmp_path / "crash.py"
    crash.write_text(f"import os, signal\nos.kill(os.getpid(), signal.{signal.SIGSEGV.name})\n", encoding="utf-8")
    monkeypatch.setattr(pdf_identity, "run_bounded", lambda command, limits: real([command[0], str(crash)], limits))
    other = tmp_path / "y.pdf"
    other.write_bytes(pdf_bytes["2025-03"] + b"\n% another file\n")
    assert read_identity(other, cache) == PdfIdentity()


def test_pdf_of_another_month_is_a_located_error_in_check_and_build(tmp_path, archive_files, cache_dir, pdf_bytes):
    files = archive_files("2026-02", "2026-03")
    files["bulletins/2026-03.pdf"] = pdf_bytes["2026-02"]  # staff put last month's PDF under the new name
    month = (
        "content/bulletins/2026-03.md:2: issue_date: PDF「2026-03.pdf」は 2026年2月号です（PDF の題名か表紙による）が、"
        "このファイルは 2026年3月号です。別の月の PDF を置いていないか、issue_date が正しいかを確かめてください"
        " (pdf month differs from issue_date)"
    )
    number = (
        "content/bulletins/2026-03.md:3: number: PDF「2026-03.pdf」の号数は No.340 です（PDF の題名か表紙による）が、"
        "number は 341 です。別の号の PDF を置いていないか、number が正しいかを確かめてください"
        " (pdf number differs from number)"
    )
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path, files=files, BULLETIN_CACHE_PATH=str(cache_dir))
    assert [e.format() for e in caught.value.errors] == [month, number]
    assert [e.format() for e in check_tree(tmp_path / "content").errors] == [month, number]


def _pdf_of_size(size: int) -> bytes:
    import io

    import pypdf

    def make(padding: int) -> bytes:
        writer = pypdf.PdfWriter()
        writer.add_blank_page(595, 842)
        writer.add_metadata({"/Subject": "0" * padding})
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    base = len(make(0))
    return make(size - base)


def test_large_pdf_warns_with_how_to_reduce_it_and_still_builds(tmp_path, archive_files, cache_dir, capsys):
    files = archive_files("2026-03")
    # A real PDF of 30,000 bytes: one that pypdf cannot read is refused (its metadata could not be removed).
    files["files/boshu.pdf"] = _pdf_of_size(30_000)
    settings = {"BULLETIN_CACHE_PATH": str(cache_dir), "BULLETIN_PDF_SIZE_LIMIT_MB": 0.02}
    output = build_site(tmp_path, files=files, **settings)
    assert (output / "bulletins/2026-03.pdf").is_file()
    lines = capsys.readouterr().err.splitlines()
    issue_line = "content/bulletins/2026-03.md:4: pdf: 警告: PDF「2026-03.pdf」は"
    linked_line = "content/files/boshu.pdf:1: 警告: PDF「boshu.pdf」は 29KB あり"
    issues = [line for line in lines if line.startswith(issue_line)]
    assert len(issues) == 1  # said once, by the content set's check
    assert "目安の 20KB を超えています" in issues[0] and "PDF を圧縮" in issues[0]
    assert issues[0].endswith("(pdf larger than the size limit)")
    assert len([line for line in lines if line.startswith(linked_line)]) == 1
    # `invoke check` says the same, with the same setting, before anything is built.
    checked = check_content(tmp_path / "content", "pelicanconf.py", settings)
    assert list(checked.errors) == []
    warnings = [w.format() for w in checked.warnings]
    assert [w for w in warnings if w.startswith(issue_line)] == issues
    assert len([w for w in warnings if w.startswith(linked_line)]) == 1


def test_pdf_size_limit_of_the_settings_is_the_one_checked(tmp_path, archive_files, cache_dir):
    files = archive_files("2026-03")
    write_files(tmp_path / "content", files)
    small = {"BULLETIN_CACHE_PATH": str(cache_dir), "BULLETIN_PDF_SIZE_LIMIT_MB": 0.001}
    assert any("目安の" in w.format() for w in check_content(tmp_path / "content", "pelicanconf.py", small).warnings)
    default = {"BULLETIN_CACHE_PATH": str(cache_dir)}
    assert not any(
        "目安の" in w.format() for w in check_content(tmp_path / "content", "pelicanconf.py", default).warnings
    )


def test_small_pdfs_give_no_warning(tmp_path, archive_files, cache_dir, capsys):
    build_site(tmp_path, files=archive_files("2026-03"), BULLETIN_CACHE_PATH=str(cache_dir))
    assert "警告" not in capsys.readouterr().err


def test_sample_tool_never_overwrites_a_staff_pdf(tmp_path, pdf_bytes):
    staff = tmp_path / "bulletins" / "2026-03.pdf"
    staff.parent.mkdir(parents=True)
    staff.write_bytes(b"%PDF-1.7 the real issue")
    (tmp_path / "bulletins" / "2027-01.pdf").write_bytes(b"%PDF-1.7 a month after the samples")
    written = ensure_pdfs(tmp_path)
    assert staff.read_bytes() == b"%PDF-1.7 the real issue"
    assert (tmp_path / "bulletins" / "2027-01.pdf").read_bytes() == b"%PDF-1.7 a month after the samples"
    assert len(written) == 23 and staff not in written


def test_committed_sample_pdfs_are_the_reproducible_ones(pdf_bytes):
    for month, data in pdf_bytes.items():
        assert (ROOT / "content" / "bulletins" / f"{month}.pdf").read_bytes() == data, month


def test_bulletin_and_linked_pdfs_are_not_ignored_by_git():
    for rel in ("content/bulletins/2027-01.pdf", "content/files/boshu.pdf"):
        ignored = subprocess.run(["git", "check-ignore", "-q", rel], cwd=ROOT, check=False)
        assert ignored.returncode == 1, rel
    tracked = subprocess.run(
        ["git", "ls-files", "content/bulletins/*.pdf"], cwd=ROOT, check=True, capture_output=True, text=True
    )
    assert len(tracked.stdout.split()) >= 24


@pytest.mark.parametrize("value", [0, -1, "10MB", True])
def test_wrong_size_limit_is_named(value):
    with pytest.raises(ConfigurationError) as caught:
        read_settings({"PATH": "content", "BULLETIN_PDF_SIZE_LIMIT_MB": value})
    assert str(caught.value) == f"BULLETIN_PDF_SIZE_LIMIT_MB: expected a positive number of MB, received {value!r}"


def test_size_limit_default_is_ten_megabytes():
    assert read_settings({"PATH": "content"}).pdf_size_limit_bytes == 10 * 1024 * 1024


def test_make_build_and_test_never_regenerate_pdfs():
    rules = {}
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        if ":" in line and not line.startswith(("\t", "#", ".")) and "=" not in line.split(":", 1)[0]:
            target, _, prerequisites = line.partition(":")
            rules[target.strip()] = prerequisites.split()
    assert "sample-pdfs" not in rules["build"] and "sample-pdfs" not in rules["test"]


def test_control_and_direction_characters_of_a_pdf_text_layer_never_reach_the_issue_page(
    tmp_path, archive_files, cache_dir, monkeypatch
):
    """pdfium writes U+0002 for a hyphen it generated at a line end, and a PDF can carry U+202E or a
    vertical tab in its text: the page shows the text without them (they are forbidden in HTML, and an
    override would turn the words around)."""
    import bulletin_archive.generator as generator
    from bulletin_archive.pdf import PdfPage, TextBlock

    real = generator.inspect_bounded

    def with_controls(path, settings, limits):
        info = real(path, settings, limits)
        blocks = (TextBlock("見出し\u202e逆"), TextBlock("ハイ\x02フン\x0bと\u2066本文\u2069"))
        return replace(info, pages=(PdfPage(1, blocks), *info.pages[1:]))

    monkeypatch.setattr(generator, "inspect_bounded", with_controls)
    output = build_site(tmp_path, files=archive_files("2026-03"), BULLETIN_CACHE_PATH=str(cache_dir))
    html = (output / "bulletins" / "2026-03" / "index.html").read_text(encoding="utf-8")
    assert "ハイフンと本文" in html and "見出し逆" in html
    assert not [c for c in html if c in "\x02\x0b\u202e\u2066\u2069"]
