"""output/ is a complete site at every instant: atomic switch, serialised builds, kills at random points."""

from __future__ import annotations

import os
import random
import signal
import time

from build_process import start_build
from conftest import BUILD_DATE, article, write_files

from tools.atomic_output import WAITING_MESSAGE, build_lock, release_folders
from tools.site_build import build

# The foundation alone keeps each build to a second or two.
FAST = {"PLUGINS": ["ward_content"], "SITE_SEARCH_INDEX": False, "WARD_BUILD_DATE": BUILD_DATE}


def _site(tmp_path, title: str, count: int = 12):
    content = tmp_path / "content"
    write_files(
        content, {f"news/a{i:02d}.md": article(f"{title}{i}", body=f"{title}の本文{i}。") for i in range(count)}
    )
    return content, {"PATH": str(content), **FAST}


def _snapshot(output):
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in output.rglob("*") if p.is_file()}


def test_output_is_a_link_switched_to_a_complete_release_and_unchanged_files_keep_their_times(tmp_path):
    _, overrides = _site(tmp_path, "最初")
    output = tmp_path / "output"
    build("pelicanconf.py", output, overrides)
    assert output.is_symlink() and (output / "index.html").is_file()
    times = {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()}
    write_files(tmp_path / "content", {"news/a00.md": article("変更", body="変えた本文。")})
    changed, removed = build("pelicanconf.py", output, overrides)
    assert changed >= 1 and removed == 0
    after = {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()}
    kept = [p for p in times if "a05" in str(p)]
    assert kept and all(after[p] == times[p] for p in kept)
    assert len(release_folders(output)) == 2  # the current release and the previous one


def test_plain_output_folder_of_the_old_layout_is_taken_over(tmp_path):
    _, overrides = _site(tmp_path, "移行", count=2)
    output = tmp_path / "output"
    (output / "old").mkdir(parents=True)
    (output / "old" / "page.html").write_text("old", encoding="utf-8")
    build("pelicanconf.py", output, overrides)
    assert output.is_symlink() and not (output / "old").exists()


def test_a_second_build_says_so_in_japanese_and_waits_for_the_first(tmp_path):
    _, overrides = _site(tmp_path, "待機")
    output = tmp_path / "output"
    with build_lock(output):  # the first build, as far as the second can tell
        second = start_build(output, overrides)
        waiting = second.stderr.readline()  # printed before it blocks
        assert WAITING_MESSAGE in waiting
        time.sleep(0.5)
        assert second.poll() is None and not output.exists()
    _, stderr = second.communicate(timeout=300)
    assert second.returncode == 0, stderr
    assert (output / "index.html").is_file()


def test_two_builds_at_once_both_succeed_and_leave_one_complete_site(tmp_path):
    _, overrides = _site(tmp_path, "同時")
    output = tmp_path / "output"
    processes = [start_build(output, overrides) for _ in range(2)]
    results = [process.communicate(timeout=300) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], results
    assert (output / "index.html").is_file() and (output / "feeds" / "all.atom.xml").is_file()
    assert len(release_folders(output)) == 1  # the second found the site it would have written


def test_a_build_killed_at_any_point_leaves_the_previous_site_intact(tmp_path):
    content, overrides = _site(tmp_path, "旧版", count=30)
    output = tmp_path / "output"
    build("pelicanconf.py", output, overrides)
    old = _snapshot(output)
    write_files(content, {f"news/a{i:02d}.md": article(f"新版{i}", body=f"新版の本文{i}。") for i in range(30)})
    chance = random.Random(15)
    finished = None
    for _ in range(5):
        process = start_build(output, overrides)
        time.sleep(chance.uniform(0.2, 4.0))
        process.send_signal(signal.SIGKILL)
        process.communicate()
        now = _snapshot(output)
        if now != old:  # the build had switched before the kill: then it is the whole new site
            finished = finished or now
            assert now == finished and "新版0" in now["news/a00/index.html"].decode("utf-8")
        else:
            assert now == old
    build("pelicanconf.py", output, overrides)
    assert "新版0" in (output / "news" / "a00" / "index.html").read_text(encoding="utf-8")
    # Half-written releases of killed builds are gone; only the current and the previous remain.
    assert len(release_folders(output)) <= 2
    assert not any(name.startswith(".output.switch") for name in os.listdir(tmp_path))


def test_a_build_that_cannot_write_a_file_leaves_the_previous_site_intact(tmp_path):
    content, overrides = _site(tmp_path, "満杯前", count=3)
    output = tmp_path / "output"
    build("pelicanconf.py", output, overrides)
    old = _snapshot(output)
    long_body = "長い本文です。" * 3000  # a page far larger than the writes allowed below
    write_files(content, {"news/a00.md": article("満杯後", body=long_body)})
    process = start_build(output, overrides, max_file_bytes=20_000)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode != 0
    assert "File too large" in stderr or "EFBIG" in stderr or "Errno 27" in stderr, stderr[-2000:]
    assert _snapshot(output) == old
    assert len(release_folders(output)) == 1  # the half-written release was removed


def test_clean_removes_the_link_and_every_release(tmp_path):
    from tools.atomic_output import remove_output

    _, overrides = _site(tmp_path, "掃除", count=1)
    output = tmp_path / "output"
    build("pelicanconf.py", output, overrides)
    (tmp_path / ".output.0-1").mkdir()  # left by a killed build
    remove_output(output)
    assert not output.exists() and not output.is_symlink()
    assert release_folders(output) == []
