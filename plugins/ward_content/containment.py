"""No file is read from outside content/ or written outside the output folder, whatever a link says.

`body_checks` reports a `{static}/../..` link to the writer; these receivers make sure Pelican
never acts on one, even from a place no check reads.
"""

from __future__ import annotations

import posixpath


def escapes(path: str) -> bool:
    """True for a path that leaves its folder: absolute, or `..` after normalising."""
    normal = posixpath.normpath(path.replace("\\", "/"))
    return normal.startswith(("/", "../")) or normal == ".."


def drop_outside_links(generator) -> None:
    """Runs after the article and page generators, before the static generator copies linked files."""
    links = generator.context.get("static_links")
    if links:
        for link in [link for link in links if escapes(link)]:
            links.discard(link)


def drop_outside_static_files(generator) -> None:
    """Static files whose source or destination would leave content/ or the output folder are not copied."""
    # In place: the context holds the same list, and generate_output reads it from there.
    generator.staticfiles[:] = [
        sf
        for sf in generator.staticfiles
        if not escapes(sf.get_relative_source_path()) and not escapes(sf.save_as or "")
    ]
