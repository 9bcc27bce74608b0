"""Hostile or mistaken content found by the round-3 attack corpus: each is refused on its line, never a traceback."""

from __future__ import annotations

import pytest
from conftest import article, check_tree, write_files
from corpus_files import pdf
from evacuation_fixtures import LOC, SHELTER, files, shelters

EVENT = """---
title: 教室
section: health
start: {start}
announced: 2026-10-01
venue:
  name: 会場
  address: 横浜市金沢区
{extra}---
本文です。
"""
OUT_OF_RANGE = "扱える日付（1868-01-25 から 2199-12-31 まで）の外です"


@pytest.mark.parametrize(
    ("rel", "text", "line", "field"),
    [
        (
            "events/a.md",
            EVENT.format(start="2026-12-05 10:00", extra="recurrence:\n  frequency: weekly\n  until: 9999-12-31\n"),
            11,
            "recurrence.until",
        ),
        ("events/a.md", EVENT.format(start="9999-12-31 23:59", extra=""), 4, "start"),
        ("events/a.md", EVENT.format(start="0001-01-01", extra=""), 4, "start"),
        ("news/a.md", article(date="0001-01-01"), 3, "date"),
        ("news/a.md", article(modified="2200-01-01"), 4, "modified"),
    ],
    ids=["until-9999", "start-9999", "start-0001", "news-0001", "modified-2200"],
)
def test_a_date_no_calendar_can_show_is_a_located_error(tmp_path, rel, text, line, field):
    write_files(tmp_path / "content", {rel: text})
    (error,) = check_tree(tmp_path / "content").errors
    assert (error.path, error.line, error.field, error.code) == (f"content/{rel}", line, field, "invalid date")
    assert OUT_OF_RANGE in error.message


def test_a_page_saved_with_an_upper_case_suffix_is_refused_not_silently_left_out(tmp_path):
    from conftest import build_site

    from ward_content.errors import WardBuildError

    files = {"news/a.md": article(), "news/KIJI.MD": article(slug="kiji")}
    write_files(tmp_path / "content", files)
    (error,) = check_tree(tmp_path / "content").errors
    assert (error.path, error.line, error.code) == ("content/news/KIJI.MD", 1, "upper-case file extension")
    (tmp_path / "b").mkdir()
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path / "b", files, PLUGINS=["ward_content"])
    assert [e.code for e in caught.value.errors] == ["upper-case file extension"]


@pytest.mark.parametrize(
    ("cells", "column", "code"),
    [
        ({"NO": "²"}, "NO", "invalid id"),
        ({"NO": "9" * 5000}, "NO", "invalid id"),
        ({"NO": "3", "想定収容人数": "²"}, "想定収容人数", "invalid capacity"),
        ({"NO": "3", "備考": "あ" * 200_000}, "", "csv cell too long"),
    ],
    ids=["superscript-no", "5000-digit-no", "superscript-capacity", "200k-cell"],
)
def test_an_evacuation_cell_int_or_csv_cannot_read_is_a_located_error(tmp_path, cells, column, code):
    row = {**LOC, "名称": "テスト公園", "災害種別_地震": "1", **cells}
    write_files(tmp_path / "content", {"news/a.md": article(), **files(shelters(row))})
    (error,) = check_tree(tmp_path / "content").errors
    assert (error.path, error.line, error.field, error.code) == (f"content/{SHELTER}", 4, column, code)


@pytest.mark.parametrize(
    ("extra", "line", "field", "code", "message"),
    [
        (
            "end: 2062-12-05\n",
            9,
            "end",
            "event too long",
            "始まり（2026-12-05）から終わり（2062-12-05）まで 13150 日あります。イベントは 366 日までです。",
        ),
        (
            "recurrence:\n  frequency: weekly\n  until: 2062-12-05\n",
            11,
            "recurrence.until",
            "too many occurrences",
            "繰り返しが 1879 回になります（400 回まで）。until の年を確かめてください",
        ),
    ],
    ids=["36-year-event", "1879-meetings"],
)
def test_an_event_too_long_for_its_calendar_is_refused_not_truncated(tmp_path, extra, line, field, code, message):
    write_files(tmp_path / "content", {"events/a.md": EVENT.format(start="2026-12-05", extra=extra)})
    (error,) = check_tree(tmp_path / "content").errors
    assert (error.path, error.line, error.field, error.code) == ("content/events/a.md", line, field, code)
    assert message in error.message


