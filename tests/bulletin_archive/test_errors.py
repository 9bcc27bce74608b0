"""Every mistake in an issue is one located message naming the file; the build fails once with all of them."""

# ruff: noqa: F401, F811 (pytest fixtures are imported from bulletin_fixtures and used as arguments)

import pytest
from bulletin_fixtures import archive_files, cache_dir, issue_text, number_of, pdf_bytes
from conftest import build_site, check_tree, soup

from ward_content.errors import ConfigurationError, WardBuildError


def _errors(tmp_path, files, cache_dir, **overrides) -> list[str]:
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path, files=files, BULLETIN_CACHE_PATH=str(cache_dir), **overrides)
    return [error.format() for error in caught.value.errors]


def test_missing_pdf(tmp_path, archive_files, cache_dir):
    files = archive_files("2026-02", "2026-03")
    del files["bulletins/2026-03.pdf"]
    assert _errors(tmp_path, files, cache_dir) == [
        "content/bulletins/2026-03.md:4: pdf: PDF「2026-03.pdf」が見つかりません。content/bulletins/ に置くか、"
        "ファイル名を直してください (pdf file missing)"
    ]


def test_file_that_is_not_a_pdf(tmp_path, archive_files, cache_dir):
    files = archive_files("2026-03")
    files["bulletins/2026-03.pdf"] = b"\x89PNG\r\n\x1a\n not a pdf"
    assert _errors(tmp_path, files, cache_dir) == [
        "content/bulletins/2026-03.md:4: pdf: 「2026-03.pdf」は PDF ではありません。PDF で保存したファイルを置いてください (not a pdf)"
    ]


def test_damaged_pdf(tmp_path, archive_files, cache_dir):
    files = archive_files("2026-03")
    files["bulletins/2026-03.pdf"] = b"%PDF-1.7\n1 0 obj broken\n"
    assert _errors(tmp_path, files, cache_dir) == [
        "content/bulletins/2026-03.md:4: pdf: PDF「2026-03.pdf」を開けません（壊れているか、パスワードが掛かっています）。"
        "PDF を作り直して置いてください (pdf unreadable)"
    ]


def test_two_issues_for_the_same_month(tmp_path, archive_files, cache_dir, pdf_bytes):
    files = archive_files("2026-03")
    files["bulletins/2026-03-b.md"] = issue_text("2026-03", 999, pdf="2026-03.pdf")
    errors = [e for e in _errors(tmp_path, files, cache_dir) if "same month" in e]
    both = "content/bulletins/2026-03-b.md、content/bulletins/2026-03.md"
    assert errors == [
        f"content/bulletins/2026-03-b.md:2: issue_date: 2026年3月号が複数あります（{both}）。1か月に1つにしてください"
        " (two issues for the same month)",
        f"content/bulletins/2026-03.md:2: issue_date: 2026年3月号が複数あります（{both}）。1か月に1つにしてください"
        " (two issues for the same month)",
    ]


def test_file_not_named_by_its_month(tmp_path, archive_files, cache_dir, pdf_bytes):
    files = archive_files("2026-03")
    files["bulletins/march.md"] = files.pop("bulletins/2026-03.md")
    assert _errors(tmp_path, files, cache_dir) == [
        "content/bulletins/march.md:1: ファイル名は発行月にします。2026-03.md に名前を変えてください（今は march.md）"
        " (file name is not the issue month)"
    ]


def test_two_issues_with_the_same_number(tmp_path, archive_files, cache_dir, pdf_bytes):
    files = archive_files("2026-03", "2026-04")
    files["bulletins/2026-04.md"] = issue_text("2026-04", number_of("2026-03"))
    # The PDF states No.342 too: that mismatch is its own message (test_pdf_content.py).
    errors = [e for e in _errors(tmp_path, files, cache_dir) if "same number" in e]
    assert errors[0].startswith("content/bulletins/2026-03.md:3: number: 号数 No.341 が複数の号にあります")
    assert errors[1].startswith("content/bulletins/2026-04.md:3: number: 号数 No.341 が複数の号にあります")


def test_number_out_of_sequence(tmp_path, archive_files, cache_dir, pdf_bytes):
    files = archive_files("2026-03", "2026-04")
    files["bulletins/2026-04.md"] = issue_text("2026-04", number_of("2026-04") + 10)
    assert [e for e in _errors(tmp_path, files, cache_dir) if "out of sequence" in e] == [
        "content/bulletins/2026-04.md:3: number: 号数 No.352 は、前の号（2026年3月号 No.341）の次の No.342 になっていません。"
        "号数を確かめてください (issue number out of sequence)"
    ]


