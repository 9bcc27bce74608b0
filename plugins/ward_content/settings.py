"""The foundation's settings, read once from Pelican's settings into a frozen object."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from .dates import parse_date, today_tokyo
from .errors import ConfigurationError
from .identity import read_identity


@dataclass(frozen=True)
class Section:
    """A top-level section of the site: お知らせ, 歴史, 広報..."""

    slug: str
    name: str
    intro: str
    # Sections whose landing page a plugin writes (history catalog, events, bulletins).
    landing_by_plugin: bool = False

    @property
    def url(self) -> str:
        """The landing page URL, e.g. `news/`."""
        return f"{self.slug}/"


@dataclass(frozen=True)
class WardSettings:
    """WARD_* settings with their defaults."""

    sections: tuple[Section, ...]
    build_date: date
    own_hosts: frozenset[str]
    default_contact: dict
    # Prefix of every Atom id and iCalendar UID (ward_content.identity); no host name in it.
    identity: str
    summary_length: int = 120
    latest_per_section: int = 5

    def section(self, slug: str) -> Section | None:
        """The section with this slug, or None."""
        return next((s for s in self.sections if s.slug == slug), None)


def read_settings(settings: dict) -> WardSettings:
    """Validate once, before any work; a wrong setting is a developer's error, raised at once."""
    raw_sections = settings.get("WARD_SECTIONS", ())
    try:
        sections = tuple(Section(**entry) for entry in raw_sections)
    except TypeError as exc:
        raise ConfigurationError(f"WARD_SECTIONS: expected dicts with slug, name, intro; {exc}") from None
    build_date = settings.get("WARD_BUILD_DATE") or today_tokyo()
    try:
        build_date = parse_date(build_date)
    except ValueError as exc:
        raise ConfigurationError(f"WARD_BUILD_DATE: expected YYYY-MM-DD, received {build_date!r}") from exc
    hosts = {urlsplit(settings.get("SITEURL") or "").hostname, urlsplit(settings.get("WARD_PUBLIC_URL") or "").hostname}
    return WardSettings(
        sections=sections,
        build_date=build_date,
        own_hosts=frozenset(h for h in hosts if h),
        default_contact=dict(settings.get("WARD_DEFAULT_CONTACT", {})),
        identity=read_identity(settings),
        summary_length=int(settings.get("WARD_SUMMARY_LENGTH", 120)),
        latest_per_section=int(settings.get("WARD_LATEST_PER_SECTION", 5)),
    )
