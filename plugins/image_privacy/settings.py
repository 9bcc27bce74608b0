"""IMAGE_PRIVACY_* settings: one typed model, validated once per build with every plugin's settings."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pydantic import field_validator

from ward_content.config import Percent, PluginSettings, read


class ImagePrivacySettings(PluginSettings):
    """Which copied folders are cleaned, where cleaned copies are cached, how re-encoded JPEGs are saved."""

    prefix: ClassVar[str] = "IMAGE_PRIVACY_"

    folders: tuple[str, ...] = ("images", "files")
    cache_path: Path = Path(".cache/image_privacy")
    # Only used when a photo had to be rotated upright; otherwise the original quantisation is kept.
    jpeg_quality: Percent = 90
    webp_quality: Percent = 90

    @field_validator("folders", mode="before")
    @classmethod
    def _folders(cls, value):
        if isinstance(value, str) or not all(isinstance(f, str) and f for f in value):
            raise ValueError("expected a list of folder names")
        return tuple(f.strip("/") for f in value)

    @classmethod
    def derived(cls, settings: dict) -> dict:
        # Defaults that depend on other settings: the static folders, and a cache beside content/.
        values: dict = {}
        if "IMAGE_PRIVACY_FOLDERS" not in settings:
            values["folders"] = settings.get("STATIC_PATHS") or ("images",)
        if not settings.get("IMAGE_PRIVACY_CACHE_PATH"):
            values["cache_path"] = Path(settings["PATH"]).resolve().parent / ".cache" / "image_privacy"
        return values


def provide_settings(sender) -> type[ImagePrivacySettings]:
    return ImagePrivacySettings


def read_settings(settings: dict) -> ImagePrivacySettings:
    """Validated once per build (the build's copy), or here for tools that run no build."""
    return read(settings, ImagePrivacySettings)
