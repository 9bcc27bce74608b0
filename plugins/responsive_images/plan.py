"""The pure plan of a picture: which widths and formats exist, their file names, the <picture> candidates."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from PIL import ExifTags, Image

MIME = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
SUFFIX = {"avif": "avif", "webp": "webp", "jpeg": "jpg", "png": "png"}
# EXIF orientations that turn the picture a quarter: the upright width is the stored height.
QUARTER_TURNS = frozenset({5, 6, 7, 8})


@dataclass(frozen=True)
class PhotoSource:
    """A file to publish as a picture: where it is, the output name stem of its copies, its alt text."""

    path: Path
    out_stem: str  # "images/hanabi-jpg": copies are images/hanabi-jpg-480w.webp ...
    alt: str = ""
    widths: tuple[int, ...] = ()  # its own widths (a cover at 1x, 2x, 3x); () = the configured ones
    fallback: str = ""  # site-relative URL shown when the plugin is not enabled


@dataclass(frozen=True)
class Facts:
    """What the header says: the upright size and whether the picture has transparency."""

    width: int
    height: int
    alpha: bool


@dataclass(frozen=True)
class Candidate:
    """One encoded copy: output path (site-relative), its width and height."""

    path: str
    width: int
    height: int


@dataclass(frozen=True)
class Picture:
    """Every copy of one photo, grouped by format; the last format is the fallback for the <img>."""

    formats: tuple[tuple[str, tuple[Candidate, ...]], ...]

    @property
    def fallback(self) -> tuple[str, tuple[Candidate, ...]]:
        """JPEG (or PNG for a picture with transparency), understood by every browser."""
        return self.formats[-1]

    @property
    def largest(self) -> Candidate:
        """The widest copy: its width and height are the <img>'s, for the aspect ratio."""
        return self.fallback[1][-1]


def content_source(rel: str, root: Path, alt: str = "") -> PhotoSource:
    """A photo under content/: `images/hanabi.jpg` gets copies named images/hanabi-jpg-…"""
    path = PurePosixPath(rel)
    return PhotoSource(root / rel, str(path.with_name(f"{path.stem}-{path.suffix.lstrip('.').lower()}")), alt)


def read_facts(path: Path) -> Facts:
    """Upright size and transparency from the header only (nothing is decoded)."""
    with Image.open(path) as image:
        width, height = image.size
        if orientation_of(image) in QUARTER_TURNS:
            width, height = height, width
        alpha = image.mode in ("RGBA", "LA", "PA", "La", "RGBa") or "transparency" in image.info
        return Facts(width, height, alpha)


def orientation_of(image: Image.Image) -> int:
    """The EXIF orientation, read only where the header carries EXIF (planning and encoding agree).

    A PNG's getexif() decodes the whole image to look for an eXIf chunk after the pixels; such a
    late chunk is ignored here and by the encoder alike.
    """
    if image.format in ("JPEG", "WEBP", "MPO") or "exif" in image.info:
        return image.getexif().get(ExifTags.Base.Orientation, 1) or 1
    return 1


def candidate_widths(width: int, widths: tuple[int, ...]) -> tuple[int, ...]:
    """The configured widths narrower than the photo, and the photo's own width when it is the widest asked."""
    smaller = tuple(w for w in sorted(widths) if w < width)
    return (*smaller, width) if width <= max(widths) or not smaller else smaller


def plan_picture(source: PhotoSource, facts: Facts, widths: tuple[int, ...], formats: tuple[str, ...]) -> Picture:
    """Copies at every candidate width in each modern format, then the JPEG/PNG fallback."""
    fallback = "png" if facts.alpha else "jpeg"
    groups = []
    for fmt in (*formats, fallback):
        copies = tuple(
            Candidate(
                f"{source.out_stem}-{w}w.{SUFFIX[fmt]}",
                w,
                max(1, round(facts.height * w / facts.width)),
            )
            for w in candidate_widths(facts.width, widths)
        )
        groups.append((fmt, copies))
    return Picture(tuple(groups))
