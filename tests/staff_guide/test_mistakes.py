"""Each mistake the issue found gets its located Japanese message, the same in `invoke check` and the build."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import date

import pytest
from conftest import ROOT, article, build_site, write_files

from tools.newpage import new_page
from ward_content.errors import ContentErrors

pytestmark = pytest.mark.build

TODAY = date(2026, 11, 28)
MISTAKES = {
    "news/fullwidth-colon.md": "---\ntitle：花火大会のお知らせ\ndate: 2026-11-01\n---\n本文です。\n",
    "news/fullwidth-space.md": "---\ntitle: 花火大会\ndate: 2026-11-01\ncontact:\n　department: 総務課\n---\n本文です。\n",
    "news/tab.md": "---\ntitle: 花火大会\ndate: 2026-11-01\ncontact:\n\tdepartment: 総務課\n---\n本文です。\n",
    "news/empty-date.md": "---\ntitle: 花火大会\ndate:\n---\n本文です。\n",
    "news/bracket.md": "---\ntitle: [未定]花火大会\ndate: 2026-11-01\n---\n本文です。\n",
    "news/dead-link.md": article("読書のお知らせ", body="[読書の記事](/reading/no-such-page/)をご覧ください。"),
    # The mistakes a walk through the guide makes (wrong dates, a missing title, a Japanese file name, ...).
    "news/open-quote.md": '---\ntitle: "花火大会のお知らせ\ndate: 2026-11-01\n---\n本文です。\n',
    # Photos written as a staff member sees them: from the project folder, in other capitals, with a space.
    "news/content-prefix.md": (
        "---\ntitle: 花火\ndate: 2026-11-01\nimage:\n  src: content/images/hanabi.jpg\n  alt: 花火\n---\n本文。\n"
    ),
    "news/capitals.md": "---\ntitle: 花火\ndate: 2026-11-01\nimage:\n  src: images/Hanabi.JPG\n  alt: 花火\n---\n本文。\n",
    "news/spaced.md": article("花火", body="![海の公園の花火](images/花火 写真.jpg)"),
    "news/backslash.md": '---\ntitle: 花火\ndate: 2026-11-01\nimage:\n  src: "images\\hanabi.jpg"\n  alt: 花火\n---\n本文。\n',
    "news/event-in-news.md": (
        "---\ntitle: 秋の催し\nannounced: 2026-11-01\nsection: festival\nstart: 2027-01-10\n"
        "venue:\n  name: 区役所\n  address: 横浜市金沢区泥亀2-9-1\n---\n本文です。\n"
    ),
    "emergency.md": (
        "---\nlevel: 緊急\ntitle: 拠点を開設しました\nissued: 2026-11-28 06:10\nexpires: 2026-11-27 18:00\n"
        "summary: 地域防災拠点を開設しました。\n---\n本文です。\n"
    ),
    "history/sites/map-pair.md": (
        "---\nname: テスト寺\nreading: てすとでら\ndesignation: 未指定\ncategory:\n- 寺社\nera: 鎌倉時代\n"
        "address: 金沢区金沢町\nlatitude: 35.3378, 139.6243\ncoordinates_from: 公的資料\nsources:\n"
        "- kind: 公式・行政\n  title: 金沢区の資料\n  coordinates: true\nrelated:\n- 称名寺\n---\n本文です。\n"
    ),
    "news/upper.MD": "---\ntitle: 花火\ndate: 2026-11-01\n---\n本文です。\n",  # once silently not read
    "news/notepad.md.txt": "---\ntitle: 花火\ndate: 2026-11-01\n---\n本文です。\n",
    # YAML found these a line late, with "「:」が見つかりません" or "not closed" at line 1.
    "news/wide-dash.md": "---\ntitle: 花火\ndate: 2026-11-01\ntags:\n－ 花火\n---\n本文です。\n",
    "news/no-space-dash.md": "---\ntitle: 花火\ndate: 2026-11-01\ntags:\n-花火\n---\n本文です。\n",
    "news/two-lines.md": "---\ntitle: 花火大会の\nお知らせ\ndate: 2026-11-01\n---\n本文です。\n",
    "news/four-dashes.md": "---\ntitle: 花火\ndate: 2026-11-01\n----\n本文です。\n",
    "news/us-date.md": "---\ntitle: 花火大会\ndate: 12/1/2026\n---\n本文です。\n",
    "news/no-year.md": "---\ntitle: 花火大会\ndate: 12月1日\n---\n本文です。\n",
    "news/no-day.md": "---\ntitle: 花火大会\ndate: 令和8年11月\n---\n本文です。\n",
    "news/no-title.md": "---\ndate: 2026-11-01\n---\n本文です。\n",
    "news/花火大会.md": "---\ntitle: 花火大会のお知らせ\ndate: 2026-11-01\n---\n本文です。\n",
    "news/no-photo.md": "---\ntitle: 花火大会\ndate: 2026-11-01\nimage:\n  src: images/nothing.jpg\n  alt: 花火\n---\n本文です。\n",
    "news/typo.md": "---\ntitle: 花火大会\ndate: 2026-11-01\nsumary: 要約です。\n---\n本文です。\n",
    "news/boshu.md": article("募集のお知らせ", body="[募集案内（PDF：1KB）]({static}/files/boshu.pdf)"),
    "files/boshu.pdf": "募集案内（Word の文書の名前だけを .pdf にしたもの）",
    "files/cut.pdf": "%PDF-1.7\n1 0 obj\n<< /Type /Catalog",  # a copy cut short
    "events/no-campaign.md": (
        "---\ntitle: 秋の催し\nannounced: 2026-11-01\nsection: festival\nstart: 2027-01-10\n"
        "venue:\n  name: 区役所\n  address: 横浜市金沢区泥亀2-9-1\ncampaign: no-such-campaign\n---\n本文です。\n"
    ),
    "events/hour-25.md": (
        "---\ntitle: 夜の催し\nannounced: 2026-11-01\nsection: festival\nstart: 2027-01-10 25:00\n"
        "venue:\n  name: 区役所\n  address: 横浜市金沢区泥亀2-9-1\n---\n本文です。\n"
    ),
    "events/ji.md": (
        "---\ntitle: 朝の催し\nannounced: 2026-11-01\nsection: festival\nstart: 2027/1/10 10時\n"
        "venue:\n  name: 区役所\n  address: 横浜市金沢区泥亀2-9-1\n---\n本文です。\n"
    ),
    "events/campaign-title.md": (
        "---\ntitle: 読書の催し\nannounced: 2026-11-01\nsection: reading\nstart: 2027-01-10\n"
        "venue:\n  name: 区役所\n  address: 横浜市金沢区泥亀2-9-1\ncampaign: 読書キャンペーン\n---\n本文です。\n"
    ),
    "events/until-before.md": (
        "---\ntitle: 体操教室\nannounced: 2026-11-01\nsection: health\nstart: 2027-01-10 10:00\n"
        "venue:\n  name: 区役所\n  address: 横浜市金沢区泥亀2-9-1\n"
        "recurrence:\n  frequency: weekly\n  until: 2026-12-01\n---\n本文です。\n"
    ),
}
# (file, line, field, English code, words the message must carry)
EXPECTED = [
    ("news/fullwidth-colon.md", 2, "title", "full-width colon after a field name", "全角の「：」"),
    ("news/fullwidth-space.md", 5, "department", "full-width space in indentation", "全角スペース"),
    ("news/tab.md", 5, "department", "tab in indentation", "タブ"),
    ("news/empty-date.md", 3, "date", "invalid date", "日付が空欄です"),
    ("news/bracket.md", 2, "title", "YAML syntax error: value starts with a bracket", 'title: "[未定]花火大会"'),
    (
        "news/dead-link.md",
        5,
        "本文",
        "link to unknown page",
        "リンク先「/reading/no-such-page/」はこのサイトにありません",
    ),
    # Found open only at the end of the front matter: named at the line the quote opens on.
    ("news/open-quote.md", 2, "title", "YAML syntax error: unclosed quote", '値の終わりにも " を書いてください'),
    ("news/content-prefix.md", 5, "image.src", "image file missing", "のことなら、images/hanabi.jpg と書いてください"),
    ("news/capitals.md", 5, "image.src", "image file missing", "「images/hanabi.jpg」のことなら"),
    ("news/spaced.md", 5, "本文", "image file missing", "名前に空白があるため読めません"),
    ("news/backslash.md", 5, "", "YAML syntax error: backslash in quotes", "フォルダの区切りは「/」に"),
    # An event saved in content/news/: the folder is wrong, not the field ("start" is no typo of "status").
    ("news/event-in-news.md", 5, "start", "unknown field", "イベント・教室の項目です。そのページなら content/events/"),
    # It was line 8 with no field and the code "invalid value", which the guide did not list.
    ("emergency.md", 5, "expires", "expires before issued", "発表日時より後の日時にしてください"),
    # "緯度, 経度" pasted from a map app, and a related site written by its name (was "not usable in a URL").
    (
        "history/sites/map-pair.md",
        9,
        "latitude",
        "wrong type: expected float",
        "latitude: 35.3378 と longitude: 139.6243",
    ),
    (
        "history/sites/map-pair.md",
        16,
        "related.0",
        "related site not found",
        "「称名寺」は史跡のファイル名ではありません",
    ),
    ("news/upper.MD", 1, "", "upper-case file extension", "小文字の「.md」にしてください（upper.MD → upper.md）"),
    ("news/notepad.md.txt", 1, "", "file type not allowed", "名前を notepad.md に変えてください"),
    (
        "news/wide-dash.md",
        5,
        "",
        "YAML syntax error: full-width dash",
        "半角の「- 」（ハイフンと半角スペース）で始めて",
    ),
    ("news/no-space-dash.md", 5, "", "YAML syntax error: no space after a dash", "「- 花火」のように書いてください"),
    ("news/two-lines.md", 3, "", "YAML syntax error: line without a field name", "前の行につなげて1行に書いてください"),
    ("news/four-dashes.md", 4, "", "front matter not closed", "この行の「----」を半角のハイフン3つ --- にします"),
    ("news/us-date.md", 3, "date", "invalid date", "2026-08-29 のように書いてください"),
    ("news/no-year.md", 3, "date", "invalid date", "「12月1日」は日付として読めません（年がありません）"),
    ("news/no-day.md", 3, "date", "invalid date", "「令和8年11月」には日がありません"),
    ("news/no-title.md", 3, "title", "missing required field", "title: を書いてください"),
    ("news/花火大会.md", 1, "slug", "file name is not a lowercase ASCII slug", "半角の小文字英数字とハイフン"),
    ("news/no-photo.md", 5, "image.src", "image file missing", "content/images/nothing.jpg に置くか"),
    ("news/typo.md", 4, "sumary", "unknown field", "「summary」ですか？"),
    # A PDF in content/files/ that is not one, or that pypdf cannot open, once failed only the build
    # (pdf_privacy, after every page was written); `invoke check` said there was no problem.
    ("files/boshu.pdf", 1, "", "not a pdf", "PDF で保存し直して置いてください"),
    ("files/locked.pdf", 1, "", "pdf unreadable", "パスワードを掛けずに"),
    ("files/cut.pdf", 1, "", "pdf unreadable", "PDF を開けません（壊れているか、途中で切れています）"),
    ("events/no-campaign.md", 9, "campaign", "unknown campaign", "content/campaigns/ にあるファイル名"),
    # A wrong time is `invalid time` (as the guide's table says), not `invalid date`.
    ("events/hour-25.md", 5, "start", "invalid time", "「25:00」は時刻として読めません"),
    ("events/ji.md", 5, "start", "invalid date", "2026-08-29 19:00 のように"),
    # The campaign's title instead of its file name: not "cannot be used in a URL".
    (
        "events/campaign-title.md",
        9,
        "campaign",
        "unknown campaign",
        "「読書キャンペーン」はキャンペーンのファイル名ではありません",
    ),
    ("events/until-before.md", 11, "recurrence.until", "recurrence ends before start", "until を直してください"),
]


def photo() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 60, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def locked_pdf() -> bytes:
    """A one-page PDF with a password, as a staff member may save one from Word or Acrobat."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    photos = {"images/hanabi.jpg": photo(), "images/花火 写真.jpg": photo()}
    root = write_files(
        tmp_path_factory.mktemp("mistakes") / "content", {**MISTAKES, **photos, "files/locked.pdf": locked_pdf()}
    )
    # Templates left as `invoke new` wrote them: nothing another entry's, every value to supply reported.
    for kind, title, slug in (("history", "〇〇寺", "maru-dera"), ("event", "秋の催し", "aki")):
        new_page(root, kind, title, TODAY, slug=slug)
    return root


