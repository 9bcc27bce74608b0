"""BULLETIN_* settings: one typed model, validated once per build with every plugin's settings."""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

from pydantic import field_validator

from ward_content.config import PluginSettings, PositiveInt, RelativePath, read

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class BulletinSettings(PluginSettings):
    """Which months were not published, how covers are made, where the feed goes."""

    prefix: ClassVar[str] = "BULLETIN_"

    # Months with no issue on purpose (e.g. a merged issue), as (year, month): not a gap.
    not_published: frozenset[tuple[int, int]] = frozenset()
    cover_size: tuple[int, int] = (240, 340)
    cover_format: str = "webp"
    cover_quality: PositiveInt = 80
    cache_path: Path = Path(".cache/bulletin_covers")
    feed_atom: RelativePath = "feeds/bulletins.atom.xml"
    feed_max_items: PositiveInt = 24
    # Larger PDFs (issues and content/files/) get a warning with how to reduce them.
    pdf_size_limit_mb: float = 10
    linked_files_folder: str = "files"

    @field_validator("not_published", mode="before")
    @classmethod
    def _months(cls, value):
        months = []
        for item in value:
            match = _MONTH.match(str(item))
            if not match or not 1 <= int(match.group(2)) <= 12:
                raise ValueError("expected 'YYYY-MM' strings")
            months.append((int(match.group(1)), int(match.group(2))))
        return frozenset(months)

    @field_validator("cover_size", mode="before")
    @classmethod
    def _size(cls, value):
        size = tuple(value)
        if len(size) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in size):
            raise ValueError("expected (width, height) in pixels")
        return size

    @field_validator("cover_format", mode="before")
    @classmethod
    def _format(cls, value):
        if str(value).lower() not in ("webp", "jpeg"):
            raise ValueError("expected one of: webp, jpeg, but received " + repr(value))
        return str(value).lower()

    @field_validator("pdf_size_limit_mb", mode="before")
    @classmethod
    def _limit(cls, value):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ValueError("expected a positive number of MB")
        return value

    @classmethod
    def derived(cls, settings: dict) -> dict:
        if settings.get("BULLETIN_CACHE_PATH"):
            return {}
        return {"cache_path": Path(settings["PATH"]).resolve().parent / ".cache" / "bulletin_covers"}

    @property
    def feed_path(self) -> str:
        """Where the Atom feed is written (BULLETIN_FEED_ATOM)."""
        return self.feed_atom

    @property
    def pdf_size_limit_bytes(self) -> int:
        """The limit in bytes (1MB = 1024 × 1024, as Windows shows sizes)."""
        return int(self.pdf_size_limit_mb * 1024 * 1024)


def provide_settings(sender) -> type[BulletinSettings]:
    return BulletinSettings


def read_settings(settings: dict) -> BulletinSettings:
    """Validated once per build (the build's copy), or here for tools that run no build."""
    return read(settings, BulletinSettings)
