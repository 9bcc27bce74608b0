"""The issue's Done-when: a new staff member follows docs/staff-guide.md on a scratch copy of the site.

Every ```sh command of the guide runs as written (in order, in a git clone of this repository, with a
phone photo carrying GPS and the printer's PDF in ~/Downloads), every ```markdown path=… example is
written where it says; the commit block runs once more at the end for the work of §9. A fresh clone
of what was pushed then publishes: the staff's PDF byte for byte, the photo without GPS. One clone,
one push, one production build (which is also the build: `invoke build` lines are not run separately).
Servers (livereload) are not started: their options are checked by test_guide.py. The clone is of this repository's HEAD: commit before running it.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from conftest import BUILD_DATE, ROOT
from guide import blocks, bulletin_pdf, gps_jpeg

pytestmark = [pytest.mark.publish, pytest.mark.slow]

# Servers would not return; `make` installs; `invoke build` is what `invoke publish` of the fresh clone
# does first (one build for the whole test). Their names and options are checked by test_guide.py.
NOT_RUN = (".venv/bin/invoke livereload", ".venv/bin/invoke serve", ".venv/bin/invoke build", "make ")
GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "広報 担当",
    "GIT_AUTHOR_EMAIL": "koho@example.jp",
    "GIT_COMMITTER_NAME": "広報 担当",
    "GIT_COMMITTER_EMAIL": "koho@example.jp",
}


def _run(command: str | list[str], cwd: Path, env: dict, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        cwd=cwd,
        env=env,
        shell=isinstance(command, str),
        executable="/bin/bash" if isinstance(command, str) else None,
        capture_output=True,
        encoding="utf-8",
        errors="replace",
        timeout=timeout,
    )


def _ok(result: subprocess.CompletedProcess, what: str) -> subprocess.CompletedProcess:
    assert result.returncode == 0, f"{what} failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
    return result


def _checkout(source: str, target: Path, env: dict) -> Path:
    """A clone that works like the staff PC's: the project's virtual environment, the sample PDFs (make build)."""
    _ok(_run(["git", "clone", "--quiet", source, str(target)], target.parent, env), "git clone")
    (target / ".venv").symlink_to((ROOT / ".venv").resolve())
    # `make build` would install and create any sample PDF that is not committed; never a staff file.
    _ok(_run([str(target / ".venv/bin/python"), "-m", "tools.sample_bulletins"], target, env), "sample PDFs")
    return target


@pytest.fixture(scope="module")
def walked(tmp_path_factory):
    """Follow the guide; push; publish a fresh clone of the push. Returns (the downloads, fresh clone, log)."""
    tmp = tmp_path_factory.mktemp("walkthrough")
    home = tmp / "home"
    downloads = home / "Downloads"
    downloads.mkdir(parents=True)
    # The staff PC's own git settings; CI's checkout may belong to another user than the container's.
    (home / ".gitconfig").write_text("[safe]\n\tdirectory = *\n[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    (downloads / "hanabi.jpg").write_bytes(gps_jpeg())
    (downloads / "2027-01.pdf").write_bytes(bulletin_pdf())
    env = {**os.environ, **GIT_IDENTITY, "HOME": str(home), "WARD_BUILD_DATE": BUILD_DATE}
    env.pop("PYTHONPATH", None)

    remote = tmp / "remote.git"
    _ok(_run(["git", "init", "--quiet", "--bare", "--initial-branch=main", str(remote)], tmp, env), "git init")
    site = _checkout(str(ROOT), tmp / "site", env)
    # The staff's repository: branch main, pushed to a remote of its own (GitHub in real life).
    _ok(_run(["git", "checkout", "--quiet", "-B", "main"], site, env), "git checkout")
    _ok(_run(["git", "remote", "set-url", "origin", str(remote)], site, env), "git remote")
    _ok(_run(["git", "push", "--quiet", "-u", "origin", "main"], site, env), "first push")

    log = []
    commit_block = None
    for block in blocks():
        if block.language == "markdown":
            target = site / block.attributes["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.text, encoding="utf-8")
            log.append(f"wrote {block.attributes['path']} (guide line {block.line})")
        elif block.language == "sh":
            if any("git push" in command for command in block.commands):
                commit_block = block
            _run_block(block, site, env, log)
    assert commit_block is not None, "the guide shows no `git push`"
    _run_block(commit_block, site, env, log)  # commit the work of §9 too

    fresh = _checkout(str(remote), tmp / "fresh", env)
    published = _run([".venv/bin/invoke", "publish"], fresh, env, timeout=1800)
    return downloads, fresh, published, log


def _run_block(block, site: Path, env: dict, log: list[str]) -> None:
    for command in block.commands:
        if command.startswith(NOT_RUN):
            continue
        result = _run(command, site, env)
        log.append(f"$ {command}\n{result.stdout}{result.stderr}")
        _ok(result, f"guide line {block.line}: {command}")


def _published(walked) -> Path:
    """The fresh clone's output/, once its publish succeeded."""
    _, fresh, published, log = walked
    assert published.returncode == 0, "\n".join(log[-2:]) + published.stdout + published.stderr
    assert "公開用に output/ を更新しました" in published.stdout
    return fresh / "output"