@pytest.fixture(scope="module")
def check_lines(content):
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "check", "--content", str(content)],
        cwd=ROOT,
        capture_output=True,
        encoding="utf-8",
        timeout=300,
    )
    assert result.returncode == 1
    return result.stdout.splitlines()


@pytest.fixture(scope="module")
def build_lines(content, tmp_path_factory):
    with pytest.raises(ContentErrors) as caught:
        build_site(tmp_path_factory.mktemp("mistakes-build"), content=content)
    return [error.format() for error in caught.value.errors]


@pytest.mark.parametrize(("rel", "line", "field", "code", "words"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_each_mistake_is_located_in_check_and_build(check_lines, build_lines, rel, line, field, code, words):
    head = f"content/{rel}:{line}:" + (f" {field}:" if field else "")
    for name, lines in (("invoke check", check_lines), ("build", build_lines)):
        matching = [text for text in lines if text.startswith(head) and text.endswith(f"({code})")]
        assert matching, f"{name}: no {head} … ({code}) in {lines}"
        assert words in matching[0]


def test_templates_left_in_place_are_reported_field_by_field(check_lines, build_lines):
    for lines in (check_lines, build_lines):
        left = [text for text in lines if text.endswith("(placeholder left)")]
        shown = {text.split(":")[0] for text in left}
        assert shown == {"content/history/sites/maru-dera.md", "content/events/aki.md"}
        assert any(text.startswith("content/events/aki.md:") and " start: " in text for text in left)
        assert any(text.startswith("content/history/sites/maru-dera.md:") and " reading: " in text for text in left)
        assert all("【要入力】" in text for text in left)


def test_no_message_says_none(check_lines, build_lines):
    assert not [text for text in check_lines + build_lines if "None" in text]


def test_check_and_build_report_the_same_problems(check_lines, build_lines):
    located = [text for text in check_lines if text.startswith("content/")]
    assert sorted(located) == sorted(build_lines)


def test_the_guide_explains_every_code_the_mistakes_get():
    """Staff look a message up by its English code in §10 of the guide (YAML problems share one row)."""
    from guide import GUIDE

    text = GUIDE.read_text(encoding="utf-8")
    codes = {code for _, _, _, code, _ in EXPECTED} | {"placeholder left"}
    # Rows such as `YAML syntax error: …` and `wrong type: expected …` stand for every code they start.
    prefixes = [row.removesuffix("…") for row in re.findall(r"`([^`]+…)`", text)]
    missing = [c for c in sorted(codes) if f"`{c}`" not in text and not c.startswith(tuple(prefixes))]
    assert missing == []
