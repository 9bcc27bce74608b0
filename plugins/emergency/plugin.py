"""Signal wiring of emergency mode: its content type, one generator, the notice first in the site's Atom feed."""

from __future__ import annotations

from html import escape

from pelican import signals

from ward_content.config import settings_models
from ward_content.identity import tag_uri
from ward_content.registry import content_types
from ward_content.settings import read_settings as read_ward_settings

from .generator import EmergencyGenerator
from .model import feed_entry
from .schema import KIND
from .settings import EmergencySettings


def provide_kinds(sender):
    return (KIND,)


def get_generators(pelican):
    return EmergencyGenerator


def add_to_site_feed(context, feed) -> None:
    """Aggregators that follow the site's main feed see the notice as its first entry."""
    notice = context.get("ward_emergency")
    site_feed = f"{context.get('FEED_DOMAIN') or ''}/{context.get('FEED_ALL_ATOM') or ''}"
    if notice is None or not context.get("FEED_ALL_ATOM") or feed.feed.get("feed_url") != site_feed:
        return
    public_url = (context.get("WARD_PUBLIC_URL") or context["SITEURL"]).rstrip("/")
    entry = feed_entry(notice)
    feed.add_item(
        title=entry.title,
        link=f"{public_url}/{entry.path}",
        # The site's one identity (ward_content.feeds), so the id survives a change of address.
        unique_id=tag_uri(read_ward_settings(context).identity, entry.path),
        # Plain text in a type="html" summary: escaped once here, as ward_content.feeds does.
        description=escape(entry.description),
        pubdate=entry.published,
        updateddate=entry.updated,
        author_name=context["AUTHOR"],
    )
    # feedgenerator keeps entries in insertion order; the notice goes first.
    feed.items.insert(0, feed.items.pop())


def provide_settings(sender):
    return EmergencySettings


def register() -> None:
    settings_models.connect(provide_settings)
    content_types.connect(provide_kinds)
    signals.get_generators.connect(get_generators)
    signals.feed_generated.connect(add_to_site_feed)
