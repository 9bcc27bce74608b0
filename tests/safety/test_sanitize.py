"""The allow-list: what staff write stays, script in any disguise goes and is reported on its line."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import check_tree

from ward_content.csv_cells import neutralise
from ward_content.html_checks import check_html
from ward_content.markdown_render import make_converter, render
from ward_content.sanitize import Removal, removals, sanitize

# What staff legitimately write: it must come through untouched and without any message.
LEGITIMATE = """\
## 見出し

### 小見出し {: #access }

本文と**強調**、*斜体*、`コード`、<small>注</small>、<abbr title="特定非営利活動法人">NPO</abbr>。<br>
<ruby>金沢<rp>（</rp><rt>かなざわ</rt><rp>）</rp></ruby>

- 箇条書き
    1. 番号付き

| 曜日 | 時間 |
|:--|--:|
| 月 | 9時 |

> 引用です。

<details><summary>くわしく</summary>
中身
</details>

<figure><img src="{static}/images/a.jpg" alt="写真"><figcaption>説明</figcaption></figure>

[区役所](https://www.city.yokohama.lg.jp/kanazawa/) [電話](tel:045-788-7721) [メール](mailto:a@example.jp)
[お知らせ]({filename}/news/a.md#見出し) [ページ内](#access)

用語
: 説明

脚注です[^1]。

[^1]: 脚注の本文。

```html
<script>alert("コードとして見せるだけ")</script>
```

---
"""


def test_what_staff_write_passes_untouched():
    html = make_converter().convert(LEGITIMATE)
    assert removals(html) == []
    assert check_html(LEGITIMATE, 5, "content/news/a.md") == []
    page = BeautifulSoup(sanitize(html), "html.parser")
    for selector in ("h2", "h3#access", "ruby rt", "table th[style]", "details summary", "figure figcaption", "dl dd"):
        assert page.select_one(selector), selector
    assert page.select_one('a[href="tel:045-788-7721"]')
    assert page.select_one('a[href="{filename}/news/a.md#見出し"]')
    assert page.select_one("a.footnote-ref")
    assert "alert" in page.select_one("pre code").get_text()


# (Markdown body, English code, line offset of the culprit within the body)
ATTACKS = [
    ("<img src=x\nonerror=alert(1)>", "inline event handler in content", 1),
    ("前の行\n\n[開く](jav&#x61;script:alert(1))", "javascript: URL in content", 2),
    ("[開く][1]\n\n[1]: javascript:alert(1)", "javascript: URL in content", 2),
    ("## 見出し {: onmouseover=alert(1) }", "inline event handler in content", 0),
    ('<object data="data:text/html,<script>alert(1)</script>"></object>', "raw <object> in content", 0),
    ('本文\n\n<embed src="data:image/svg+xml;base64,PHN2Zz4=">', "raw <embed> in content", 2),
    ('<svg onload="alert(1)"><circle r="1"/></svg>', "HTML element not allowed", 0),
    ("<script>alert(1)</script>", "raw <script> in content", 0),
    ("<SCRIPT\n>alert(1)</SCRIPT>", "raw <script> in content", 0),
    ('<a href="&#x6a;avascript&#0000058;alert(1)">x</a>', "javascript: URL in content", 0),
    ('<a href="java&#9;script:alert(1)">x</a>', "javascript: URL in content", 0),
    ("![写真](data:image/png;base64,iVBORw0KGgo=)", "URL scheme not allowed", 0),
    ('<form action="https://example.com/"><input name="q"></form>', "HTML element not allowed", 0),
    ('<p style="background:url(javascript:alert(1))">x</p>', "style not allowed", 0),
    ("<style>body{display:none}</style>", "HTML element not allowed", 0),
    ('<iframe src="https://example.com/"></iframe>', "raw <iframe> in content", 0),
    ('<a href="#" class="ward-header">x</a>', "class not allowed", 0),
    ('<div id="main">x</div>', "id not allowed", 0),
    ('<img src="a.jpg" alt="a" srcset="javascript:alert(1) 1x">', "javascript: URL in content", 0),
    ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "HTML element not allowed", 0),
]


@pytest.mark.parametrize(("body", "code", "offset"), ATTACKS, ids=[a[1] + ":" + a[0][:30] for a in ATTACKS])
def test_each_attack_is_removed_and_reported_on_its_line(body, code, offset):
    errors = check_html(body, 5, "content/news/x.md")
    assert code in {e.code for e in errors}, [e.format() for e in errors]
    error = next(e for e in errors if e.code == code)
    assert (error.path, error.line, error.field) == ("content/news/x.md", 5 + offset, "本文")
    page = BeautifulSoup(render(make_converter(), body), "html.parser")
    assert not page.find(["script", "iframe", "object", "embed", "svg", "math", "form", "style"])
    for element in page.find_all(True):
        for name, value in element.attrs.items():
            assert not name.startswith("on")
            text = " ".join(value) if isinstance(value, list) else value
            assert "javascript" not in text.replace("\t", "").lower()
            assert not text.startswith("data:")


def test_messages_are_japanese_and_say_what_to_do():
    errors = check_html('<font color="red">赤</font>\n\n<a href="ftp://example.com/">x</a>', 5, "content/news/x.md")
    messages = {e.code: e.message for e in errors}
    assert "<font> はページに載せられない HTML のため" in messages["HTML element not allowed"]
    assert "「ftp:」で始まるリンクや画像は使えません" in messages["URL scheme not allowed"]


def test_class_message_names_only_the_refused_class():
    (error,) = check_html('<a href="#" class="footnote-ref big">x</a>', 5, "content/news/x.md")
    assert "class「big」は使えません" in error.message


def test_check_tree_reports_what_the_build_would_remove(tmp_path):
    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    (content / "news" / "x.md").write_text(
        "---\ntitle: 題\ndate: 2026-11-01\n---\n本文\n\n<img src=x\nonerror=alert(1) alt=a>\n", encoding="utf-8"
    )
    (error,) = check_tree(content).errors
    assert error.format() == (
        "content/news/x.md:8: 本文: HTML の on〜= 属性（イベント処理）は使えません。消してください"
        " (inline event handler in content)"
    )


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+81-45-788-7721", "'+81-45-788-7721"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("-35.5", "-35.5"),
        ("139.63", "139.63"),
        ("金沢まつり", "金沢まつり"),
        ("", ""),
    ],
)
def test_csv_cells_a_spreadsheet_would_evaluate_are_neutralised(cell, expected):
    assert neutralise(cell) == expected


@pytest.mark.parametrize(
    ("body", "risky"),
    [
        ("本文です。\n\n## 内容\n\n- 日時: 8月1日", False),
        ("[開く](javascript:alert(1))", True),
        ("[開く](JaVaScRiPt:alert(1))", True),
        ("本文です。\n\n## 内容\n\n- 日時　8月1日\n\n![花火](hanabi.jpg)", False),
        ("## Main\n\n本文", True),
        ("Ward news\n=========\n\n本文", True),
        ("```\n<b>\n```", True),
    ],
)
def test_plain_bodies_skip_the_comparison_only_when_nothing_can_be_removed(body, risky):
    from ward_content.html_checks import could_lose_anything

    assert could_lose_anything(body) is risky
    if not risky:
        assert removals(make_converter().convert(body)) == []


@pytest.mark.parametrize(("body", "code", "offset"), ATTACKS, ids=[a[1] + ":" + a[0][:30] for a in ATTACKS])
def test_the_build_reports_each_attack_as_the_check_does(tmp_path, body, code, offset):
    # The build's own path (the content set's loading), not only `check_html`.
    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    (content / "news" / "x.md").write_text(f"---\ntitle: 題\ndate: 2026-11-01\n---\n{body}\n", encoding="utf-8")
    errors = check_tree(content).errors
    assert code in {e.code for e in errors}, [e.format() for e in errors]


def test_html_the_sanitiser_gives_back_unchanged_is_not_compared_element_by_element(monkeypatch):
    import ward_content.sanitize as module

    real = module._elements
    parsed = []
    monkeypatch.setattr(module, "_elements", lambda html: parsed.append(html) or real(html))
    body = "## 日時\n\n- 8月1日\n\n[区役所](https://www.city.yokohama.lg.jp/kanazawa/)の**お知らせ**です。\n"
    html = make_converter().convert(body)
    assert sanitize(html) == html  # what Markdown wrote, html5ever wrote back as it was
    assert removals(html) == []
    assert parsed == []
    # Anything else is compared, and what goes is found.
    assert removals(html.replace("<p>", '<p onclick="x">', 1)) == [Removal("p", "onclick", "x")]
    assert parsed


def test_headings_get_ids_and_a_toc_marker_gets_the_table_of_contents():
    without = BeautifulSoup(render(make_converter(), "## 見出し\n\n本文\n\n## 見出し\n"), "html.parser")
    assert [h["id"] for h in without.find_all("h2")] == ["見出し", "見出し_1"]
    assert without.find("div") is None
    page = BeautifulSoup(render(make_converter(), "[TOC]\n\n## 日時\n\n### 会場 {: #access }\n"), "html.parser")
    toc = page.select_one("div.toc")
    assert [(a["href"], a.text) for a in toc.find_all("a")] == [("#日時", "日時"), ("#access", "会場")]
    assert page.find("h3")["id"] == "access"