def test_an_integer_python_refuses_to_read_is_a_located_yaml_error(tmp_path):
    write_files(tmp_path / "content", {"news/a.md": article(title="9" * 5000)})
    (error,) = check_tree(tmp_path / "content").errors
    assert (error.path, error.line, error.code) == ("content/news/a.md", 2, "YAML syntax error: number too long")
    assert '数字が長すぎます（30桁まで）。文字として書くときは値全体を " で囲んでください' in error.message


def test_a_line_break_in_an_event_title_is_escaped_in_its_calendar_not_a_crash(tmp_path):
    from conftest import build_site
    from icalendar import Calendar

    text = EVENT.format(start="2026-12-05 10:00", extra="").replace("title: 教室", 'title: "教室\\nBEGIN:VEVENT"')
    output = build_site(tmp_path, {"events/a.md": text}, PLUGINS=["ward_content", "events"])
    data = (output / "events" / "a" / "event.ics").read_bytes()
    calendar = Calendar.from_ical(data)
    assert len(calendar.walk("VEVENT")) == 1
    assert b"X-WR-CALNAME:\xe6\x95\x99\xe5\xae\xa4\\nBEGIN:VEVENT\r\n" in data


def _active_pdf(kind: str) -> bytes:
    import io

    from pypdf import PdfWriter
    from pypdf.actions import JavaScript
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    if kind == "script":
        writer.add_open_action(JavaScript("app.alert('pdf');"))
    elif kind == "launch":
        launch = DictionaryObject(
            {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("cmd.exe")}
        )
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(launch)
    else:
        writer.add_attachment("tool.exe", b"MZ\x90\x00")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("kind", "code"),
    [("script", "pdf with script"), ("launch", "pdf with script"), ("attachment", "pdf with attachment")],
)
def test_a_pdf_that_runs_a_program_or_carries_a_file_is_refused_not_published(tmp_path, kind, code):
    from conftest import build_site

    from ward_content.errors import WardBuildError

    files = {"news/a.md": article(body="[申請書]({static}/files/form.pdf)"), "files/form.pdf": _active_pdf(kind)}
    write_files(tmp_path / "content", files)
    (error,) = check_tree(tmp_path / "content").errors
    assert (error.path, error.line, error.code) == ("content/files/form.pdf", 1, code)
    assert "公開できません" in error.message
    (tmp_path / "b").mkdir()
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path / "b", files, PLUGINS=["ward_content", "pdf_privacy"])
    assert [e.code for e in caught.value.errors] == [code]
    assert not (tmp_path / "b" / "output").exists()


@pytest.mark.parametrize("rel", ["images/p.jpg", "news/p.jpg"])
def test_a_photo_linked_outside_the_static_folders_is_published_without_its_gps(tmp_path, rel):
    from conftest import build_site
    from corpus_files import photo_with_gps

    from tools.output_hygiene import image_metadata

    # A link (not an image): Pelican copies the original, wherever it lies under content/.
    files = {"news/a.md": article(body=f"[大きな写真]({{static}}/{rel})"), rel: photo_with_gps()}
    output = build_site(tmp_path, files, PLUGINS=["ward_content", "image_privacy", "responsive_images"])
    assert (output / rel).is_file()
    assert image_metadata(output / rel) == []


