"""CMS_* settings, read once into a frozen object."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

# The committed, generated configuration (`invoke cms-config`).
DEFAULT_CONFIG = Path(__file__).resolve().parents[2] / "admin" / "config.yml"


@dataclass(frozen=True)
class CmsSettings:
    """Whether /admin/ is written, where its configuration comes from, and the production backend."""

    enabled: bool = True
    config: Path = DEFAULT_CONFIG
    save_as: str = "admin/index.html"
    github_repo: str = "OWNER/REPOSITORY"
    github_branch: str = "main"
    auth_base_url: str | None = None
    auth_endpoint: str | None = None
    # Where the decompressed Decap bundle is kept between builds (None: not kept).
    cache: Path | None = None


def read_settings(settings: dict) -> CmsSettings:
    """CMS_ENABLED, CMS_CONFIG, CMS_GITHUB_REPO, CMS_GITHUB_BRANCH, CMS_AUTH_BASE_URL, CMS_AUTH_ENDPOINT,
    CMS_CACHE_PATH (default .cache/cms_admin beside the content folder, as the other derived files)."""
    defaults = CmsSettings()
    cache = (
        settings.get("CMS_CACHE_PATH") or Path(settings.get("PATH") or ".").resolve().parent / ".cache" / "cms_admin"
    )
    return CmsSettings(
        cache=Path(cache),
        enabled=bool(settings.get("CMS_ENABLED", defaults.enabled)),
        config=Path(settings.get("CMS_CONFIG") or defaults.config),
        github_repo=settings.get("CMS_GITHUB_REPO", defaults.github_repo),
        github_branch=settings.get("CMS_GITHUB_BRANCH", defaults.github_branch),
        auth_base_url=settings.get("CMS_AUTH_BASE_URL", defaults.auth_base_url),
        auth_endpoint=settings.get("CMS_AUTH_ENDPOINT", defaults.auth_endpoint),
    )
