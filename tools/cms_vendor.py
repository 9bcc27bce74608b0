"""Vendor Decap CMS from the npm registry into theme/static/vendor/decap-cms/ (pinned, integrity-checked).

`invoke cms-vendor` runs `npm pack decap-cms@VERSION`, checks the tarball against the registry's
sha512 integrity recorded here, and copies the browser bundle, its lazy chunks and the licence.
The main bundle (5 MB) is stored gzip-compressed in plugins/cms_admin/vendor/ and written out by the
build; the chunks are theme files. The result is committed, so a build never needs the network.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import subprocess
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "decap-cms"
VERSION = "3.16.3"
INTEGRITY = "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw=="
LICENSE = "MIT"
TARGET = Path(__file__).resolve().parent.parent / "theme" / "static" / "vendor" / "decap-cms"
BUNDLE = Path(__file__).resolve().parent.parent / "plugins" / "cms_admin" / "vendor" / "decap-cms.js.gz"


def integrity(data: bytes) -> str:
    """npm's Subresource-Integrity string of a tarball."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def wanted(name: str) -> bool:
    """The bundle and its chunks (no source maps, no duplicate `cms.js` build)."""
    base = name.rsplit("/", 1)[-1]
    return name.startswith("package/dist/") and base.endswith("decap-cms.js")


def vendor(target: Path = TARGET, bundle: Path = BUNDLE) -> list[str]:
    """Fetch, verify and unpack; returns the written file names."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"], cwd=tmp, check=True, capture_output=True)
        tarball = next(Path(tmp).glob("*.tgz"))
        data = tarball.read_bytes()
        if integrity(data) != INTEGRITY:
            raise SystemExit(f"{PACKAGE}@{VERSION}: integrity mismatch ({integrity(data)})")
        target.mkdir(parents=True, exist_ok=True)
        for old in target.glob("*.js"):
            old.unlink()
        written = []
        with tarfile.open(tarball) as archive:
            for member in sorted(archive.getmembers(), key=lambda m: m.name):
                if member.isfile() and wanted(member.name):
                    name = Path(member.name).name
                    data = archive.extractfile(member).read()
                    if name == "decap-cms.js":  # mtime 0: the same bytes from every run
                        bundle.parent.mkdir(parents=True, exist_ok=True)
                        bundle.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
                    else:
                        (target / name).write_bytes(data)
                    written.append(name)
        (target / "VERSION").write_text(
            f"{PACKAGE} {VERSION}\nlicense: {LICENSE} (see LICENSE; the npm package ships none, copied from the decaporg/decap-cms repository)\nintegrity: {INTEGRITY}\n"
            "source: npm registry (`invoke cms-vendor`)\n",
            encoding="utf-8",
        )
        return written


if __name__ == "__main__":
    print(f"{len(vendor())} files into {TARGET}")