def _gif_of_one_pixel_frames(width: int, height: int, frames: int) -> bytes:
    """A GIF whose canvas is width x height and whose frames each paint one pixel: tiny, costly to decode."""
    import struct

    data = bytearray(b"GIF89a" + struct.pack("<HH", width, height) + bytes([0x80, 0, 0, 0, 0, 0, 255, 255, 255]))
    for frame in range(frames):
        data += b"\x21\xf9\x04\x04\x01\x00\x00\x00"  # graphic control: keep the canvas, 10 ms
        data += b"\x2c" + struct.pack("<HHHH", frame % width, 0, 1, 1) + b"\x00\x02\x02\x44\x01\x00"
    return bytes(data + b"\x3b")


def test_an_animation_whose_frames_add_up_past_the_pixel_bound_is_refused_before_decoding(tmp_path):
    bomb = _gif_of_one_pixel_frames(4000, 4000, 10)  # 160,000,000 pixels to decode, in under 300 bytes
    assert len(bomb) < 300
    write_files(tmp_path / "content", {"files/anim.gif": bomb, "files/ok.gif": _gif_of_one_pixel_frames(100, 100, 10)})
    (error,) = check_tree(tmp_path / "content").errors
    assert error.format() == (
        "content/files/anim.gif:1: 動く画像が大きすぎます（4000×4000 画素が 10 コマ、合わせて 100,000,000 画素まで）。"
        "コマ数を減らすか縮小して保存し直してください (animation too large)"
    )


@pytest.mark.parametrize(
    ("body", "line", "target"),
    [
        ("![地図](https://maps.example.com/a.png)", 5, "https://maps.example.com/a.png"),
        ("![地図][m]\n\n[m]: //maps.example.com/a.png", 7, "//maps.example.com/a.png"),
        ('<img alt="地図"\nsrc="https://maps.example.com/a.png">', 6, "https://maps.example.com/a.png"),
        (
            '<picture><source srcset="https://maps.example.com/a.webp 1x"><img src="x.jpg" alt="x"></picture>',
            5,
            "https://maps.example.com/a.webp",
        ),
    ],
    ids=["markdown", "reference", "html-two-lines", "picture-source"],
)
def test_an_image_from_another_host_is_refused_where_it_is_written(tmp_path, body, line, target):
    """No third-party request on page load: the resident's address would go to the other host."""
    write_files(tmp_path / "content", {"news/a.md": article(body=body)})
    errors = [e for e in check_tree(tmp_path / "content").errors if e.code == "image from another site"]
    assert [(e.path, e.line, e.field) for e in errors] == [("content/news/a.md", line, "本文")]
    assert f"ほかのサイトの画像「{target}」は載せられません" in errors[0].message


def test_a_front_matter_photo_from_another_host_is_refused_on_its_line(tmp_path):
    write_files(
        tmp_path / "content", {"news/a.md": article(image="{src: 'https://maps.example.com/a.jpg', alt: 地図}")}
    )
    (error,) = check_tree(tmp_path / "content").errors
    assert (error.line, error.field, error.code) == (4, "image.src", "image from another site")


def test_the_allow_list_drops_an_image_address_on_another_host():
    from bs4 import BeautifulSoup

    from ward_content.sanitize import sanitize

    page = BeautifulSoup(sanitize('<img src="https://maps.example.com/a.png" alt="地図">'), "html.parser")
    assert page.select_one("img").get("src") is None


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("<a " * 20_000, "too many unclosed tags"),
        ("<![CDATA[ " * 20_000, "too many unclosed tags"),
        ("x<a\n\n" * 20_000, "too many unclosed tags"),
        ("![" * 100_000, "too much markup in a paragraph"),
    ],
    ids=["unclosed-tags", "cdata", "unclosed-tags-in-paragraphs", "image-brackets"],
)
def test_markup_whose_parsing_time_grows_with_its_square_is_refused_before_any_parsing(tmp_path, body, code):
    """Each input fits the 500 KB bound; parsed, the first took minutes and the CDATA one hours."""
    import time

    write_files(tmp_path / "content", {"news/a.md": article(body=body)})
    started = time.process_time()
    (error,) = check_tree(tmp_path / "content").errors
    assert (error.path, error.line, error.field, error.code) == ("content/news/a.md", 5, "本文", code)
    assert time.process_time() - started < 20  # a bound on a hang, not a benchmark


