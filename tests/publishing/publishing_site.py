"""A tiny site for the publishing tests: one article per section, a page, a draft, photos with GPS, a hidden file."""

from __future__ import annotations

import io
from pathlib import Path

from conftest import article, write_files
from PIL import ExifTags, Image

SECTIONS = ("news", "reading", "kosodate", "health", "bousai", "office")
DRAFT_TITLE = "まだ公開しない下書きの記事"
GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (35.0, 20.0, 12.5),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (139.0, 37.0, 5.0),
}


def photo(image_format: str = "JPEG", orientation: int = 1, size: tuple[int, int] = (64, 48), **options) -> bytes:
    """A real photo made by Pillow, carrying camera and GPS EXIF like one straight from a phone."""
    image = Image.new("RGB", size, (200, 120, 40))
    image.paste((30, 60, 160), (0, 0, size[0] // 2, size[1] // 3))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "WardCam"
    exif[ExifTags.Base.Artist] = "Kanazawa Taro"
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.IFD.GPSInfo] = GPS
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, exif=exif, **options)
    return buffer.getvalue()


def tiny_files() -> dict[str, str | bytes]:
    """The content files of the tiny site (content-relative paths)."""
    files: dict[str, str | bytes] = {
        f"{section}/{section}-hello.md": article(f"{section} のお知らせ", "2026-11-01", f"{section} の本文です。")
        for section in SECTIONS
    }
    files["news/with-photo.md"] = article(
        "写真のあるお知らせ",
        "2026-11-20",
        "## 会場\n\n![金沢まつりの会場の写真]({static}/images/hanabi.jpg)\n\n"
        "![海の公園の写真]({static}/images/umi.webp)\n\n[会場の見出しへ](#会場)\n",
    )
    files["news/draft-secret.md"] = article(DRAFT_TITLE, "2026-11-25", "公開前の本文です。", status="draft")
    files["pages/privacy.md"] = "---\ntitle: 個人情報の取扱い\norder: 30\n---\n個人情報を適切に管理します。\n"
    files["images/hanabi.jpg"] = photo("JPEG")
    files["images/umi.webp"] = photo("WEBP")
    files["files/.env"] = "SECRET_TOKEN=do-not-publish\n"
    return files


def fast_settings() -> dict:
    """Setting overrides for the tiny site (none yet: the published site is built as configured)."""
    return {}


def write_tiny_content(root: Path) -> Path:
    """Write the tiny site's content under root and return root."""
    return write_files(root, tiny_files())


def all_files(root: Path) -> dict[str, bytes]:
    """Every file under root by relative path, with its bytes."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
