"""Characters that turn the direction of text ("Trojan Source") are refused where staff wrote them.

A title holding U+202E shows its words backwards from where the override starts: a link or a notice
could read as something other than what it says. Japanese text never needs them.
"""

from __future__ import annotations

import pytest
from conftest import article, build_site, check_tree, write_files

from ward_content.errors import WardBuildError


def _problems(content):
    return [(e.path, e.line, e.field, e.code, e.message) for e in check_tree(content).errors]


@pytest.mark.parametrize("character", ["\u202e", "\u202a", "\u2066", "\u2069"])
def test_a_direction_override_in_a_title_is_a_located_error(tmp_path, character):
    content = write_files(tmp_path / "content", {"news/a.md": article(title=f"お知らせ{character}txt.exe")})
    [(path, line, field, code, message)] = _problems(content)
    assert (path, line, field, code) == ("content/news/a.md", 2, "title", "control character")
    assert f"文字の向きを変える見えない制御文字（U+{ord(character):04X}）" in message


def test_a_direction_override_written_as_a_yaml_escape_or_in_the_body_is_refused(tmp_path):
    files = {
        "news/escaped.md": article(title='"お知らせ\\u202Etxt"'),
        "news/body.md": article(body="申込は\u2067こちら\u2069から。"),
    }
    content = write_files(tmp_path / "content", files)
    found = sorted((path, line, field, code) for path, line, field, code, _ in _problems(content))
    assert found == [
        ("content/news/body.md", 5, "本文", "control character"),
        ("content/news/escaped.md", 2, "title", "control character"),
    ]
    with pytest.raises(WardBuildError):
        build_site(tmp_path, files={})  # the same folder: the build refuses it too


def test_the_right_to_left_mark_alone_is_still_accepted(tmp_path):
    # U+200F only nudges neutral characters; it cannot reorder words, and pasted text may hold it.
    output = build_site(tmp_path, files={"news/a.md": article(body="住所は\u200f金沢区です。")})
    assert "住所は\u200f金沢区です。" in (output / "news" / "a" / "index.html").read_text(encoding="utf-8")