def test_issue_date_not_the_first(tmp_path, archive_files, cache_dir):
    files = archive_files("2026-03")
    files["bulletins/2026-03.md"] = issue_text("2026-03", number_of("2026-03"), day=15)
    assert _errors(tmp_path, files, cache_dir) == [
        "content/bulletins/2026-03.md:2: issue_date: 発行日は毎月1日です。2026年3月号なら 2026-03-01 と書いてください"
        "（書かれていたのは 2026-03-15） (issue date not the 1st)"
    ]


def test_pdf_outside_the_folder_is_refused(tmp_path, archive_files, cache_dir):
    files = archive_files("2026-03")
    files["bulletins/2026-03.md"] = issue_text("2026-03", number_of("2026-03"), pdf="../files/2026-03.pdf")
    errors = _errors(tmp_path, files, cache_dir)
    assert errors == [
        "content/bulletins/2026-03.md:4: pdf: 「../files/2026-03.pdf」: この Markdown ファイルと同じフォルダにある PDF の"
        "ファイル名を書いてください（例: 2026-08.pdf） (invalid pdf path)"
    ]


def test_gap_in_the_sequence_names_the_month_and_fails(tmp_path, archive_files, cache_dir):
    files = archive_files("2026-07", "2026-09")
    assert _errors(tmp_path, files, cache_dir) == [
        "content/bulletins/2026-09.md:2: issue_date: 2026年8月号がありません（content/bulletins/2026-07.md の次が "
        "content/bulletins/2026-09.md です）。2026-08.md を作るか、発行しなかった月なら pelicanconf.py の "
        'BULLETIN_NOT_PUBLISHED に "2026-08" を加えてください (gap in the monthly sequence)'
    ]


def test_month_listed_as_not_published_is_not_a_gap(tmp_path, archive_files, cache_dir):
    output = build_site(
        tmp_path,
        files=archive_files("2026-07", "2026-09"),
        BULLETIN_CACHE_PATH=str(cache_dir),
        BULLETIN_NOT_PUBLISHED=["2026-08"],
    )
    page = soup(output, "bulletins/2026-09/index.html")
    assert page.select_one(".ward-bulletin__prev a").get_text() == "前の号：令和8年7月号"


def test_every_problem_is_reported_in_one_build(tmp_path, archive_files, cache_dir):
    files = archive_files("2026-01", "2026-02", "2026-05")
    del files["bulletins/2026-01.pdf"]
    files["bulletins/2026-02.pdf"] = b"plain text"
    codes = [line.rsplit("(", 1)[1] for line in _errors(tmp_path, files, cache_dir)]
    assert codes == [
        "pdf file missing)",
        "not a pdf)",
        "gap in the monthly sequence)",
        "gap in the monthly sequence)",
    ]


def test_draft_may_wait_for_its_pdf(tmp_path, archive_files, cache_dir):
    files = archive_files("2026-03")
    files["bulletins/2026-04.md"] = issue_text("2026-04", number_of("2026-04"), status="draft")
    output = build_site(tmp_path, files=files, BULLETIN_CACHE_PATH=str(cache_dir))
    assert not (output / "bulletins/2026-04").exists()
    assert soup(output, "bulletins/2026-03/index.html").select_one(".ward-bulletin__next") is None


def test_invoke_check_sees_the_pdf_problems_without_a_build(tmp_path, archive_files):
    content = tmp_path / "content"
    (content / "bulletins").mkdir(parents=True)
    (content / "bulletins" / "2026-03.md").write_text(issue_text("2026-03", 341), encoding="utf-8")
    result = check_tree(content)
    assert [e.code for e in result.errors] == ["pdf file missing"]


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        ("BULLETIN_NOT_PUBLISHED", ["2026/08"], "BULLETIN_NOT_PUBLISHED: expected 'YYYY-MM' strings"),
        ("BULLETIN_COVER_FORMAT", "png", "BULLETIN_COVER_FORMAT: expected one of: webp, jpeg, but received 'png'"),
        ("BULLETIN_COVER_SIZE", (240,), "BULLETIN_COVER_SIZE: expected (width, height)"),
    ],
)
def test_wrong_settings_stop_the_build(tmp_path, setting, value, message):
    with pytest.raises(ConfigurationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        build_site(tmp_path, files={}, **{setting: value})
