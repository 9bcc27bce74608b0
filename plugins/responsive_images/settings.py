"""RESPONSIVE_IMAGES_* settings, read once into a frozen object with defaults."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from PIL import features

from ward_content.errors import ConfigurationError

MODERN_FORMATS = ("avif", "webp")
DEFAULT_QUALITY = {"avif": 55, "webp": 78, "jpeg": 80, "png": 0}


@dataclass(frozen=True)
class ResponsiveImagesSettings:
    """Widths and formats of the published copies, the `sizes` of a photo in the text column, the cache."""

    widths: tuple[int, ...] = (480, 960, 1600)
    # Offered in this order before the JPEG/PNG fallback; AVIF only where this Pillow can write it.
    formats: tuple[str, ...] = MODERN_FORMATS
    quality: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_QUALITY))
    # The text column is 42rem wide at most, with 1rem of padding each side on a phone.
    sizes: str = "(min-width: 44rem) 42rem, calc(100vw - 2rem)"
    cache_path: Path = Path(".cache/responsive_images")
    workers: int = 2

    def fingerprint(self, fmt: str) -> str:
        """What, besides the source and width, changes an encoded copy of this format."""
        return f"q{self.quality[fmt]}"


def read_settings(settings) -> ResponsiveImagesSettings:
    """Validate every RESPONSIVE_IMAGES_* value before any work; a wrong value is a developer's error."""
    widths = settings.get("RESPONSIVE_IMAGES_WIDTHS", ResponsiveImagesSettings.widths)
    if (
        isinstance(widths, (str, bytes))
        or not widths
        or not all(isinstance(w, int) and 16 <= w <= 8192 for w in widths)
    ):
        raise ConfigurationError(
            f"RESPONSIVE_IMAGES_WIDTHS: expected a list of widths in pixels (16 to 8192), received {widths!r}"
        )
    formats = settings.get("RESPONSIVE_IMAGES_FORMATS", MODERN_FORMATS)
    if isinstance(formats, str) or any(f not in MODERN_FORMATS for f in formats):
        raise ConfigurationError(
            f"RESPONSIVE_IMAGES_FORMATS: expected a list of: {', '.join(MODERN_FORMATS)}, but received {formats!r}"
        )
    formats = tuple(f for f in formats if f != "avif" or features.check("avif"))
    quality = dict(DEFAULT_QUALITY)
    given = settings.get("RESPONSIVE_IMAGES_QUALITY") or {}
    for name, value in sorted(given.items()):
        if name not in quality or name == "png" or not isinstance(value, int) or not 1 <= value <= 100:
            raise ConfigurationError(
                "RESPONSIVE_IMAGES_QUALITY: expected {'avif'|'webp'|'jpeg': 1 to 100}, "
                f"but received {name!r}: {value!r}"
            )
        quality[name] = value
    workers = settings.get("RESPONSIVE_IMAGES_WORKERS") or min(2, os.cpu_count() or 1)
    if not isinstance(workers, int) or workers < 1:
        raise ConfigurationError(f"RESPONSIVE_IMAGES_WORKERS: expected a positive integer, received {workers!r}")
    default_cache = Path(settings["PATH"]).resolve().parent / ".cache" / "responsive_images"
    return ResponsiveImagesSettings(
        widths=tuple(sorted(set(widths))),
        formats=formats,
        quality=quality,
        sizes=str(settings.get("RESPONSIVE_IMAGES_SIZES") or ResponsiveImagesSettings.sizes),
        cache_path=Path(settings.get("RESPONSIVE_IMAGES_CACHE_PATH") or default_cache),
        workers=workers,
    )
