"""`invoke new`, `invoke check` and the generated field reference, as staff use them."""

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, article, load_document, types, write_files

from tools.field_docs import field_reference
from tools.newpage import NewPageError, new_page
from ward_content.errors import ContentErrors
from ward_content.frontmatter import split
from ward_content.placeholders import MARK

TODAY = date(2026, 11, 28)


def _values(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _values(item)
    elif isinstance(value, list):
        for item in value:
            yield from _values(item)
    else:
        yield value


@pytest.mark.parametrize("kind", [k.name for k in types().kinds])
def test_new_page_copies_no_facts_and_every_placeholder_is_reported_at_its_line(tmp_path, kind):
    path = new_page(tmp_path, kind, "金沢まつり花火大会", TODAY)
    rel = path.relative_to(tmp_path).as_posix()
    text = path.read_text(encoding="utf-8")
    front = split(text, rel)
    kind_ = types().by_name(kind)
    known = {kind_.title_field, "date", "announced", "issue_date", "number", "pdf"}
    for name, value in front.data.items():
        if name not in known:
            assert all(MARK in str(v) for v in _values(value)), f"{name}: {value!r} is pre-filled"
    for line in text.splitlines():
        if line.startswith("# ") and ": " in line and "↓" not in line and line != "# status: draft":
            assert MARK in line or line.rstrip().endswith(":"), f"commented example copies a value: {line}"
    # Every commented field works once its "# " is removed: all of them at once must parse.
    uncommented = "\n".join(
        line[2:] if line.startswith("# ") and not line.startswith("# （") and "↓" not in line else line
        for line in text.splitlines()
    )
    split(uncommented, rel)
    with pytest.raises(ContentErrors) as caught:
        load_document(tmp_path, rel)
    marked = [n for n, line in enumerate(text.splitlines(), 1) if MARK in line and not line.startswith("#")]
    assert {e.code for e in caught.value.errors} == {"placeholder left"}
    assert sorted(e.line for e in caught.value.errors) == marked
    assert all("【要入力】" in e.message for e in caught.value.errors)


def test_new_event_carries_no_sample_date(tmp_path):
    text = new_page(tmp_path, "event", "秋の史跡めぐり", TODAY).read_text(encoding="utf-8")
    # The only date is the day it is announced (written): today, never another event's.
    assert re.findall(r"\d{4}-\d{1,2}-\d{1,2}", text) == ["2026-11-28"]
    assert "announced: 2026-11-28" in text
    assert "start: 【要入力】" in text


def test_new_bulletin_follows_the_newest_issue(tmp_path):
    write_files(tmp_path, {"bulletins/2026-11.pdf": b"%PDF-1.4\n"})
    write_files(
        tmp_path,
        {
            "bulletins/2026-11.md": "---\nissue_date: 2026-11-01\nnumber: 349\npdf: 2026-11.pdf\n"
            "headline: 特集\ncontents:\n- title: 特集\n  page: 1\n---\n"
        },
    )
    path = new_page(tmp_path, "bulletin", "冬の特集", TODAY)
    assert path == tmp_path / "bulletins" / "2026-12.md"
    front = split(path.read_text(encoding="utf-8"), "x")
    assert (front.data["issue_date"], front.data["number"], front.data["pdf"]) == ("2026-12-01", 350, "2026-12.pdf")
    later = new_page(tmp_path, "bulletin", "新年の特集", TODAY, slug="2027-01")
    front = split(later.read_text(encoding="utf-8"), "x")
    assert (front.data["issue_date"], front.data["number"], front.data["pdf"]) == ("2027-01-01", 351, "2027-01.pdf")
    with pytest.raises(NewPageError, match="発行月"):
        new_page(tmp_path, "bulletin", "題名", TODAY, slug="january")


def test_new_bulletin_without_issues_proposes_next_month_and_asks_for_the_number(tmp_path):
    path = new_page(tmp_path, "bulletin", "特集", TODAY)
    front = split(path.read_text(encoding="utf-8"), "x")
    assert (front.data["issue_date"], front.data["pdf"]) == ("2026-12-01", "2026-12.pdf")
    assert MARK in front.data["number"]


def test_new_article_has_today_romaji_slug_and_refuses_to_overwrite(tmp_path):
    path = new_page(tmp_path, "news", "金沢まつり花火大会", TODAY, folder="health")
    assert path == tmp_path / "health" / "kanazawa-matsuri-hanabitaikai.md"
    assert "date: 2026-11-28" in path.read_text(encoding="utf-8")
    with pytest.raises(NewPageError, match="上書きはしません"):
        new_page(tmp_path, "news", "金沢まつり花火大会", TODAY, folder="health")


def test_new_page_rejects_unknown_kind_and_wrong_folder(tmp_path):
    with pytest.raises(NewPageError, match="種類「nuws」はありません"):
        new_page(tmp_path, "nuws", "題名", TODAY)
    with pytest.raises(NewPageError, match="次のフォルダに置きます"):
        new_page(tmp_path, "news", "題名", TODAY, folder="pages")


def test_field_reference_is_generated_from_the_schemas():
    committed = (ROOT / "docs" / "fields.md").read_text(encoding="utf-8")
    assert committed == field_reference(), "docs/fields.md is stale: run `invoke docs`"


def _invoke(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args], cwd=cwd, capture_output=True, encoding="utf-8", timeout=120
    )


