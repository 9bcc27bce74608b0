"""Atom feeds of plugin pages (events, bulletins), built with feedgenerator; never dated by the clock."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from feedgenerator import Atom1Feed, Enclosure


@dataclass(frozen=True)
class FeedEntry:
    """One entry: absolute link, Japanese text, dates in Tokyo, and an optional enclosure (the PDF)."""

    title: str
    link: str
    description: str  # plain text, never markup
    published: datetime
    updated: datetime
    enclosure: tuple[str, int, str] | None = None  # (url, bytes, media type)


def atom_bytes(title: str, link: str, description: str, feed_url: str, entries: Sequence[FeedEntry]) -> bytes | None:
    """The feed document, or None without entries.

    feedgenerator dates an empty feed by the current time, which would make two builds differ;
    so no feed is written (or linked) until there is something in it.
    """
    if not entries:
        return None
    feed = Atom1Feed(title=title, link=link, description=description, language="ja", feed_url=feed_url, feed_guid=link)
    for entry in entries:
        enclosures = []
        if entry.enclosure:
            url, size, media_type = entry.enclosure
            enclosures.append(Enclosure(url, str(size), media_type))
        feed.add_item(
            title=entry.title,
            link=entry.link,
            unique_id=entry.link,
            # Atom's summary is type="html": plain text is escaped once here, and the XML writer
            # escapes that once more, so a reader shows 「<b>」 as text and never runs markup.
            description=escape(entry.description),
            pubdate=entry.published,
            updateddate=entry.updated,
            enclosures=enclosures,
        )
    out = io.StringIO()
    feed.write(out, "utf-8")
    return out.getvalue().encode("utf-8")
