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