def test_the_guides_steps_run_and_reach_the_remote(walked):
    _, fresh, _, log = walked
    assert any(entry.startswith("$ git push") for entry in log)
    history = subprocess.run(
        ["git", "log", "--format=%s", "-3"], cwd=fresh, capture_output=True, encoding="utf-8", check=True
    ).stdout
    assert "1月の記事・イベント・史跡・広報を追加" in history
    for rel in (
        "content/news/hanabi-2027.md",
        "content/images/hanabi-2027.jpg",
        "content/events/hanabi-2027.md",
        "content/history/sites/marumaru-michishirube.md",
        "content/bulletins/2027-01.md",
    ):
        assert (fresh / rel).is_file(), f"{rel} did not reach the fresh clone"


def test_the_staff_pdf_is_published_byte_for_byte(walked):
    """The staff's own PDF, not a regenerated sample: byte for byte what pdf_privacy makes of it (the file
    without its producer and author entries; unchanged when it carries none)."""
    from pdf_privacy.core import strip_metadata

    output = _published(walked)
    original = (walked[0] / "2027-01.pdf").read_bytes()
    published = (output / "bulletins" / "2027-01.pdf").read_bytes()
    assert published == (strip_metadata(original) or original)
    assert b"ReportLab" in original and b"ReportLab" not in published
    page = (output / "bulletins" / "2027-01" / "index.html").read_text(encoding="utf-8")
    assert "新春の金沢八景をめぐる" in page


def test_the_phone_photo_is_published_without_gps(walked):
    from PIL import Image, features

    output = _published(walked)
    copies = [p for p in output.rglob("*") if p.is_file() and "hanabi-2027" in p.name]
    readable = (".jpg", ".jpeg", ".webp", ".png") + ((".avif",) if features.check("avif") else ())
    photos = [p for p in copies if p.suffix.lower() in readable]
    assert all(b"Exif\x00\x00" not in p.read_bytes() for p in copies if p.suffix.lower() == ".avif")
    assert photos, "the article's photo was not published"
    for path in photos:
        with Image.open(path) as image:
            exif = image.getexif()
            assert not exif.get_ifd(0x8825), f"{path.relative_to(output)} keeps GPS"
            assert 0x010F not in exif, f"{path.relative_to(output)} keeps the camera"
    article = (output / "news" / "hanabi-2027" / "index.html").read_text(encoding="utf-8")
    assert "hanabi-2027" in article
    if "responsive_images" in (walked[1] / "pelicanconf.py").read_text(encoding="utf-8"):
        # The photos helper's resizing is on main: nothing full size reaches a phone.
        for path in photos:
            with Image.open(path) as image:
                assert image.width <= 1600, path


def test_every_new_page_of_the_guide_is_published(walked):
    output = _published(walked)
    for rel in (
        "news/hanabi-2027/index.html",
        "events/hanabi-2027/index.html",
        "history/marumaru-michishirube/index.html",
        "bulletins/2027-01/index.html",
    ):
        assert (output / rel).is_file(), rel
