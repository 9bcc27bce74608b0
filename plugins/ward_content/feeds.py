"""Every Atom feed of the site follows one contract (RFC 4287), whoever writes it.

- ids come from WARD_IDENTITY and the site path (ward_content.identity), never from the host name;
  each feed's id is made from its own path, so no two feeds share one;
- `published` is when the item was announced and `updated` moves only when the item changed, so
  a feed is the same bytes every day until something in it changes (no clock, no build date);
- every feed names its author, says xml:lang="ja", and is titled as the page that links it.

Plugin feeds (events, bulletins) are built here from FeedEntry values; Pelican's own article feeds
(all, one per section) are corrected by `restamp_pelican_feed` just before Pelican writes them.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape

from feedgenerator import Atom1Feed, Enclosure

from .dates import to_datetime
from .identity import tag_uri
from .settings import read_settings


@dataclass(frozen=True)
class FeedEntry:
    """One entry: site path, Japanese text, dates in Tokyo, and an optional enclosure (the PDF)."""

    title: str
    path: str  # site path of the page, e.g. "events/hanabi-2026/"
    description: str  # plain text, never markup
    published: datetime  # when it was announced
    updated: datetime  # when it last changed (= published if never)
    enclosure: tuple[str, int, str] | None = None  # (site path, bytes, media type)

    def order_key(self) -> tuple:
        """Latest change first, then latest announcement, then the path: a total order."""
        return (-self.updated.timestamp(), -self.published.timestamp(), self.path)


@dataclass(frozen=True)
class FeedHead:
    """What the feed says about itself; `title` is the one the page's <link rel="alternate"> shows."""

    title: str
    path: str  # where the feed is written, e.g. "feeds/events.atom.xml"
    landing: str  # site path of the page the feed follows, e.g. "events/"
    subtitle: str


def atom_bytes(
    head: FeedHead, entries: Sequence[FeedEntry], public_url: str, settings: dict, max_items: int | None = None
) -> bytes | None:
    """The feed document, newest change first; None without entries.

    feedgenerator dates an empty feed by the current time, which would make two builds differ;
    so no feed is written (or linked) until there is something in it.
    """
    if not entries:
        return None
    ward = read_settings(settings)
    base = public_url.rstrip("/")
    feed = Atom1Feed(
        title=head.title,
        link=f"{base}/{head.landing}",
        description=head.subtitle,
        language="ja",
        feed_url=f"{base}/{head.path}",
        feed_guid=tag_uri(ward.identity, head.path),
        author_name=settings["AUTHOR"],
    )
    for entry in sorted(entries, key=FeedEntry.order_key)[:max_items]:
        enclosures = []
        if entry.enclosure:
            path, size, media_type = entry.enclosure
            enclosures.append(Enclosure(f"{base}/{path}", str(size), media_type))
        feed.add_item(
            title=entry.title,
            link=f"{base}/{entry.path}",
            unique_id=tag_uri(ward.identity, entry.path),
            # Atom's summary is type="html": plain text is escaped once here, and the XML writer
            # escapes that once more, so a reader shows 「<b>」 as text and never runs markup.
            description=escape(entry.description),
            pubdate=entry.published,
            updateddate=entry.updated,
            author_name=settings["AUTHOR"],
            enclosures=enclosures,
        )
    out = io.StringIO()
    feed.write(out, "utf-8")
    return out.getvalue().encode("utf-8")


def _pelican_feed_heads(context: dict) -> dict[str, FeedHead]:
    """The feeds Pelican writes (all articles, one per section), by path, with the pages' titles."""
    heads = {}
    if context.get("FEED_ALL_ATOM"):
        path = context["FEED_ALL_ATOM"]
        heads[path] = FeedHead(f"{context['SITENAME']} 新着情報", path, "", context.get("SITESUBTITLE") or "")
    if context.get("CATEGORY_FEED_ATOM"):
        for section in read_settings(context).sections:
            path = str(context["CATEGORY_FEED_ATOM"]).format(slug=section.slug)
            heads[path] = FeedHead(f"{section.name}の新着情報", path, section.url, section.intro)
    return heads


def _site_path(url: str, base: str) -> str:
    return url.removeprefix(base.rstrip("/")).lstrip("/")


def restamp_pelican_feed(context: dict, feed) -> None:
    """`feed_generated` receiver: give Pelican's article feeds the same ids, titles and author as ours.

    Pelican dates entries well already (published = the article's date, updated = its `modified`),
    but makes ids from the host name, gives every feed the home page as its id, writes no xml:lang
    or feed author, and titles section feeds with the folder name ("… - health").
    """
    if not isinstance(feed, Atom1Feed):
        return
    ward = read_settings(context)
    path = _site_path(feed.feed["feed_url"], context.get("FEED_DOMAIN") or context["SITEURL"])
    head = _pelican_feed_heads(context).get(path)
    site = context["SITEURL"]
    if head is not None:
        feed.feed["title"] = head.title
        feed.feed["subtitle"] = head.subtitle
        feed.feed["link"] = f"{site.rstrip('/')}/{head.landing}"
    feed.feed["id"] = tag_uri(ward.identity, path)
    feed.feed["language"] = "ja"
    feed.feed["author_name"] = context["AUTHOR"]
    if not feed.items:
        # feedgenerator would date an empty feed by the clock; the build date keeps it reproducible.
        feed.latest_post_date = lambda: to_datetime(ward.build_date)
    names = {section.slug: section.name for section in ward.sections}
    for item in feed.items:
        if not str(item["unique_id"] or "").startswith(ward.identity):  # another plugin's entry may be made already
            item["unique_id"] = tag_uri(ward.identity, _site_path(item["link"], site))
        item["categories"] = [names.get(str(term), str(term)) for term in item["categories"]]
