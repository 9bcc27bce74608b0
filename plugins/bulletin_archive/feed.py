"""The Atom feed of issues, built with feedgenerator."""

from __future__ import annotations

import io
from collections.abc import Sequence

from feedgenerator import Atom1Feed, Enclosure

from ward_content.dates import to_datetime

from .model import Issue


def atom_feed(issues: Sequence[Issue], public_url: str, feed_path: str, landing_url: str) -> bytes:
    """Newest issues first; each links to its page and carries its PDF as an enclosure with the size."""
    base = public_url.rstrip("/")
    feed = Atom1Feed(
        title="広報よこはま金沢区版",
        link=f"{base}/{landing_url}",
        description="横浜市金沢区の広報紙「広報よこはま金沢区版」の各号です。",
        language="ja",
        feed_url=f"{base}/{feed_path}",
        feed_guid=f"{base}/{landing_url}",
    )
    for issue in issues:
        when = to_datetime(issue.issue_date)
        contents = "、".join(entry.title for entry in issue.contents)
        feed.add_item(
            title=f"{issue.label} No.{issue.number}　特集「{issue.headline}」",
            link=f"{base}/{issue.url}",
            unique_id=f"{base}/{issue.url}",
            description=f"特集「{issue.headline}」。この号の内容: {contents}（{issue.pdf_label}）",
            pubdate=when,
            updateddate=when,
            enclosures=[Enclosure(f"{base}/{issue.pdf_url}", str(issue.pdf.size), "application/pdf")],
        )
    out = io.StringIO()
    feed.write(out, "utf-8")
    return out.getvalue().encode("utf-8")
