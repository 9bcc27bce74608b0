"""The attack corpus's files that are not text in the repository: bombs, symbolic links, lock and backup files.

They are made at test time, so the repository holds no link to a system file and no large binary.
"""

from __future__ import annotations

import io
import os
import shutil
import struct
import zlib
from pathlib import Path

from PIL import Image
from pypdf import PdfWriter

CORPUS = Path(__file__).parent / "corpus"

# Lock and backup files editors, Office and the OS leave; each must be ignored (no message, not published).
IGNORED = {
    "news/#notes.md#": "---\ntitle: 下書き\n---\n",
    "news/notes.md.save": "---\ntitle: 保存\n---\n",
    "news/kiji.md~": "---\ntitle: 予備\n---\n",
    "news/.kiji.md.swp": b"b0VIM 8.2\x00\x00",
    "news/old.bak": "old",
    "files/~$原稿.docx": b"\x00\x01lock",
    "images/Thumbs.db": b"\xd0\xcf\x11\xe0",
    "images/.DS_Store": b"\x00\x00\x00\x01Bud1",
    "images/desktop.ini": "[.ShellClassInfo]\n",
}


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims `width` x `height` pixels in a few dozen bytes (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def pdf(pages: int = 1, width: float = 595, height: float = 842, **metadata: str) -> bytes:
    """Blank pages of the given size in points, with Info metadata (e.g. Author="…")."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width, height)
    if metadata:
        writer.add_metadata({f"/{k}": v for k, v in metadata.items()})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def photo_with_gps(image_format: str = "JPEG") -> bytes:
    """A small photo whose EXIF names a camera and a place."""
    image = Image.new("RGB", (32, 24), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "Camera Maker"  # Make
    exif[0xA431] = "SERIAL-12345"  # BodySerialNumber
    exif[0x8825] = {1: "N", 2: (35.0, 20.0, 0.0), 3: "E", 4: (139.0, 37.0, 0.0)}
    out = io.BytesIO()
    image.save(out, image_format, exif=exif.tobytes())
    return out.getvalue()


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")


def add_ignored(content: Path) -> None:
    """Every kind of lock and backup file, an Emacs lock (a dangling link) included."""
    write(content, IGNORED)
    os.symlink("staff@pc.1234:1700000000", content / "news" / ".#kiji.md")


def refused_content(tmp: Path) -> Path:
    """The refused corpus: text cases from the repository plus bombs, links out of content/ and odd files."""
    content = tmp / "content"
    shutil.copytree(CORPUS / "refused", content, symlinks=True)
    outside = tmp / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("---\ntitle: 外の原稿\ndate: 2026-11-01\n---\n秘密。\n", encoding="utf-8")
    (outside / "secret.jpg").write_bytes(photo_with_gps())
    write(
        content,
        {
            "images/bomb.png": png_header(30000, 30000),
            "files/huge-page.pdf": pdf(width=1_000_000, height=10),
            "files/many-pages.pdf": pdf(pages=501),
        },
    )
    os.symlink("/etc/passwd", content / "images" / "passwd.jpg")
    os.symlink("nowhere.png", content / "images" / "dangling.png")
    os.symlink(outside / "secret.md", content / "news" / "outside.md")
    os.symlink(outside, content / "files" / "linked-dir")
    add_ignored(content)
    return content


def survivors_content(tmp: Path) -> Path:
    """Valid content full of markup in text fields, photos and PDFs with metadata: it must build, inert."""
    content = tmp / "content"
    shutil.copytree(CORPUS / "survivors", content, symlinks=True)
    write(
        content,
        {
            "images/ok.png": photo_with_gps("PNG"),
            # files/ is copied as it is (image_privacy cleans it); images/ only as responsive copies.
            "files/camera.jfif": photo_with_gps(),
            "files/camera.jpe": photo_with_gps(),
            "files/form.pdf": pdf(Author="金沢 花子", Creator="C:\\Users\\hanako\\Documents\\申請書.docx"),
        },
    )
    add_ignored(content)
    return content
