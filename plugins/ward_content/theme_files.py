"""Two of Pelican's walks replaced in a build: the theme's static files and the check for disabled readers.

Pelican's StaticGenerator copies the theme's static files (a hundred and more, with their times and
modes) one after the other while the other core waits; a build whose writer defers pages gives them
to the processes that write the pages instead (page_writer.output_bytes), and outside such a build
they are written at once, as before. Unlike Pelican's `copy`, which follows folder links (os.walk
with followlinks=True), a symbolic link in the theme is neither entered nor copied: nothing outside
the repository is read.

Pelican also walks the article, page and static folders once more after reading them, to warn about
files whose reader is disabled (one whose library is missing). With none disabled the walk can warn
about nothing, and it is skipped (the preview skips it too; the content set reports every file that
is not published).
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from .files import files_under
from .page_writer import output_bytes


def theme_copies(
    ignores: list[str], paths: list[str], source: str, destination: str, output_path: str, final_path=None
) -> list[tuple[str, Path]]:
    """(output-relative path, source file) of every file StaticGenerator._copy_paths would copy for
    these arguments (Pelican 4.12: the same destinations and IGNORE_FILES patterns, matched on every
    name of the path), links left out, in path order."""

    def ignored(name: str) -> bool:
        return any(fnmatch.fnmatch(name, pattern) for pattern in ignores)

    output = os.path.abspath(output_path)
    copies: list[tuple[str, Path]] = []
    for path in paths:
        source_path = Path(source, path)
        if ignored(source_path.name) or source_path.is_symlink():
            continue
        if final_path:
            target = Path(output, destination, final_path, source_path.name if source_path.is_file() else "")
        else:
            target = Path(output, destination, path)
        if source_path.is_file():
            files = [(target, source_path)]
        elif source_path.is_dir():
            files = [
                (target / rel, source_path / rel)
                for rel in files_under(source_path, ("",), links=False)
                if not any(ignored(part) for part in rel.split("/"))
            ]
        else:
            continue
        copies += [(os.path.relpath(to, output).replace(os.sep, "/"), origin) for to, origin in files]
    return copies


def defer_theme_copies(generator) -> None:
    """`static_generator_init`: the generator's theme copies go through the build's page writer."""

    def copy_paths(paths, source, destination, output_path, final_path=None) -> None:
        ignores = generator.settings["IGNORE_FILES"]
        for rel, origin in theme_copies(ignores, paths, source, destination, output_path, final_path):
            output_bytes(output_path, rel, origin.read_bytes)  # read when placed

    generator._copy_paths = copy_paths


def skip_idle_reader_check(generator) -> None:
    """`generator_init`: no walk for disabled readers when none is disabled (it could warn about nothing)."""
    readers = getattr(generator, "readers", None)
    if readers is not None and hasattr(generator, "check_disabled_readers") and not readers.disabled_extensions:
        generator.check_disabled_readers = _nothing


def _nothing() -> None:
    return None
