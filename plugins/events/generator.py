"""The events generator: reads content/events/ and content/campaigns/, writes pages, ICS, Atom and CSV."""

from __future__ import annotations

from ward_content.folder_generator import WardFolderGenerator
from ward_content.opendata import read_publisher
from ward_content.registry import published_photo_path
from ward_content.rendering import document_html
from ward_content.settings import read_settings as read_ward_settings

from .calendar_view import WEEKDAY_HEADERS, calendars, month_key
from .campaign_schema import KIND as CAMPAIGN_KIND
from .event_schema import EVENT_SECTIONS
from .event_schema import KIND as EVENT_KIND
from .feed import atom_feed
from .ics import event_ics, to_ics
from .model import Campaign, Programme, by_month, make_event, make_programme
from .opendata import events_csv
from .record import event_record
from .settings import read_settings
from .structured import event_jsonld, jsonld_script


class EventsGenerator(WardFolderGenerator):
    """Every events page and file; never raises for a content mistake."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.events_settings = read_settings(self.settings)
        self.ward = read_ward_settings(self.settings)
        self.folders = (EVENT_KIND.folders[0], CAMPAIGN_KIND.folders[0])
        self.publisher = read_publisher(self.settings)
        self.csv_path = self.publisher.path("event", "csv")
        self.programme = Programme(self.ward.build_date, (), ())
        self.records: dict = {}
        self.csv_bytes = b""

    def generate_context(self) -> None:
        usable = self.read_documents(*self.folders)
        published = [d for d in usable if not d.is_draft]
        events = [make_event(d, document_html(d, self.ward.own_hosts)) for d in published if d.kind.name == "event"]
        campaigns = [(d, document_html(d, self.ward.own_hosts)) for d in published if d.kind.name == "campaign"]
        self.programme = make_programme(self.ward.build_date, events, campaigns)
        self.context["event_programme"] = self.programme
        self.context["upcoming_events"] = self.programme.upcoming[: self.events_settings.home_count]
        # Made here, not in generate_output: the open-data page states each file's size (JIS X 8341-3).
        root = self.content_set.root
        photo = lambda src: published_photo_path(src, root, self.settings)  # noqa: E731
        self.records = {
            e.url: event_record(e, self.publisher, self._public_url(), photo) for e in self.programme.events
        }
        self.csv_bytes = events_csv([self.records[e.url] for e in self.programme.events], self.publisher)
        # The file changes when an event does, not every day: dated by the latest announcement or change.
        changes = [e.meta.modified or e.meta.announced for e in self.programme.events]
        self.context.setdefault("ward_opendata", []).append(
            {
                "title": "イベント一覧",
                "url": self.csv_path,
                "format": "CSV",
                "description": "区のまつり・イベント・教室の一覧です（自治体標準オープンデータセット「イベント一覧」の項目順、"
                "文字コード UTF-8（BOM付き））。",
                "size": len(self.csv_bytes),
                "updated": max(changes, default=None),
            }
        )

    def _public_url(self) -> str:
        return self.settings.get("WARD_PUBLIC_URL") or self.settings["SITEURL"]

    def generate_output(self, writer) -> None:
        programme = self.programme
        public_url = self._public_url()
        section = self.ward.section("events")
        months = calendars(programme.occurrences, programme.today)
        this_month = month_key(programme.today.year, programme.today.month)
        common = {
            "section": section,
            "programme": programme,
            "today": programme.today,
            "this_month": this_month,
            "event_sections": EVENT_SECTIONS,
            "events_ics": self.events_settings.ics_path,
            # No events, no feed (ward_content.feeds.atom_bytes), so nothing to link.
            "events_feed": self.events_settings.feed_path if programme.events else None,
            "events_csv": self.csv_path,
        }
        self.write_page(
            writer, "events/index.html", "events/index.html", upcoming_months=by_month(programme.upcoming), **common
        )
        self.write_page(
            writer, "events/past.html", "events/past/index.html", past_months=by_month(programme.past), **common
        )
        for key, label, upcoming in programme.sections():
            self.write_page(
                writer,
                "events/section.html",
                f"events/section/{key}/index.html",
                section_key=key,
                section_label=label,
                upcoming_months=by_month(upcoming),
                **common,
            )
        for month in months:
            self.write_page(
                writer,
                "events/calendar.html",
                f"events/calendar/{month.key}/index.html",
                month=month,
                weekdays=WEEKDAY_HEADERS,
                month_key=month_key,
                **common,
            )
        for event in programme.events:
            self.write_page(
                writer,
                "events/event.html",
                f"{event.url}index.html",
                event=event,
                event_jsonld=jsonld_script(event_jsonld(event, self.records[event.url])),
                **common,
            )
            self.write_bytes(event.ics_url, lambda event=event: event_ics(event, public_url, self.ward.identity))
        for campaign in programme.campaigns:
            self.write_page(writer, "events/campaign.html", f"{campaign.url}index.html", campaign=campaign, **common)
        self.write_page(writer, "events/campaigns.html", "campaigns/index.html", **common)
        self.write_bytes(
            self.events_settings.ics_path, lambda: to_ics(programme.events, public_url, self.ward.identity)
        )
        self.write_bytes(self.csv_path, self.csv_bytes)
        if self.previews_drafts:
            self._write_drafts(writer, common, public_url)
        feed = atom_feed(
            programme.events,
            public_url,
            self.events_settings.feed_path,
            self.settings,
            self.events_settings.feed_max_items,
        )
        if feed is not None:  # none (and no link to it) until the first event
            self.write_bytes(self.events_settings.feed_path, feed)

    def _write_drafts(self, writer, common: dict, public_url: str) -> None:
        """Draft events and campaigns at /drafts/<URL>, for the preview only; lists and files never show them."""
        for doc in self.drafts_of("event"):
            event = make_event(doc, document_html(doc, self.ward.own_hosts))
            jsonld = jsonld_script(event_jsonld(event, event_record(event, self.publisher, public_url)))
            self.write_draft(writer, "events/event.html", event.url, event=event, event_jsonld=jsonld, **common)
        for doc in self.drafts_of("campaign"):
            html = document_html(doc, self.ward.own_hosts)
            named = tuple(e for e in self.programme.events if e.meta.campaign == doc.slug)
            campaign = Campaign(doc, html, doc.url, doc.slug, named)
            self.write_draft(writer, "events/campaign.html", campaign.url, campaign=campaign, **common)
