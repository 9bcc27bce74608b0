"""The files the browser runs (pagefind.js, its worker, the WebAssembly), from the pinned Pagefind.

They are inside the Pagefind binary; it writes them with every bundle. We run it once per Pagefind
version on one tiny record and keep the three files in a cache, so a build copies them and never
runs Pagefind. Nothing is downloaded.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

from ward_content.errors import ConfigurationError

from .records import Record

# What our search page loads; Pagefind's ready-made interfaces and language wasm are left out.
CLIENT_FILES = ("pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind")
# Bounds on what is read back from the cache (the largest file, the wasm, is about 70 KB).
MAX_CLIENT_BYTES = 4 << 20


@cache
def pagefind_version(binary: str) -> str:
    """The pinned wheel's version (1.5.2): the cache key, and the version the index files declare
    (asked once per process: reading the installed packages' metadata takes 10 ms)."""
    package = "pagefind_bin_extended" if binary == "extended" else "pagefind_bin"
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        from .pagefind_service import binary_path

        binary_path(binary)  # raises the message that says how to install it
        raise


# SHA-256 of the client files of the pinned Pagefind (requirements.txt). Pagefind's service has been
# seen to exit before a file was whole: one left empty, and under load a pagefind-worker.js cut at
# 32 KB, which no check of the file's shape catches. tests/site_search/test_client.py checks these
# against the installed binary: a new pin fails there until they are updated.
PINNED = {
    ("standard", "1.5.2"): {
        "pagefind-worker.js": "4ca50d25bcab9e1c3afbc00ab5f7761114e83c8fc1b83d38655af1558b650c2a",
        "pagefind.js": "252d272bd34d483d19a752060f6a065114d15ab12c42d8f905ca565e2768a009",
        "wasm.unknown.pagefind": "3a74cefceacd066e8d3bc8c52e7bc1c869544ca3d9031b44a9b7136356d5d7f4",
    }
}


def problems(files: dict[str, bytes], version: str, binary: str = "standard") -> list[str]:
    """What is wrong with extracted client files: missing, empty, cut short or not the pinned files."""
    out = [f"{name} is missing or empty" for name in CLIENT_FILES if not files.get(name)]
    pinned = PINNED.get((binary, version))
    if pinned is not None:
        out += [
            f"{name} is not the file Pagefind {version} ships (cut short?)"
            for name in CLIENT_FILES
            if files.get(name) and hashlib.sha256(files[name]).hexdigest() != pinned[name]
        ]
    if files.get("pagefind.js") and f'pagefind_version="{version}"'.encode() not in files["pagefind.js"]:
        out.append(f"pagefind.js is not version {version}")
    if files.get("wasm.unknown.pagefind"):
        try:
            if not gzip.decompress(files["wasm.unknown.pagefind"]).startswith(b"pagefind_dcd\0asm"):
                out.append("wasm.unknown.pagefind is not WebAssembly")
        except (OSError, EOFError):
            out.append("wasm.unknown.pagefind is cut short")
    return out


def _extract(binary: str, language: str, version: str, target: Path) -> None:
    """Run Pagefind on one tiny record and keep its client files; checked, tried up to three times."""
    from .pagefind_service import binary_path, write_index
    from .settings import SiteSearchSettings

    record = Record("/", "-", "", "", None, None, None)
    found: list[str] = []
    for _ in range(3):
        with tempfile.TemporaryDirectory(prefix="ward-pagefind-client-") as tmp:
            write_index([record], Path(tmp), binary_path(binary), SiteSearchSettings(language=language, binary=binary))
            files = {name: (Path(tmp) / name).read_bytes() for name in CLIENT_FILES if (Path(tmp) / name).is_file()}
        found = problems(files, version, binary)
        if not found:
            for name, data in files.items():
                (target / name).write_bytes(data)
            return
    raise ConfigurationError(f"Pagefind {binary} {version} did not write its client files: {'; '.join(found)}")


def client_files(binary: str, cache: Path, language: str = "ja", retry: bool = True) -> tuple[str, dict[str, bytes]]:
    """(Pagefind version, {file name: bytes}) of the client files, extracted once into `cache`.

    A cache whose files are not what Pagefind wrote (gone, empty, another version) is extracted again.
    """
    version = pagefind_version(binary)
    folder = cache / f"pagefind-{binary}-{version}"
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        # Built beside and renamed into place: a build stopped half-way leaves no half cache.
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=cache))
        try:
            _extract(binary, language, version, staging)
            sizes = {name: (staging / name).stat().st_size for name in CLIENT_FILES}
            # Written last: a folder with a manifest holds every file.
            (staging / "manifest.json").write_text(json.dumps({"version": version, "sizes": sizes}, sort_keys=True))
            if folder.exists() and not manifest.is_file():
                shutil.rmtree(folder, ignore_errors=True)  # left without its manifest: not ours to trust
            try:
                staging.rename(folder)
            except OSError:  # another build put it there meanwhile: theirs is as good
                if not (folder / "manifest.json").is_file():
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    files = {}
    for name in CLIENT_FILES:
        path = folder / name
        if path.is_file() and path.stat().st_size <= MAX_CLIENT_BYTES:
            files[name] = path.read_bytes()
    if problems(files, version, binary):
        if not retry:
            found = "; ".join(problems(files, version, binary))
            raise ConfigurationError(f"Pagefind's client files in {folder}: {found}")
        shutil.rmtree(folder)
        return client_files(binary, cache, language, retry=False)
    return version, files
