"""The Atom feed of issues: newest first, each with its PDF as an enclosure."""

from __future__ import annotations

from collections.abc import Sequence

from ward_content.dates import to_datetime
from ward_content.feeds import FeedEntry, atom_bytes

from .model import Issue


def atom_feed(issues: Sequence[Issue], public_url: str, feed_path: str, landing_url: str) -> bytes | None:
    """Newest issues first; each links to its page and carries its PDF with the size. None without issues."""
    base = public_url.rstrip("/")
    entries = []
    for issue in issues:
        when = to_datetime(issue.issue_date)
        contents = "、".join(entry.title for entry in issue.contents)
        entries.append(
            FeedEntry(
                title=f"{issue.label} No.{issue.number}　特集「{issue.headline}」",
                link=f"{base}/{issue.url}",
                description=f"特集「{issue.headline}」。この号の内容: {contents}（{issue.pdf_label}）",
                published=when,
                updated=when,
                enclosure=(f"{base}/{issue.pdf_url}", issue.pdf.size, "application/pdf"),
            )
        )
    return atom_bytes(
        "広報よこはま金沢区版",
        f"{base}/{landing_url}",
        "横浜市金沢区の広報紙「広報よこはま金沢区版」の各号です。",
        f"{base}/{feed_path}",
        entries,
    )
