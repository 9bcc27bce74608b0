"""BULLETIN_* settings, read once into a frozen object with defaults."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ward_content.errors import ConfigurationError

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class BulletinSettings:
    """Which months were not published, how covers are made, where the feed goes."""

    # Months with no issue on purpose (e.g. a merged issue), as (year, month): not a gap.
    not_published: frozenset[tuple[int, int]] = frozenset()
    cover_size: tuple[int, int] = (240, 340)
    cover_format: str = "webp"
    cover_quality: int = 80
    cache_path: Path = Path(".cache/bulletin_covers")
    feed_path: str = "feeds/bulletins.atom.xml"
    feed_max_items: int = 24
    # Larger PDFs (issues and content/files/) get a warning with how to reduce them.
    pdf_size_limit_mb: float = 10
    linked_files_folder: str = "files"

    @property
    def pdf_size_limit_bytes(self) -> int:
        """The limit in bytes (1MB = 1024 × 1024, as Windows shows sizes)."""
        return int(self.pdf_size_limit_mb * 1024 * 1024)


def read_settings(settings: dict) -> BulletinSettings:
    """Validate every BULLETIN_* value before any work; a wrong value is a developer's error."""
    months = []
    for value in settings.get("BULLETIN_NOT_PUBLISHED", ()):
        match = _MONTH.match(str(value))
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise ConfigurationError(f"BULLETIN_NOT_PUBLISHED: expected 'YYYY-MM' strings, received {value!r}")
        months.append((int(match.group(1)), int(match.group(2))))
    size = tuple(settings.get("BULLETIN_COVER_SIZE", (240, 340)))
    if len(size) != 2 or not all(isinstance(v, int) and v > 0 for v in size):
        raise ConfigurationError(f"BULLETIN_COVER_SIZE: expected (width, height) in pixels, received {size!r}")
    cover_format = str(settings.get("BULLETIN_COVER_FORMAT", "webp")).lower()
    if cover_format not in ("webp", "jpeg"):
        raise ConfigurationError(f"BULLETIN_COVER_FORMAT: expected one of: webp, jpeg, but received {cover_format!r}")
    limit = settings.get("BULLETIN_PDF_SIZE_LIMIT_MB", 10)
    if isinstance(limit, bool) or not isinstance(limit, (int, float)) or limit <= 0:
        raise ConfigurationError(f"BULLETIN_PDF_SIZE_LIMIT_MB: expected a positive number of MB, received {limit!r}")
    default_cache = Path(settings["PATH"]).resolve().parent / ".cache" / "bulletin_covers"
    return BulletinSettings(
        not_published=frozenset(months),
        cover_size=(size[0], size[1]),
        cover_format=cover_format,
        cover_quality=int(settings.get("BULLETIN_COVER_QUALITY", 80)),
        cache_path=Path(settings.get("BULLETIN_CACHE_PATH") or default_cache),
        feed_path=str(settings.get("BULLETIN_FEED_ATOM", "feeds/bulletins.atom.xml")),
        feed_max_items=int(settings.get("BULLETIN_FEED_MAX_ITEMS", 24)),
        pdf_size_limit_mb=limit,
    )
