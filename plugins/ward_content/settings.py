"""The foundation's settings, read once from Pelican's settings into a frozen object."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from .config import PluginSettings, read
from .dates import parse_date, today_tokyo
from .identity import IDENTITY_PATTERN
from .verdicts import Verdicts


class Section(BaseModel):
    """A top-level section of the site: お知らせ, 歴史, 広報..."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    slug: str
    name: str
    intro: str
    # Sections whose landing page a plugin writes (history catalog, events, bulletins).
    landing_by_plugin: bool = False

    @property
    def url(self) -> str:
        """The landing page URL, e.g. `news/`."""
        return f"{self.slug}/"


class WardSettings(PluginSettings):
    """WARD_* settings with their defaults."""

    prefix: ClassVar[str] = "WARD_"
    # Read by publishconf.py and the publishing tools, not by a plugin.
    foreign: ClassVar[frozenset[str]] = frozenset({"WARD_CNAME"})

    sections: tuple[Section, ...] = ()
    # None: today in Asia/Tokyo (the daily build); tests and reproducible builds fix it.
    build_date: date | None = None
    public_url: str | None = None
    default_contact: dict = Field(default_factory=dict)
    summary_length: int = Field(120, gt=0)
    latest_per_section: int = Field(5, gt=0)
    own_hosts: frozenset[str] = frozenset()  # derived from SITEURL and WARD_PUBLIC_URL
    # Prefix of every Atom id and iCalendar UID (ward_content.identity): a tag URI, no host name in it.
    identity: str = "tag:city.yokohama.lg.jp,2026:kanazawa/"
    # The open data's publisher (ward_content.opendata): 全国地方公共団体コード and names of the same body.
    opendata_code: str = "141003"
    opendata_prefecture: str = Field("神奈川県", min_length=1)
    opendata_municipality: str = Field("横浜市", min_length=1)
    opendata_location_code: str = "141089"
    opendata_ward: str = Field("金沢区", min_length=1)
    # What one content file may cost, e.g. {"pdf_pages": 200}; see ward_content.limits.Limits for the
    # names and defaults (read there by `read_limits`, which the check and the build both use).
    limits: dict = Field(default_factory=dict)
    # Processes that load the content set and render the pages (ward_content.forking): 0 = one per
    # core once there are MIN_ITEMS_TO_FORK files or pages; 1 = this process only; n = n processes.
    processes: int = Field(0, ge=0, le=16)
    # Where verdicts of costly file checks (a PDF's pages and active content, a photo's decoding) are kept,
    # keyed by the file's bytes (ward_content.verdicts); default .cache/content_checks beside content/.
    check_cache_path: Path | None = None

    @field_validator("limits")
    @classmethod
    def _limits(cls, value):
        from .errors import ConfigurationError
        from .limits import read_limits

        try:
            read_limits({"WARD_LIMITS": value})
        except ConfigurationError as exc:
            raise ValueError(str(exc).removeprefix("WARD_LIMITS: ")) from None
        return value

    @field_validator("build_date", mode="before")
    @classmethod
    def _date(cls, value):
        if value is None or isinstance(value, date):
            return value
        try:
            return parse_date(value)
        except ValueError:
            raise ValueError("expected YYYY-MM-DD") from None

    @field_validator("identity")
    @classmethod
    def _identity(cls, value: str) -> str:
        if not re.match(IDENTITY_PATTERN, value):
            raise ValueError("expected a tag URI prefix such as 'tag:city.yokohama.lg.jp,2026:kanazawa/'")
        return value

    @field_validator("opendata_code", "opendata_location_code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not re.fullmatch(r"\d{6}", value):
            raise ValueError("expected a 6-digit 全国地方公共団体コード")
        return value

    @model_validator(mode="after")
    def _today(self):
        if self.build_date is None:
            object.__setattr__(self, "build_date", today_tokyo())
        return self

    @classmethod
    def derived(cls, settings: dict) -> dict:
        hosts = {
            urlsplit(settings.get("SITEURL") or "").hostname,
            urlsplit(settings.get("WARD_PUBLIC_URL") or "").hostname,
        }
        values: dict = {"own_hosts": frozenset(h for h in hosts if h)}
        if not settings.get("WARD_CHECK_CACHE_PATH") and settings.get("PATH"):
            values["check_cache_path"] = Path(settings["PATH"]).resolve().parent / ".cache" / "content_checks"
        return values

    @property
    def verdicts(self) -> Verdicts:
        """The kept verdicts of costly file checks (ward_content.verdicts)."""
        return Verdicts(self.check_cache_path)

    def section(self, slug: str) -> Section | None:
        """The section with this slug, or None."""
        return next((s for s in self.sections if s.slug == slug), None)


def read_settings(settings: dict) -> WardSettings:
    """Validated once per build (the build's copy), or here for tools that run no build."""
    return read(settings, WardSettings)
