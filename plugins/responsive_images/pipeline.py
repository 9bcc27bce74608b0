"""Producing the copies a build needs: cached by content hash and settings, missing ones encoded in parallel."""

from __future__ import annotations

import hashlib
import logging
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ward_content.build_scope import current
from ward_content.files import write_atomically
from ward_content.page_writer import KeptCopy, output_bytes

from .encode import encode_width
from .plan import SUFFIX, Facts, PhotoSource, Picture, plan_picture, read_facts
from .settings import ResponsiveImagesSettings

logger = logging.getLogger(__name__)
# Part of every cache key: bump when encoding changes, so old copies are not reused.
ENCODER_VERSION = "1"


@dataclass(frozen=True)
class Task:
    """One width of one photo, encoded into every format of its picture."""

    source: Path
    width: int
    height: int
    alpha: bool
    formats: tuple[tuple[str, int], ...]  # (format, quality)
    cached: tuple[Path, ...]  # cache file per format, same order
    outputs: tuple[str, ...]  # output path per format, same order


@dataclass(frozen=True)
class Outcome:
    """How many widths were encoded or taken from the cache, and the photos that failed (source, message)."""

    encoded: int
    reused: int
    failures: tuple[tuple[Path, str], ...]


def digest_of(path: Path) -> str:
    """SHA-256 of the file's bytes: the cache key does not depend on its name or time."""
    hasher = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest()


def picture_of(source: PhotoSource, settings: ResponsiveImagesSettings, widths: tuple[int, ...] | None = None):
    """(Facts, Picture) of a source, from its header."""
    facts = facts_of(source.path)
    return facts, plan_picture(source, facts, widths or source.widths or settings.widths, settings.formats)


def facts_of(path: Path) -> Facts:
    """read_facts, once a build for each file (keyed by its size and time too): a photo shown on many
    pages had its header opened and its EXIF read for every one (40 µs each)."""
    scope = current()
    if scope is None:  # outside a build: nothing is kept
        return read_facts(path)
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    memo = scope.memos.setdefault("responsive_images.facts", {})
    facts = memo.get(key)
    if facts is None:
        facts = memo[key] = read_facts(path)
    return facts


def tasks_for(source: PhotoSource, facts: Facts, picture: Picture, settings: ResponsiveImagesSettings) -> list[Task]:
    """One task per width; cache names carry the source's hash, the width, the format and its settings."""
    digest = digest_of(source.path)
    by_width: dict[int, list[tuple[str, object]]] = {}
    for fmt, candidates in picture.formats:
        for candidate in candidates:
            by_width.setdefault(candidate.width, []).append((fmt, candidate))
    tasks = []
    for width, entries in sorted(by_width.items()):
        height = entries[0][1].height
        cached = tuple(
            settings.cache_path
            / f"{digest}-{width}x{height}-{fmt}-{settings.fingerprint(fmt)}-v{ENCODER_VERSION}.{SUFFIX[fmt]}"
            for fmt, _ in entries
        )
        tasks.append(
            Task(
                source.path,
                width,
                height,
                facts.alpha,
                tuple((fmt, settings.quality[fmt]) for fmt, _ in entries),
                cached,
                tuple(candidate.path for _, candidate in entries),
            )
        )
    return tasks


def produce(tasks: list[Task], output: Path, settings: ResponsiveImagesSettings) -> Outcome:
    """Encode what the cache lacks (on `workers` processes), then copy every copy into the output."""
    missing = [task for task in tasks if not all(path.is_file() for path in task.cached)]
    failures: dict[Path, str] = {}
    if missing:
        settings.cache_path.mkdir(parents=True, exist_ok=True)
        workers = min(settings.workers, len(missing))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = pool.map(
                encode_width,
                [str(t.source) for t in missing],
                [t.width for t in missing],
                [t.height for t in missing],
                [t.alpha for t in missing],
                [t.formats for t in missing],
            )
            for task, result in zip(missing, results, strict=True):
                if "error" in result:
                    failures.setdefault(task.source, result["error"])
                    continue
                for (fmt, _), cached in zip(task.formats, task.cached, strict=True):
                    write_atomically(cached, result[fmt])
    logger.info("responsive images: %d widths encoded, %d from the cache", len(missing), len(tasks) - len(missing))
    # Made when the browser asks for it in the preview (hundreds of copies per save otherwise), with
    # the pages in a build.
    for task in tasks:
        if task.source in failures:
            continue
        for cached, rel in zip(task.cached, task.outputs, strict=True):
            output_bytes(output, rel, KeptCopy(cached))
    return Outcome(len(missing), len(tasks) - len(missing), tuple(sorted(failures.items())))