def test_invoke_check_prints_every_problem_and_fails(tmp_path):
    write_files(
        tmp_path / "content",
        {
            "news/ok.md": article(),
            "news/hanabi.md": article(date="2026/13/01"),
            "news/b.md": article(titel="x"),
        },
    )
    result = _invoke("check", "--content", str(tmp_path / "content"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert (
        "content/news/hanabi.md:3: date: 「2026/13/01」は日付として読めません。2026-08-29 のように書いてください (invalid date)"
        in lines
    )
    assert "content/news/b.md:4: titel: 「titel」という項目はありません。「title」ですか？ (unknown field)" in lines


def test_invoke_check_github_annotations(tmp_path):
    write_files(tmp_path / "content", {"news/hanabi.md": article(date="2026/13/01")})
    result = _invoke("check", "--content", str(tmp_path / "content"), "--format", "github")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].startswith("::error file=content/news/hanabi.md,line=3::date: 「2026/13/01」")


def test_invoke_check_passes_clean_content(tmp_path):
    write_files(tmp_path / "content", {"news/ok.md": article()})
    result = _invoke("check", "--content", str(tmp_path / "content"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "問題はありません" in result.stdout


def test_every_task_with_positional_arguments_handles_its_own_help():
    """Invoke gives `--help` to a missing positional argument: such a task would run with "--help" as a value."""
    import importlib.util

    from invoke import Task

    from tools.invoke_help import HelpfulTask

    spec = importlib.util.spec_from_file_location("project_tasks", ROOT / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    tasks = [value for value in vars(module).values() if isinstance(value, Task)]
    assert tasks
    for task in tasks:
        if task.positional:
            assert isinstance(task, HelpfulTask), f"{task.name}: positional arguments need klass=HelpfulTask"


def test_every_task_help_works():
    # Safe to run only once every task with positional arguments handles --help (the test above).
    test_every_task_with_positional_arguments_handles_its_own_help()
    listed = json.loads(_invoke("--list", "--list-format", "json").stdout)
    names = [task["name"] for task in listed["tasks"]]
    assert "new" in names and "check" in names
    for name in names:
        result = _invoke(name, "--help")
        assert result.returncode == 0, f"invoke {name} --help: {result.stderr}"
        assert "Usage" in result.stdout


def test_invoke_new_help_after_a_kind_works_too():
    result = _invoke("new", "news", "--help")
    assert result.returncode == 0 and "--folder" in result.stdout
