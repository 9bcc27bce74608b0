"""Front-matter lines YAML would misread are reported at their own line, in staff words (全角, タブ, quotes)."""

from __future__ import annotations

import pytest

from ward_content.errors import ContentErrors
from ward_content.frontmatter import split

pytestmark = pytest.mark.unit


def _only_error(text: str):
    with pytest.raises(ContentErrors) as caught:
        split(text, "content/news/x.md")
    (error,) = caught.value.errors
    return error


@pytest.mark.parametrize(
    ("line", "code", "words"),
    [
        ("title：花火", "full-width colon after a field name", "全角の「：」"),
        ("title:　花火", "full-width space after a colon", "全角スペース"),
        ("title:花火", "no space after a colon", "半角スペースがありません"),
        ("title: 花火\t大会", "tab in front matter", "タブ"),
        ("\ttitle: 花火", "tab in indentation", "タブ"),
        ("　title: 花火", "full-width space in indentation", "全角スペース"),
        ("title: *注意 花火", "value starts with a YAML indicator", 'title: "*注意 花火"'),
        ("title: &注意 花火", "value starts with a YAML indicator", "値に名前を付ける印"),
        ("title: !重要 花火", "value starts with a YAML indicator", "値の種類を指定する印"),
        ("title: %OFF 花火", "value starts with a YAML indicator", "YAML の指示"),
        ("title: @金沢区 花火", "value starts with a YAML indicator", "予約された文字"),
        ("title: `花火`", "value starts with a YAML indicator", "予約された文字"),
        ("title: 花火: 中止", "colon inside a value", 'title: "花火: 中止"'),
        ("title: 花火 #2", "comment inside a value", "値は「花火」だけになります"),
        ("title: [未定]花火", "YAML syntax error: value starts with a bracket", 'title: "[未定]花火"'),
    ],
)
def test_misread_line_is_named_with_its_own_words(line, code, words):
    error = _only_error(f"---\ndate: 2026-11-01\n{line}\n---\n本文\n")
    assert (error.line, error.code) == (3, code), error.format()
    assert words in error.message
    assert "None" not in error.message


@pytest.mark.parametrize(
    "text",
    [
        'title: "花火: 中止 #2"',
        "title: '[未定]花火'",
        "tags: [花火, 夏]",
        "summary: |\n  1行目: ここは自由 #です\n  　全角の字下げも本文のうち",
        "sources:\n- https://example.jp/a#b",
        "title: 金沢区：お知らせ",
        "start: 2026-08-22 19:00",
    ],
)
def test_valid_yaml_is_left_alone(text):
    front = split(f"---\n{text}\n---\n本文\n", "content/news/x.md")
    assert front.data


def test_lines_passed_over_as_plain_get_the_same_verdict_as_the_full_checks(monkeypatch):
    """The quick pass over ordinary `key: value` lines never hides a problem the full checks find:
    every combination of indent, key, separator and value below gets the same verdict both ways."""
    import itertools

    from ward_content import yaml_lint

    values = [
        "", " ", "花火", "花火大会 2026", "2026-11-01", "https://example.jp/a#b", "x #", "花火 #2", "#2", "a: b",
        "a:", "a：b", "花火\t大会", "\t花火", "\u3000花火", "花火\u3000", "[未定]花火", "[a, b]", "{a: 1}",
        "'花火'", '"花火: 中止"', "|", ">", "|-", "*注意", "&a", "!重要", "%OFF", "@区", "`x`", "- a", "花火\r",
        "a - b", "?", "a,b", "~", "null", "1e3",
    ]  # fmt: skip
    lines = [
        "".join(parts)
        for parts in itertools.product(
            ["", "  ", "\t", "\u3000", "- "],
            ["title", "a_1", "花火", ""],
            [": ", ":  ", ":", "：", ":\u3000", " : ", ":\t"],
            values,
        )
    ]
    # Alone, and as the first line of a block (the lines after a `|` or `>` are free text).
    texts = [[line] for line in lines] + [[line, "  a: b #c", "  \u3000x", "title: 花火 #2"] for line in lines]
    quick = [yaml_lint.line_problems(text, 2, "content/news/x.md") for text in texts]
    monkeypatch.setattr(yaml_lint, "_plain", lambda line: False)
    full = [yaml_lint.line_problems(text, 2, "content/news/x.md") for text in texts]
    assert [text for text, a, b in zip(texts, quick, full, strict=True) if a != b] == []
    # ... and the quick pass does take the ordinary lines.
    monkeypatch.undo()
    assert yaml_lint._plain("title: 金沢まつり花火大会") and yaml_lint._plain("  date: 2026-11-01")
