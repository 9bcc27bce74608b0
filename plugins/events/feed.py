"""The Atom feed of events: dated by when each event was announced and last changed, never by the clock."""

from __future__ import annotations

from collections.abc import Sequence

from ward_content.dates import to_datetime
from ward_content.feeds import FeedEntry, FeedHead, atom_bytes

from .model import Event

# The events page links the feed with this title.
FEED_TITLE = "金沢区のイベント"


def feed_entry(event: Event) -> FeedEntry:
    """A 中止 or 延期 event says so in its title; `updated` is its `modified` day, else its announcement."""
    meta = event.meta
    announced = to_datetime(meta.announced)
    return FeedEntry(
        title=f"{'' if event.status == '予定' else f'【{event.status}】'}{event.title}（{event.label}）",
        path=event.url,
        description=f"{event.label}　会場: {meta.venue.name}。{meta.summary or ''}",
        published=announced,
        updated=to_datetime(meta.modified) if meta.modified else announced,
    )


def atom_feed(
    events: Sequence[Event], public_url: str, feed_path: str, settings: dict, max_items: int | None = None
) -> bytes | None:
    """The latest announced or changed events first. None without events."""
    head = FeedHead(FEED_TITLE, feed_path, "events/", "横浜市金沢区で開かれるまつり・イベント・教室です。")
    return atom_bytes(head, [feed_entry(event) for event in events], public_url, settings, max_items)
