"""Writing a file so that a reader sees the old bytes or the new ones, never a half-written file."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target, then rename over it; also replaces a hard or symbolic link instead of
    writing through it (static files may be linked into the output from content/)."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(path)


def is_file(path: Path) -> bool:
    """`Path.is_file()` for a path written in content: False, not OSError, for a name the file system
    refuses (a component longer than 255 bytes, a pasted address without https://)."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False
