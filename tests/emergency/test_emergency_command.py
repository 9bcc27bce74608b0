"""`invoke emergency` writes a valid content/emergency.md, refuses a bad one, and `--off` deletes it."""

from datetime import datetime

import pytest
from conftest import build_site, soup
from emergency.command import notice_text, remove_notice, write_notice
from emergency.schema import KIND
from emergency_fixtures import BASE

from ward_content.dates import TOKYO
from ward_content.document import load_document
from ward_content.errors import ContentErrors
from ward_content.registry import ContentTypes

ISSUED = datetime(2026, 11, 28, 6, 10, tzinfo=TOKYO)


def test_written_notice_is_valid_and_turns_the_banner_on(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    text = notice_text("台風の接近に備え、風水害時の避難場所を開設しました。", "警戒", ISSUED, "2026-11-29 18:00")
    path = write_notice(content, text)
    meta = load_document(content, "emergency.md", ContentTypes((KIND,))).meta
    assert (meta.level, meta.title, meta.summary) == (
        "警戒",
        "金沢区からの警戒情報",
        "台風の接近に備え、風水害時の避難場所を開設しました。",
    )
    assert meta.issued == ISSUED and meta.expires == datetime(2026, 11, 29, 18, 0, tzinfo=TOKYO)
    output = build_site(tmp_path, files={**BASE, "emergency.md": path.read_text(encoding="utf-8")})
    assert soup(output, "news/index.html").select_one(".ward-emergency h2").get_text() == "【警戒】金沢区からの警戒情報"


def test_a_bad_notice_is_refused_and_nothing_is_written(tmp_path):
    with pytest.raises(ContentErrors) as caught:
        write_notice(tmp_path, notice_text("あ" * 101, "緊急", ISSUED))
    assert [e.field for e in caught.value.errors] == ["summary"]
    assert not (tmp_path / "emergency.md").exists()


def test_off_deletes_the_file(tmp_path):
    write_notice(tmp_path, notice_text("避難情報を解除しました。", "お知らせ", ISSUED, title="避難情報の解除"))
    assert remove_notice(tmp_path) is True
    assert not (tmp_path / "emergency.md").exists()
    assert remove_notice(tmp_path) is False
