"""`invoke gh-pages`: the checked build of HEAD reaches a real (local, bare) remote's gh-pages branch, or nothing does."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import BUILD_DATE, ROOT, article, write_files
from publishing_site import write_tiny_content

CNAME = "www.example.invalid"
INVOKE = str(Path(ROOT / ".venv" / "bin" / "invoke"))
# What a copy of the project needs to build; content/ is the tiny site instead of the real one.
PROJECT_FILES = ("pelicanconf.py", "publishconf.py", "tasks.py", "pyproject.toml", ".gitignore")
PROJECT_FOLDERS = ("admin", "plugins", "theme", "tools")
ENV = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
    "WARD_BUILD_DATE": BUILD_DATE,
    "WARD_SITEURL": "https://example.invalid/kanazawa",
    # Every run publishes with the same custom domain, so a run that starts from the module's shared first
    # push (which writes CNAME) compares like with like.
    "WARD_CNAME": CNAME,
    "PYTHONDONTWRITEBYTECODE": "1",
}


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **ENV}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout.strip()


def run_task(repo: Path, *args: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [INVOKE, *args],
        cwd=repo,
        env={**os.environ, **ENV, **env},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def commit_all(repo: Path, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def branch_files(repo: Path, ref: str) -> dict[str, bytes]:
    """Every file of a commit's tree, with its bytes."""
    names = git(repo, "ls-tree", "-r", "--name-only", ref).splitlines()
    return {
        name: subprocess.run(["git", "show", f"{ref}:{name}"], cwd=repo, check=True, capture_output=True).stdout
        for name in names
    }


def make_project(tmp_path: Path) -> tuple[Path, Path]:
    """A throwaway git copy of the project with the tiny site, and a bare repository as its `origin`."""
    repo = tmp_path / "work"
    repo.mkdir()
    for name in PROJECT_FILES:
        shutil.copy2(ROOT / name, repo / name)
    for name in PROJECT_FOLDERS:
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    write_tiny_content(repo / "content")
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(remote)], check=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "remote", "add", "origin", str(remote))
    commit_all(repo, "Tiny ward site")
    git(repo, "push", "-q", "origin", "main")
    return repo, remote


@pytest.fixture
def project(tmp_path):
    """A fresh project that has never published."""
    return make_project(tmp_path)


@pytest.fixture(scope="module")
def first_push(tmp_path_factory):
    """One project published with `invoke gh-pages --push` once per module: (folder, source commit, the run)."""
    root = tmp_path_factory.mktemp("gh-pages")
    repo, _remote = make_project(root)
    source = git(repo, "rev-parse", "HEAD")
    return root, source, run_task(repo, "gh-pages", "--push", WARD_CNAME=CNAME)


@pytest.fixture
def pushed(first_push, tmp_path):
    """This test's own copy of the project and its remote right after the first push."""
    root, _source, done = first_push
    assert done.returncode == 0, done.stderr
    repo, remote = tmp_path / "work", tmp_path / "remote.git"
    shutil.copytree(root / "work", repo, symlinks=True)
    shutil.copytree(root / "remote.git", remote, symlinks=True)
    # The copy must push to its own remote, not to the shared one.
    git(repo, "remote", "set-url", "origin", str(remote))
    return repo, remote


def test_push_publishes_exactly_the_built_site(first_push):
    root, source, done = first_push
    repo, remote = root / "work", root / "remote.git"
    assert done.returncode == 0, done.stderr
    published = branch_files(remote, "gh-pages")
    built = {
        p.relative_to(repo / "output").as_posix(): p.read_bytes() for p in (repo / "output").rglob("*") if p.is_file()
    }
    assert published == {**built, ".nojekyll": b"", "CNAME": CNAME.encode()}
    assert "news/with-photo/index.html" in published
    assert b'href="https://example.invalid/kanazawa/news/' in published["index.html"]
    message = git(remote, "log", "-1", "--format=%B", "gh-pages")
    assert message.startswith(f"Publish site from {source}")
    assert "Tiny ward site" in message
    # Only the gh-pages branch was written; main is what was pushed before.
    assert git(remote, "rev-parse", "main") == source


