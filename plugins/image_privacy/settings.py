"""IMAGE_PRIVACY_* settings, read once into a frozen object with defaults."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ward_content.errors import ConfigurationError


@dataclass(frozen=True)
class ImagePrivacySettings:
    """Which copied folders are cleaned, where cleaned copies are cached, how re-encoded JPEGs are saved."""

    folders: tuple[str, ...] = ("images", "files")
    cache_path: Path = Path(".cache/image_privacy")
    # Only used when a photo had to be rotated upright; otherwise the original quantisation is kept.
    jpeg_quality: int = 90
    webp_quality: int = 90


def read_settings(settings: dict) -> ImagePrivacySettings:
    """Validate every IMAGE_PRIVACY_* value before any work; a wrong value is a developer's error."""
    folders = settings.get("IMAGE_PRIVACY_FOLDERS")
    if folders is None:
        folders = settings.get("STATIC_PATHS") or ("images",)
    if isinstance(folders, str) or not all(isinstance(f, str) and f for f in folders):
        raise ConfigurationError(f"IMAGE_PRIVACY_FOLDERS: expected a list of folder names, received {folders!r}")
    values = {}
    for name in ("jpeg_quality", "webp_quality"):
        key = f"IMAGE_PRIVACY_{name.upper()}"
        value = settings.get(key, getattr(ImagePrivacySettings, name))
        if not isinstance(value, int) or not 1 <= value <= 100:
            raise ConfigurationError(f"{key}: expected an integer from 1 to 100, received {value!r}")
        values[name] = value
    default_cache = Path(settings["PATH"]).resolve().parent / ".cache" / "image_privacy"
    return ImagePrivacySettings(
        folders=tuple(str(f).strip("/") for f in folders),
        cache_path=Path(settings.get("IMAGE_PRIVACY_CACHE_PATH") or default_cache),
        **values,
    )
