"""The Atom feed of issues: newest first, each with its PDF as an enclosure."""

from __future__ import annotations

from collections.abc import Sequence

from ward_content.dates import to_datetime
from ward_content.feeds import FeedEntry, FeedHead, atom_bytes

from .model import Issue

# The bulletins page links the feed with this title.
FEED_TITLE = "広報よこはま金沢区版の新しい号"


def atom_feed(
    issues: Sequence[Issue], public_url: str, feed_path: str, landing_url: str, settings: dict
) -> bytes | None:
    """Newest issues first; each links to its page and carries its PDF with the size. None without issues."""
    entries = []
    for issue in issues:
        when = to_datetime(issue.issue_date)
        contents = "、".join(entry.title for entry in issue.contents)
        entries.append(
            FeedEntry(
                title=f"{issue.label} No.{issue.number}　特集「{issue.headline}」",
                path=issue.url,
                description=f"特集「{issue.headline}」。この号の内容: {contents}（{issue.pdf_label}）",
                published=when,
                updated=when,
                enclosure=(issue.pdf_url, issue.pdf.size, "application/pdf"),
            )
        )
    head = FeedHead(FEED_TITLE, feed_path, landing_url, "横浜市金沢区の広報紙「広報よこはま金沢区版」の各号です。")
    return atom_bytes(head, entries, public_url, settings)
