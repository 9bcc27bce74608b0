"""A digest of everything a build reads, so a rebuild with nothing changed does nothing at all.

The build is deterministic (same inputs, same bytes), so when the content, theme, plugins, tools,
settings and build date are unchanged and `output/` is as the last build left it, building again
could only rewrite identical files. Content files are hashed by their bytes, not their times: a
fresh clone or checkout resets every time.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from tools.site_build import ROOT

STAMP_FOLDER = ROOT / ".cache" / "build-stamps"


def _settings_digest(settings: dict) -> str:
    # Functions (Jinja filters) print with their memory address; only plain values take part.
    plain = {}
    for key, value in sorted(settings.items()):
        try:
            plain[key] = json.dumps(value, sort_keys=True, default=str)
        except (TypeError, ValueError):
            continue
        if "0x" in plain[key]:
            del plain[key]
    return hashlib.blake2b(json.dumps(plain, sort_keys=True).encode(), digest_size=16).hexdigest()


def _tree_digest(digest, folder: Path, suffixes: tuple[str, ...] | None = None) -> None:
    if folder.is_file():
        digest.update(folder.as_posix().encode() + b"\0" + folder.read_bytes())
        return
    for base, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d not in ("__pycache__", ".git"))
        for name in sorted(files):
            path = Path(base, name)
            if suffixes and path.suffix not in suffixes:
                continue
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() if not path.is_symlink() else os.readlink(path).encode())


def input_stamp(settings: dict, settings_files: tuple[Path, ...]) -> str:
    """The digest of every input of a build with these (fully resolved) settings."""
    from ward_content.settings import read_settings

    digest = hashlib.blake2b(digest_size=20)
    digest.update(_settings_digest(settings).encode())
    # The build date decides upcoming and past events: a new day is a new build.
    digest.update(read_settings(settings).build_date.isoformat().encode())
    for path in (
        Path(settings["PATH"]),
        Path(settings["THEME"]),
        *(ROOT / p for p in settings.get("PLUGIN_PATHS", ())),
    ):
        _tree_digest(digest, path.resolve())
    _tree_digest(digest, ROOT / "tools", (".py",))
    for path in (*settings_files, ROOT / "requirements.txt"):
        _tree_digest(digest, path)
    return digest.hexdigest()


def output_listing(output: Path) -> str:
    """What `output/` holds now (names, sizes, times), to notice a folder changed by hand."""
    digest = hashlib.blake2b(digest_size=20)
    for base, dirs, files in os.walk(output):
        dirs.sort()
        for name in sorted(files):
            path = Path(base, name)
            info = path.lstat()
            digest.update(f"{path.relative_to(output).as_posix()}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _stamp_file(output: Path) -> Path:
    key = hashlib.blake2b(str(output.resolve()).encode(), digest_size=12).hexdigest()
    return STAMP_FOLDER / key


def unchanged(output: Path, stamp: str) -> bool:
    """True when the last build into `output` had these inputs and nobody touched `output` since."""
    recorded = _stamp_file(output)
    if not output.is_dir() or not recorded.is_file():
        return False
    return recorded.read_text(encoding="utf-8") == f"{stamp}\n{output_listing(output)}\n"


def remember(output: Path, stamp: str) -> None:
    """Record a successful build's inputs and the resulting `output/`."""
    recorded = _stamp_file(output)
    recorded.parent.mkdir(parents=True, exist_ok=True)
    partial = recorded.with_suffix(f".{os.getpid()}.part")
    partial.write_text(f"{stamp}\n{output_listing(output)}\n", encoding="utf-8")
    partial.replace(recorded)
