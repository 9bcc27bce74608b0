"""Front matter: what staff's editors produce is accepted; mistakes are located."""

import pytest

from ward_content.errors import ContentErrors
from ward_content.frontmatter import decode, split


def test_bom_and_crlf_are_accepted():
    raw = "\ufeff---\r\ntitle: 題名\r\ndate: 2026-11-01\r\n---\r\n本文\r\n".encode()
    front = split(decode(raw, "content/news/x.md"), "content/news/x.md")
    assert front.data == {"title": "題名", "date": "2026-11-01"}
    assert front.body.strip() == "本文"
    assert front.line_of("date") == 3


def test_dates_stay_text_for_our_parser():
    front = split("---\ndate: 2026-08-29\n---\n", "x.md")
    assert front.data["date"] == "2026-08-29"


def test_nested_lines_are_recorded():
    front = split("---\nvenue:\n  name: 海の公園\n  address: 金沢区海の公園\ntags:\n  - a\n  - b\n---\n", "x.md")
    assert front.line_of("venue.address") == 4
    assert front.line_of("tags.1") == 7
    assert front.line_of("venue.latitude") == 2


@pytest.mark.parametrize(
    ("text", "line", "code"),
    [
        ("---\ntitle: a\n\tdate: b\n---\n", 3, "tab in indentation"),
        ("---\ntitle: [a\n---\n", 2, "YAML syntax error"),
        ("title: a\n", 1, "missing front matter"),
    ],
)
def test_yaml_problems_are_located(text, line, code):
    with pytest.raises(ContentErrors) as caught:
        split(text, "content/news/x.md")
    (error,) = caught.value.errors
    assert error.line == line and error.code.startswith(code)


def test_euc_jp_is_named():
    with pytest.raises(ContentErrors) as caught:
        decode("---\ntitle: 金沢区のお知らせ\n".encode("euc_jp"), "x.md")
    assert "EUC-JP" in caught.value.errors[0].message or "Shift_JIS" in caught.value.errors[0].message
