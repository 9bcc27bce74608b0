"""What must never be published: local paths, Markdown sources, drafts, private files, photo metadata."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

# Files a browser reads as text, where a leaked build path would show.
TEXT_SUFFIXES = frozenset(
    {".html", ".xml", ".txt", ".css", ".js", ".json", ".ics", ".csv", ".svg", ".geojson", ".webmanifest"}
)
SOURCE_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".rst", ".yaml", ".yml", ".py", ".pyc"})
PRIVATE_SUFFIXES = frozenset({".env", ".pem", ".key", ".p12", ".pfx", ".bak", ".orig", ".swp", ".tmp", ".part", ".log"})
# RFC 8615 well-known URIs (security.txt) are meant to be public.
PUBLIC_DOT_FOLDERS = frozenset({".well-known"})
# Third-party code committed byte for byte from its registry (theme/static/vendor/): a `file://` in it is
# the vendor's own build path (Decap CMS ships two), not this machine's; our real folders are still checked.
VENDORED = "theme/vendor/"
# Generated sources that are meant to be served: the CMS reads its configuration from /admin/.
PUBLIC_SOURCES = frozenset({"admin/config.yml"})
PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".jfif", ".jpe", ".webp", ".png", ".gif", ".tif", ".tiff"})
# Pillow `info` keys that hold metadata which can name a person, a place or a device.
PRIVATE_IMAGE_KEYS = ("exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop")


@dataclass(frozen=True, order=True)
class HygieneProblem:
    """A published file that must not be published as it is."""

    path: str
    message_ja: str
    code_en: str

    def format(self) -> str:
        """One line: the file, the problem in Japanese, the English code."""
        return f"output/{self.path}: {self.message_ja} ({self.code_en})"


def local_paths(*paths: Path | str) -> tuple[str, ...]:
    """The strings that betray a build machine: the given folders, the temporary folder, file URLs."""
    found = {str(Path(p).resolve()) for p in paths if p}
    found |= {str(p) for p in paths if p}
    found.add(tempfile.gettempdir().rstrip("/") + "/")
    found.add("file://")
    # "/" alone would match every URL path.
    return tuple(sorted(s for s in found if len(s) > 1))


def check_output(root: Path, forbidden: Iterable[str] = ()) -> list[HygieneProblem]:
    """Every problem of the built site in `root`; `forbidden` are strings no text file may contain."""
    forbidden = tuple(forbidden)
    problems: list[HygieneProblem] = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        parts = rel.split("/")
        if path.is_dir():
            if parts[-1] == "drafts":
                problems.append(HygieneProblem(rel, "下書きのフォルダが公開されるところでした", "draft published"))
            continue
        name = parts[-1]
        suffix = path.suffix.lower()
        if any(part.startswith(".") and part not in PUBLIC_DOT_FOLDERS for part in parts):
            problems.append(HygieneProblem(rel, "「.」で始まる隠しファイルは公開できません", "hidden file published"))
        elif suffix in SOURCE_SUFFIXES and rel not in PUBLIC_SOURCES:
            problems.append(HygieneProblem(rel, "原稿やプログラムのファイルは公開できません", "source file published"))
        elif suffix in PRIVATE_SUFFIXES or name.endswith("~"):
            problems.append(HygieneProblem(rel, "非公開のファイルが公開されるところでした", "private file published"))
        if "drafts" in parts[:-1]:
            problems.append(HygieneProblem(rel, "下書きが公開されるところでした", "draft published"))
        if suffix in TEXT_SUFFIXES and forbidden:
            text = path.read_bytes().decode("utf-8", errors="replace")
            for needle in forbidden:
                if needle == "file://" and rel.startswith(VENDORED):
                    continue
                if needle in text:
                    problems.append(
                        HygieneProblem(rel, f"このパソコンの場所「{needle}」が書かれています", "local path published")
                    )
        found = image_metadata(path) if suffix in PHOTO_SUFFIXES else []
        if found:
            problems.append(
                HygieneProblem(rel, f"画像に撮影情報（{'、'.join(found)}）が残っています", "image metadata published")
            )
    return sorted(set(problems))


def image_metadata(path: Path) -> list[str]:
    """The kinds of metadata an image carries: EXIF (GPS included), XMP, comments."""
    try:
        with Image.open(path) as image:
            found = [key for key in PRIVATE_IMAGE_KEYS if key in image.info]
            exif = image.getexif()
            if len(exif) and "exif" not in found:
                found.append("exif")
            if exif.get_ifd(0x8825):
                found.append("GPS")
            if getattr(image, "text", None):
                found.append("text")
            return found
    except OSError:
        return []
