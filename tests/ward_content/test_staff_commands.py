"""`invoke new`, `invoke check` and the generated field reference, as staff use them."""

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import ROOT, article, load_document, types, write_files

from tools.field_docs import field_reference
from tools.newpage import NewPageError, new_page

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize("kind", [k.name for k in types().kinds])
def test_new_page_of_every_kind_is_valid_as_written(tmp_path, kind):
    path = new_page(tmp_path, kind, "金沢まつり花火大会", TODAY)
    doc = load_document(tmp_path, path.relative_to(tmp_path).as_posix())
    assert doc.title == "金沢まつり花火大会"
    text = path.read_text(encoding="utf-8")
    assert "# ↓ 必要なときだけ" in text or all(f.is_required() for f in doc.kind.schema.model_fields.values())


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
