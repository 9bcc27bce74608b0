"""One broken file per message: the checker names file, line, field and says what to write, in Japanese."""

import shutil
from pathlib import Path

import pytest
from conftest import check_tree

CORPUS = Path(__file__).parent / "corpus"

# (file, line, field, English code, a part of the Japanese message)
EXPECTED = [
    ("misc/outside.md", 1, "", "file outside the content folders", "このフォルダにはページを置けません"),
    (
        "news/bad-contact.md",
        4,
        "contact.department",
        "missing required field",
        "必須の項目です。contact.department: を書いてください",
    ),
    (
        "news/bad-date.md",
        3,
        "date",
        "invalid date",
        "「2026/13/01」は日付として読めません。2026-08-29 のように書いてください",
    ),
    ("news/bad-slug.md", 4, "slug", "invalid slug", "「Hanabi_2026」は URL に使えません"),
    (
        "news/bad-status.md",
        4,
        "status",
        "value not allowed",
        "「公開」は使えません。次のどれかを書いてください: published, draft",
    ),
    ("news/blank-title.md", 2, "title", "blank", "空欄にはできません"),
    (
        "news/clash-a.md",
        4,
        "slug",
        "two files produce the same URL",
        "URL /news/same-url/ が複数のファイルで同じです（content/news/clash-a.md、content/news/clash-b.md）",
    ),
    ("news/clash-b.md", 4, "slug", "two files produce the same URL", "どちらかのファイル名か slug を変えてください"),
    ("news/dead-link.md", 5, "本文", "link to missing file", "リンク先のファイル「/news/nai.md」が見つかりません"),
    ("news/duplicate-field.md", 4, "title", "duplicate field", "項目「title」が2行目にもあります"),
    (
        "news/filename-static.md",
        5,
        "本文",
        "use {static} for files",
        "{filename} ではなく {static}/files/boshu.pdf と書いてください",
    ),
    ("news/h1-body.md", 5, "本文", "h1 in body", "本文の見出しは ## から始めてください"),
    ("news/iframe.md", 5, "本文", "raw <iframe> in content", "<iframe> は使えません"),
    ("news/js-url.md", 5, "本文", "javascript: URL in content", "javascript: のリンクは使えません"),
    ("news/missing-title.md", 3, "title", "missing required field", "必須の項目です。title: を書いてください"),
    ("news/no-alt.md", 5, "本文", "image without alt text", "画像「../images/photo.jpg」に代替テキストがありません"),
    ("news/no-alt.md", 5, "本文", "image file missing", "画像「../images/photo.jpg」が見つかりません"),
    (
        "news/no-front-matter.md",
        1,
        "",
        "missing front matter",
        "先頭に front matter（--- で囲んだ項目の欄）がありません",
    ),
    ("news/not-closed.md", 1, "", "front matter not closed", "front matter が --- で閉じられていません"),
    ("news/not-mapping.md", 2, "", "front matter is not a mapping", "「項目名: 値」の並びで書いてください"),
    ("news/onclick.md", 5, "本文", "inline event handler in content", "on〜= 属性（イベント処理）は使えません"),
    ("news/script.md", 7, "本文", "raw <script> in content", "<script> は使えません"),
    (
        "news/shift-jis.md",
        2,
        "",
        "file is not UTF-8",
        "ファイルが UTF-8 ではありません。Shift_JIS で保存されているようです",
    ),
    ("news/unknown-field.md", 3, "titel", "unknown field", "「titel」という項目はありません。「title」ですか？"),
    ("news/vague-link.md", 5, "本文", "vague link text", "リンクの文字「こちら」では行き先がわかりません"),
    ("news/wrong-type.md", 4, "tags", "wrong type: expected list", "一覧で書いてください"),
    ("news/yaml-syntax.md", 2, "title", "colon inside a value", '値全体を " で囲むか、全角の「：」にしてください'),
    ("news/fullwidth-colon.md", 2, "title", "full-width colon after a field name", "コロンが全角の「：」です"),
    (
        "news/fullwidth-space.md",
        5,
        "department",
        "full-width space in indentation",
        "行の始まりに全角スペースがあります",
    ),
    ("news/tab-indent.md", 5, "department", "tab in indentation", "行の始まりにタブがあります"),
    ("news/empty-date.md", 3, "date", "invalid date", "日付が空欄です"),
    ("news/bracket-title.md", 2, "title", "YAML syntax error: value starts with a bracket", 'title: "[未定]花火大会"'),
    ("news/star-title.md", 2, "title", "value starts with a YAML indicator", "値が「*」で始まっています"),
    ("news/hash-title.md", 2, "title", "comment inside a value", "値は「花火大会」だけになります"),
    ("news/placeholder.md", 4, "summary", "placeholder left", "「【要入力】」の所が残っています"),
    ("news/placeholder.md", 6, "本文", "placeholder left", "「【要入力】」の所が残っています"),
    (
        "news/花火大会.md",
        1,
        "slug",
        "file name is not a lowercase ASCII slug",
        "例えば kanazawa-matsuri-hanabitaikai.md に名前を変えるか",
    ),
    ("pages/bad-order.md", 3, "order", "wrong type: expected int", "「一番」: 半角数字（整数）で書いてください"),
]


@pytest.fixture(scope="module")
def corpus_errors(tmp_path_factory):
    content = tmp_path_factory.mktemp("corpus") / "content"
    shutil.copytree(CORPUS, content)
    return check_tree(content).errors


@pytest.mark.parametrize(
    ("rel", "line", "field", "code", "message"), EXPECTED, ids=[f"{e[0]}:{e[3]}" for e in EXPECTED]
)
def test_each_broken_file_gives_its_located_message(corpus_errors, rel, line, field, code, message):
    matching = [e for e in corpus_errors if e.path == f"content/{rel}" and e.code == code]
    assert matching, f"no '{code}' for {rel}; got: {[e.format() for e in corpus_errors if rel in e.path]}"
    error = next((e for e in matching if e.line == line), matching[0])
    assert (error.line, error.field) == (line, field)
    assert message in error.message


def test_corpus_gives_no_unexpected_messages(corpus_errors):
    expected = {(f"content/{rel}", code) for rel, _, _, code, _ in EXPECTED}
    assert {(e.path, e.code) for e in corpus_errors} == expected


def test_every_corpus_file_is_reported(corpus_errors):
    files = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*.md")}  # files/boshu.pdf is a link target
    assert {e.path.removeprefix("content/") for e in corpus_errors} == files


def test_staff_guide_explains_every_message():
    guide = (Path(__file__).parents[2] / "docs" / "staff-guide.md").read_text(encoding="utf-8")
    for _, _, _, code, _ in EXPECTED:
        head = code.split(":")[0] if code.startswith(("YAML", "wrong type")) else code
        assert f"`{head}" in guide, f"docs/staff-guide.md does not explain ({code})"
