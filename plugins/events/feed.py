"""The Atom feed of events, built with feedgenerator; each entry is dated by the event's page date."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from feedgenerator import Atom1Feed

from ward_content.dates import to_datetime

from .model import Event


def atom_feed(events: Sequence[Event], public_url: str, feed_path: str, today: date) -> bytes:
    """Events in date order, nearest first; the feed is dated by the build date, never the clock."""
    base = public_url.rstrip("/")
    feed = Atom1Feed(
        title="金沢区のイベント",
        link=f"{base}/events/",
        description="横浜市金沢区で開かれるまつり・イベント・教室です。",
        language="ja",
        feed_url=f"{base}/{feed_path}",
        feed_guid=f"{base}/events/",
    )
    updated = to_datetime(today)
    for event in events:
        prefix = f"【{event.status}】" if event.status != "予定" else ""
        feed.add_item(
            title=f"{prefix}{event.title}（{event.label}）",
            link=f"{base}/{event.url}",
            unique_id=f"{base}/{event.url}",
            description=f"{event.label}　会場: {event.meta.venue.name}。{event.meta.summary or ''}",
            pubdate=to_datetime(event.start),
            updateddate=updated,
        )
    out = io.StringIO()
    feed.write(out, "utf-8")
    return out.getvalue().encode("utf-8")
