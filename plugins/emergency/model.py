"""The notice as templates, the feed and JSON-LD need it; pure functions of the document and the moment."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from ward_content.dates import to_datetime
from ward_content.feeds import FeedEntry

# ASCII keys for data-level and CSS; the Japanese level is what people read.
LEVEL_KEYS = {"緊急": "urgent", "警戒": "warning", "お知らせ": "notice"}


@dataclass(frozen=True)
class Notice:
    """A validated content/emergency.md with its rendered body."""

    level: str
    title: str
    summary: str
    issued: datetime
    updated: datetime | None
    expires: datetime | None
    body_html: str
    url: str  # site-relative, e.g. emergency/

    @property
    def level_key(self) -> str:
        return LEVEL_KEYS[self.level]

    @property
    def heading(self) -> str:
        """【緊急】 first, as the Digital Agency's banner does, so the weight is read before the title."""
        return f"【{self.level}】{self.title}"

    @property
    def last_changed(self) -> datetime:
        return self.updated or self.issued

    def active(self, now: datetime) -> bool:
        """Shown until its expiry; a notice without one stays until the file is deleted."""
        return self.expires is None or now < self.expires


def make_notice(meta, body_html: str, url: str) -> Notice:
    """A Notice from the validated front matter (EmergencyNotice)."""
    return Notice(
        level=meta.level,
        title=meta.title,
        summary=meta.summary,
        issued=to_datetime(meta.issued),
        updated=to_datetime(meta.updated) if meta.updated else None,
        expires=to_datetime(meta.expires) if meta.expires else None,
        body_html=body_html,
        url=url,
    )


def feed_entry(notice: Notice) -> FeedEntry:
    """The notice as an Atom entry, linked to its page (its id from WARD_IDENTITY and that path)."""
    return FeedEntry(
        title=notice.heading,
        path=notice.url,
        description=notice.summary,
        published=notice.issued,
        updated=notice.last_changed,
    )


def special_announcement(notice: Notice, public_url: str, area: str, publisher: str) -> str:
    """schema.org SpecialAnnouncement as JSON safe inside <script>."""
    data = {
        "@context": "https://schema.org",
        "@type": "SpecialAnnouncement",
        "name": notice.heading,
        "text": notice.summary,
        "datePosted": notice.issued.isoformat(),
        "url": f"{public_url}/{notice.url}",
        "spatialCoverage": {"@type": "AdministrativeArea", "name": area},
        "publisher": {"@type": "GovernmentOrganization", "name": publisher},
    }
    if notice.updated:
        data["dateModified"] = notice.updated.isoformat()
    if notice.expires:
        data["expires"] = notice.expires.isoformat()
    return json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
