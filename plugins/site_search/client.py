"""The files the browser runs (pagefind.js, its worker, the WebAssembly), from the pinned Pagefind.

They are inside the Pagefind binary; it writes them with every bundle. We run it once per Pagefind
version on one tiny record and keep the three files in a cache, so a build copies them and never
runs Pagefind. Nothing is downloaded.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from importlib import metadata
from pathlib import Path

from ward_content.errors import ConfigurationError

from .records import Record

# What our search page loads; Pagefind's ready-made interfaces and language wasm are left out.
CLIENT_FILES = ("pagefind.js", "pagefind-worker.js", "wasm.unknown.pagefind")
# Bounds on what is read back from the cache (the largest file, the wasm, is about 70 KB).
MAX_CLIENT_BYTES = 4 << 20


def pagefind_version(binary: str) -> str:
    """The pinned wheel's version (1.5.2): the cache key, and the version the index files declare."""
    package = "pagefind_bin_extended" if binary == "extended" else "pagefind_bin"
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        from .pagefind_service import binary_path

        binary_path(binary)  # raises the message that says how to install it
        raise


def _extract(binary: str, language: str, target: Path) -> None:
    from .pagefind_service import binary_path, write_index
    from .settings import SiteSearchSettings

    record = Record("/", "-", "", "", None, None, None)
    with tempfile.TemporaryDirectory(prefix="ward-pagefind-client-") as tmp:
        write_index([record], Path(tmp), binary_path(binary), SiteSearchSettings(language=language, binary=binary))
        missing = [name for name in CLIENT_FILES if not (Path(tmp) / name).is_file()]
        if missing:
            raise ConfigurationError(f"Pagefind {binary} did not write {', '.join(missing)}")
        for name in CLIENT_FILES:
            shutil.copyfile(Path(tmp) / name, target / name)


def client_files(binary: str, cache: Path, language: str = "ja", retry: bool = True) -> tuple[str, dict[str, bytes]]:
    """(Pagefind version, {file name: bytes}) of the client files, extracted once into `cache`.

    A cache that does not match its manifest (a file changed or gone) is extracted again, once.
    """
    version = pagefind_version(binary)
    folder = cache / f"pagefind-{binary}-{version}"
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        # Built beside and renamed into place: a build stopped half-way leaves no half cache.
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=cache))
        try:
            _extract(binary, language, staging)
            sizes = {name: (staging / name).stat().st_size for name in CLIENT_FILES}
            (staging / "manifest.json").write_text(json.dumps({"version": version, "sizes": sizes}, sort_keys=True))
            if folder.exists():
                shutil.rmtree(folder)
            staging.rename(folder)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    sizes = json.loads(manifest.read_text())["sizes"]
    files = {}
    for name in CLIENT_FILES:
        path = folder / name
        size = path.stat().st_size if path.is_file() else None
        if size is None or size != sizes.get(name) or size > MAX_CLIENT_BYTES:
            if not retry:
                raise ConfigurationError(f"Pagefind's client file {name} in {folder} is missing or too large")
            shutil.rmtree(folder)
            return client_files(binary, cache, language, retry=False)
        files[name] = path.read_bytes()
    return version, files