def test_second_publish_without_change_makes_no_commit(pushed):
    repo, remote = pushed
    first = git(remote, "rev-parse", "gh-pages")
    # A new source commit that does not change the built site (a README edit) publishes nothing new either.
    (repo / "NOTES.txt").write_text("メモ\n", encoding="utf-8")
    commit_all(repo, "Notes only")
    again = run_task(repo, "gh-pages", "--push")
    assert again.returncode == 0, again.stderr
    assert "変更なし（コミットなし）" in again.stdout
    assert git(remote, "rev-parse", "gh-pages") == first
    assert git(repo, "rev-parse", "gh-pages") == first


def test_changed_content_adds_one_commit(pushed):
    repo, remote = pushed
    first = git(remote, "rev-parse", "gh-pages")
    write_files(repo / "content", {"news/new-item.md": article("新しいお知らせ", "2026-11-27")})
    source = commit_all(repo, "New item")
    assert run_task(repo, "gh-pages", "--push").returncode == 0
    assert git(remote, "rev-parse", "gh-pages^") == first
    assert "news/new-item/index.html" in branch_files(remote, "gh-pages")
    assert git(remote, "log", "-1", "--format=%s", "gh-pages") == f"Publish site from {source}"


def test_failing_check_leaves_the_branch_as_it_was(pushed):
    repo, remote = pushed
    first = git(remote, "rev-parse", "gh-pages")
    write_files(repo / "content", {"news/broken-anchor.md": article("壊れたリンク", body="[会場の案内](#nai)")})
    commit_all(repo, "Broken anchor")
    failed = run_task(repo, "gh-pages", "--push")
    assert failed.returncode == 1
    assert "(missing anchor)" in failed.stderr
    assert "output/ は前のままです" in failed.stderr
    assert git(remote, "rev-parse", "gh-pages") == first
    assert git(repo, "rev-parse", "gh-pages") == first
    assert not (repo / "output" / "news" / "broken-anchor").exists()


def test_uncommitted_changes_are_refused(project):
    repo, remote = project
    write_files(repo / "content", {"news/not-committed.md": article("未登録の記事")})
    refused = run_task(repo, "gh-pages", "--push")
    assert refused.returncode == 1
    assert "コミットしていない変更があるため公開しません" in refused.stderr
    assert "?? content/news/not-committed.md" in refused.stderr
    assert not (repo / "output").exists()
    assert subprocess.run(["git", "rev-parse", "--verify", "-q", "gh-pages"], cwd=remote, check=False).returncode != 0


def test_without_push_only_the_local_branch_moves(project):
    repo, remote = project
    done = run_task(repo, "gh-pages")
    assert done.returncode == 0, done.stderr
    assert "送るには --push を付けてください。" in done.stdout
    assert git(repo, "rev-parse", "--verify", "gh-pages")
    assert subprocess.run(["git", "rev-parse", "--verify", "-q", "gh-pages"], cwd=remote, check=False).returncode != 0


def test_publish_task_reports_content_errors_as_annotations(project):
    repo, _ = project
    write_files(repo / "content", {"news/bad.md": article(date="2026/13/01")})
    failed = run_task(repo, "publish", "--format", "github")
    assert failed.returncode == 1
    assert "::error file=content/news/bad.md,line=3::date: 「2026/13/01」は日付として読めません" in failed.stdout
    assert "公開用の点検（content）で 1 件の問題があります。output/ は前のままです。" in failed.stderr


def test_publish_from_a_second_clone_of_an_unchanged_site_makes_no_commit(project, tmp_path):
    repo, remote = project
    # Items tying on their date are where file-reading order used to leak into the bytes.
    same_day = {f"news/same-day-{n}.md": article(f"同じ日のお知らせ{n}", "2026-09-01") for n in ("a", "b", "c", "d")}
    write_files(repo / "content", same_day)
    commit_all(repo, "Same-day items")
    git(repo, "push", "-q", "origin", "main")
    assert run_task(repo, "gh-pages", "--push").returncode == 0
    first = git(remote, "rev-parse", "gh-pages")
    clone = tmp_path / "second-clone"
    subprocess.run(["git", "clone", "-q", "-b", "main", str(remote), str(clone)], check=True)
    again = run_task(clone, "gh-pages", "--push", PYTHONHASHSEED="12345")
    assert again.returncode == 0, again.stderr
    assert "変更なし（コミットなし）" in again.stdout
    assert git(remote, "rev-parse", "gh-pages") == first
