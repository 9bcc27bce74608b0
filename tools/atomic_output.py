"""output/ is always a complete site: each build writes a release folder, then one rename switches to it.

    output -> .output.<id>        (a symbolic link, replaced with rename(2) by a new link)
    .output.<id>/                 (the current release; the previous one is kept for readers mid-request)
    .output.lock                  (held with flock while a build runs: builds are serialised)

A kill or a full disk at any moment leaves `output` pointing at the previous, complete release;
a release folder left half-written by such a build is removed by the next build.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import filecmp
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

WAITING_MESSAGE = "別のビルドが実行中です。終わるのを待ってから作ります… (another build is running; waiting)"


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@contextlib.contextmanager
def build_lock(output: Path, say: Callable[[str], None] = _say) -> Iterator[None]:
    """Hold the output's lock for one build; a second build says so in Japanese and waits its turn."""
    output.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(output.parent / f".{output.name}.lock", os.O_CREAT | os.O_RDWR, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN):
                raise
            say(WAITING_MESSAGE)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock, also when the process is killed


def new_release(output: Path) -> Path:
    """A fresh, unused release folder name beside `output` (sortable by creation time)."""
    return output.parent / f".{output.name}.{time.time_ns():x}-{os.getpid()}"


def current_release(output: Path) -> Path | None:
    """The folder `output` shows now: the link's target, or `output` itself if it is still a plain folder."""
    if output.is_symlink():
        target = output.parent / os.readlink(output)
        return target if target.is_dir() else None
    return output if output.is_dir() else None


def keep_unchanged_times(release: Path, previous: Path | None) -> tuple[int, int]:
    """Files with the previous release's bytes get its times back (deploy diffs and rsync stay small).

    Returns (files new or changed, files gone) against the previous release.
    """
    changed = removed = 0
    wanted = set()
    for path in sorted(release.rglob("*")):
        if not path.is_file() or path.is_symlink():
            continue
        rel = path.relative_to(release)
        wanted.add(rel)
        old = previous / rel if previous else None
        if old is not None and old.is_file() and filecmp.cmp(path, old, shallow=False):
            stat = old.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        else:
            changed += 1
    if previous is not None:
        removed = sum(1 for p in previous.rglob("*") if p.is_file() and p.relative_to(previous) not in wanted)
    return changed, removed


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def switch_to(output: Path, release: Path) -> None:
    """Point `output` at `release` in one rename(2): readers see the old site or the new one, never a mix."""
    link = output.parent / f".{output.name}.switch-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    os.symlink(release.name, link)
    if output.is_dir() and not output.is_symlink():
        # First build after the old layout: the plain folder becomes a release (one short gap, once).
        os.replace(output, new_release(output))
    os.replace(link, output)
    _sync_folder(output.parent)


def release_folders(output: Path) -> list[Path]:
    """Every release folder beside `output`, oldest first (also those left by an interrupted build)."""
    prefix = f".{output.name}."
    found = [
        p
        for p in output.parent.iterdir()
        if p.name.startswith(prefix) and p.is_dir() and not p.is_symlink() and p.name[len(prefix) :][:1].isalnum()
    ]
    return sorted(found, key=lambda p: p.name)


def prune(output: Path, keep: Path | None, previous: Path | None) -> None:
    """Remove releases other than the current and the previous one (held under the lock, so none is in use)."""
    for folder in release_folders(output):
        if folder not in (keep, previous):
            shutil.rmtree(folder, ignore_errors=True)


def publish_release(output: Path, write: Callable[[Path], None], lock: bool = True) -> tuple[int, int]:
    """Under the lock: `write(release)` fills a new release folder, then `output` switches to it.

    When `write` raises (content errors, failed checks, a full disk), the release is removed and
    `output` still shows the previous site. Returns (files new or changed, files gone).
    `lock=False` when the caller already holds `build_lock(output)` (flock would wait for itself).
    """
    with build_lock(output) if lock else contextlib.nullcontext():
        previous = current_release(output)
        release = new_release(output)
        try:
            write(release)
            counts = keep_unchanged_times(release, previous)
            switch_to(output, release)
        except BaseException:
            shutil.rmtree(release, ignore_errors=True)
            raise
        prune(output, release, current_release_after_migration(output, previous))
        return counts


def current_release_after_migration(output: Path, previous: Path | None) -> Path | None:
    """The previous release's folder now (a plain output/ folder was renamed into a release when switching)."""
    if previous is not None and previous != output:
        return previous
    folders = [f for f in release_folders(output) if f != current_release(output)]
    return folders[-1] if folders else None


def remove_output(output: Path) -> None:
    """`invoke clean`: the link, every release and the lock file."""
    with build_lock(output):
        if output.is_symlink() or output.is_file():
            output.unlink()
        elif output.is_dir():
            shutil.rmtree(output)
        for folder in release_folders(output):
            shutil.rmtree(folder, ignore_errors=True)