def test_blank_lines_are_read_in_linear_time(tmp_path):
    import time

    write_files(tmp_path / "content", {"news/a.md": article(body="前の段落\n" + "\n" * 200_000 + "後の段落")})
    started = time.process_time()
    assert check_tree(tmp_path / "content").errors == ()
    assert time.process_time() - started < 20  # took about 4 minutes before: a regex spanning blank lines


@pytest.mark.parametrize(
    ("rel", "text", "field"),
    [
        ("news/a.md", article(body="[申込](" + "x" * 5000 + ".html)"), "本文"),
        ("news/a.md", article(body="![地図](" + "x" * 300 + ".png)"), "本文"),
        ("news/a.md", article(image="{src: " + "x" * 300 + ".jpg, alt: 写真}"), "image.src"),
        # Written from the project folder: the "did you mean" search looks for content/… as it is.
        ("news/a.md", article(body="![地図](content/" + "x" * 300 + ".png)"), "本文"),
        ("news/a.md", article(image="{src: content/" + "x" * 300 + ".jpg, alt: 写真}"), "image.src"),
        ("bulletins/2026-03.md", None, "pdf"),
    ],
    ids=["link", "image", "front-matter-image", "image-from-project", "front-matter-from-project", "bulletin-pdf"],
)
def test_a_file_name_longer_than_the_file_system_allows_is_reported_as_missing(tmp_path, rel, text, field):
    from bulletin_fixtures import issue_text

    if text is None:
        text = issue_text("2026-03", 341, pdf="x" * 300 + ".pdf")
    write_files(tmp_path / "content", {rel: text})
    (error,) = check_tree(tmp_path / "content").errors
    assert (error.path, error.field) == (f"content/{rel}", field)
    assert error.code in ("link to missing file", "image file missing", "pdf file missing")


@pytest.mark.parametrize(
    ("body", "files"),
    [
        ("[別の記事]({filename}b.md)", {"news/b.md": article(title="別の記事")}),
        ("[申請書]({static}form.pdf)", {"news/form.pdf": pdf()}),
        (
            "[このサイトについて]({filename}../pages/about.md)",
            {"pages/about.md": "---\ntitle: このサイト\n---\n本文\n"},
        ),
    ],
    ids=["filename", "static", "parent-folder"],
)
def test_a_link_relative_to_its_page_as_pelican_reads_it_is_not_called_missing(tmp_path, body, files):
    """The check resolved relative links from "content/news/", a folder that does not exist under content/."""
    write_files(tmp_path / "content", {"news/a.md": article(body=body), **files})
    assert check_tree(tmp_path / "content").errors == ()


def test_a_bare_relative_link_to_a_content_file_says_which_prefix_to_write(tmp_path):
    write_files(tmp_path / "content", {"news/a.md": article(body="[別の記事](b.md)"), "news/b.md": article()})
    (error,) = check_tree(tmp_path / "content").errors
    assert error.format() == (
        "content/news/a.md:5: 本文: リンク「b.md」は {filename}b.md と書いてください"
        "（{filename} を付けると、公開するページの場所に置き換わります） (link without {filename} or {static})"
    )


@pytest.mark.parametrize("data", [b"%PDF-1.7\n1 0 obj broken\n", b"<html><script>alert(1)</script></html>"])
def test_invoke_check_reports_a_pdf_the_build_could_not_clean(tmp_path, data):
    """pdf_privacy fails the build on a PDF it cannot read; `invoke check` passed it before."""
    write_files(
        tmp_path / "content", {"news/a.md": article(body="[申請書]({static}/files/form.pdf)"), "files/form.pdf": data}
    )
    (error,) = check_tree(tmp_path / "content").errors
    assert (error.path, error.line) == ("content/files/form.pdf", 1)
    assert error.code in ("pdf unreadable", "not a pdf")
