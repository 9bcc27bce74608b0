"""Each mistake the issue found gets its located Japanese message, the same in `invoke check` and the build."""

from __future__ import annotations

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
}
# (file, line, field, English code, words the message must carry)
EXPECTED = [
    ("news/fullwidth-colon.md", 2, "title", "full-width colon after a field name", "全角の「：」"),
    ("news/fullwidth-space.md", 5, "", "full-width space in indentation", "全角スペース"),
    ("news/tab.md", 5, "", "tab in indentation", "タブ"),
    ("news/empty-date.md", 3, "date", "invalid date", "日付が空欄です"),
    ("news/bracket.md", 2, "title", "YAML syntax error: value starts with a bracket", 'title: "[未定]花火大会"'),
    (
        "news/dead-link.md",
        5,
        "本文",
        "link to unknown page",
        "リンク先「/reading/no-such-page/」はこのサイトにありません",
    ),
]


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    root = write_files(tmp_path_factory.mktemp("mistakes") / "content", MISTAKES)
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
