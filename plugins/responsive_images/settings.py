"""RESPONSIVE_IMAGES_* settings: one typed model, validated with every plugin's settings when a build starts."""

from __future__ import annotations

import os
from pathlib import Path
from typing import ClassVar, Literal

from PIL import features
from pydantic import Field, field_validator, model_validator

from ward_content.config import PluginSettings, read

MODERN_FORMATS = ("avif", "webp")
DEFAULT_QUALITY = {"avif": 55, "webp": 78, "jpeg": 80, "png": 0}


class ResponsiveImagesSettings(PluginSettings):
    """Widths and formats of the published copies, the `sizes` of a photo in the text column, the cache."""

    prefix: ClassVar[str] = "RESPONSIVE_IMAGES_"

    widths: tuple[int, ...] = (480, 960, 1600)
    # Offered in this order before the JPEG/PNG fallback; AVIF only where this Pillow can write it.
    formats: tuple[Literal["avif", "webp"], ...] = MODERN_FORMATS
    # Only the formats named change; PNG is lossless.
    quality: dict[Literal["avif", "webp", "jpeg"], int] = Field(default_factory=dict)
    # The text column is 42rem wide at most, with 1rem of padding each side on a phone.
    sizes: str = "(min-width: 44rem) 42rem, calc(100vw - 2rem)"
    cache_path: Path | None = None  # default: .cache/responsive_images next to content/
    workers: int = Field(0, ge=0)  # 0: as many as the machine has, at most two
    content_path: Path | None = None  # derived from PATH

    @field_validator("widths")
    @classmethod
    def _widths(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if not value or not all(16 <= w <= 8192 for w in value):
            raise ValueError("expected widths in pixels, 16 to 8192")
        return tuple(sorted(set(value)))

    @field_validator("quality")
    @classmethod
    def _quality(cls, value: dict) -> dict:
        if not all(1 <= q <= 100 for q in value.values()):
            raise ValueError("expected qualities from 1 to 100")
        return {**DEFAULT_QUALITY, **value}

    @model_validator(mode="after")
    def _defaults(self):
        formats = tuple(f for f in self.formats if f != "avif" or features.check("avif"))
        object.__setattr__(self, "formats", formats)
        object.__setattr__(self, "quality", {**DEFAULT_QUALITY, **self.quality})
        if self.cache_path is None and self.content_path is not None:
            object.__setattr__(self, "cache_path", self.content_path.resolve().parent / ".cache" / "responsive_images")
        if not self.workers:
            object.__setattr__(self, "workers", min(2, os.cpu_count() or 1))
        return self

    @classmethod
    def derived(cls, settings: dict) -> dict:
        return {"content_path": Path(settings["PATH"])} if settings.get("PATH") else {}

    def fingerprint(self, fmt: str) -> str:
        """What, besides the source and width, changes an encoded copy of this format."""
        return f"q{self.quality[fmt]}"


def read_settings(settings) -> ResponsiveImagesSettings:
    """The build's validated copy, or validated here for tools and tests that run no build."""
    return read(dict(settings), ResponsiveImagesSettings)
