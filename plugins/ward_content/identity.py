"""Permanent identifiers: every Atom id and iCalendar UID is made from WARD_IDENTITY, never from a host name.

A tag URI (RFC 4151) names an authority and a date at which it held the name, so it stays true when
the site moves from its preview address to its real domain: a feed reader shows nothing as new again
and a calendar subscriber gets no duplicate events.
"""

from __future__ import annotations

import re

from .errors import ConfigurationError

# tag:<domain>,<YYYY[-MM[-DD]]>:<prefix>, the prefix ending in "/" so a site path follows it.
IDENTITY_PATTERN = r"^tag:[a-z0-9-]+(\.[a-z0-9-]+)+,\d{4}(-\d{2}){0,2}:[A-Za-z0-9._~-]+/$"
_IDENTITY = re.compile(IDENTITY_PATTERN)


def read_identity(settings: dict) -> str:
    """WARD_IDENTITY, checked once; a wrong value is a developer's error."""
    value = settings.get("WARD_IDENTITY")
    if not isinstance(value, str) or not _IDENTITY.match(value):
        raise ConfigurationError(
            "WARD_IDENTITY: expected a tag URI prefix such as 'tag:city.yokohama.lg.jp,2026:kanazawa/', "
            f"received {value!r}"
        )
    return value


def tag_uri(identity: str, path: str) -> str:
    """The id of the page or file at a site path (`events/hanabi-2026/`, `feeds/all.atom.xml`)."""
    if "://" in path:
        raise ValueError(f"expected a site path, not a URL: {path!r}")
    return identity + path.lstrip("/")
