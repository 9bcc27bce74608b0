"""What subscribers rely on, read with feedparser and icalendar: every feed and calendar keeps its ids
when the site moves, each feed has its own id, author, xml:lang and the title of the page linking it,
and entries are dated by announcement and change, not by the build."""

from __future__ import annotations

import io

import feedparser
import pytest
from conftest import BUILD_DATE, article, build_site, soup
from icalendar import Calendar
from publishing_site import tiny_files
from reportlab.pdfgen import canvas

# Tiny builds without the publishing checks (no Java): in the fast tier, unlike most of tests/publishing/.
pytestmark = pytest.mark.build

IDENTITY = "tag:city.yokohama.lg.jp,2026:kanazawa/"


def tiny_pdf(pages: int = 4) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pageCompression=0, invariant=1)
    for number in range(pages):
        pdf.drawString(72, 720, f"page {number + 1}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def event(title: str, start: str, announced: str, **extra: str) -> str:
    lines = "".join(f"{key}: {value}\n" for key, value in extra.items())
    return (
        f"---\ntitle: {title}\nannounced: {announced}\n{lines}section: festival\nstart: {start}\n"
        "venue:\n  name: 海の公園\n  address: 横浜市金沢区海の公園\n---\n本文です。\n"
    )


def contract_files() -> dict[str, str | bytes]:
    files = tiny_files()
    files["news/changed.md"] = article("内容を直したお知らせ", "2026-10-01", modified="2026-11-10")
    files["events/hanabi.md"] = event("花火大会", "2027-08-22 19:00", "2026-11-01")
    files["events/moved.md"] = event(
        "延期した催し",
        "2026-12-05 10:00",
        "2026-10-01",
        event_status="延期",
        new_date="2026-12-19 10:00",
        sequence="1",
        modified="2026-11-20",
    )
    files["bulletins/2026-11.md"] = (
        "---\nissue_date: 2026-11-01\nnumber: 349\npdf: 2026-11.pdf\nheadline: 特集\n"
        "contents:\n- title: 特集記事\n  page: 2\n---\nこの号の紹介です。\n"
    )
    files["bulletins/2026-11.pdf"] = tiny_pdf()
    return files


def build(tmp_path, name: str, settings: str = "pelicanconf.py", **overrides):
    folder = tmp_path / name
    folder.mkdir()
    return build_site(folder, files=contract_files(), settings=settings, **overrides)


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    return build(tmp_path_factory.mktemp("contract"), "preview")


def feeds(output) -> dict[str, feedparser.FeedParserDict]:
    return {
        path.relative_to(output).as_posix(): feedparser.parse(path.read_bytes())
        for path in sorted((output / "feeds").glob("*.atom.xml"))
    }


def ids(output) -> set[str]:
    """Every feed id, entry id and calendar UID the build wrote."""
    found = set()
    for parsed in feeds(output).values():
        found.add(parsed.feed.id)
        found.update(entry.id for entry in parsed.entries)
    for path in output.rglob("*.ics"):
        found.update(str(item["UID"]) for item in Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    return found


def test_every_feed_is_well_formed_japanese_with_an_author_and_its_own_id(preview):
    parsed = feeds(preview)
    assert {"feeds/all.atom.xml", "feeds/news.atom.xml", "feeds/events.atom.xml", "feeds/bulletins.atom.xml"} <= set(
        parsed
    )
    feed_ids = [feed.feed.id for feed in parsed.values()]
    assert len(set(feed_ids)) == len(feed_ids)
    for path, feed in parsed.items():
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.version == "atom10"
        assert feed.feed.language == "ja", path
        assert feed.feed.author == "横浜市金沢区役所", path
        assert feed.feed.id == IDENTITY + path
        for entry in feed.entries:
            assert entry.id.startswith(IDENTITY), (path, entry.id)
            assert entry.author == "横浜市金沢区役所"
            assert entry.updated_parsed >= entry.published_parsed


def test_changing_the_site_address_changes_no_id(tmp_path, preview):
    moved = build(
        tmp_path,
        "moved",
        settings="publishconf.py",
        SITEURL="https://www.example.invalid/kanazawa",
        WARD_PUBLIC_URL="https://www.example.invalid/kanazawa",
        FEED_DOMAIN="https://www.example.invalid/kanazawa",
    )
    assert feeds(moved)["feeds/all.atom.xml"].feed.link.startswith("https://www.example.invalid/kanazawa")
    before = ids(preview)
    assert {f"{IDENTITY}events/hanabi/", f"{IDENTITY}news/changed/", f"{IDENTITY}bulletins/2026-11/"} <= before
    assert ids(moved) == before


def test_every_feed_is_titled_as_the_page_that_links_it(preview):
    parsed = feeds(preview)
    linked = {}
    for page in sorted(preview.rglob("*.html")):
        rel = page.relative_to(preview).as_posix()
        for link in soup(preview, rel).select('link[rel="alternate"][type="application/atom+xml"]'):
            path = link["href"].split("//", 1)[-1].split("/", 1)[-1]
            linked.setdefault(path, set()).add(link["title"])
    assert {"feeds/all.atom.xml", "feeds/news.atom.xml", "feeds/events.atom.xml"} <= set(linked)
    for path, titles in linked.items():
        assert titles == {parsed[path].feed.title}, path
    assert parsed["feeds/health.atom.xml"].feed.title == "健康の新着情報"


def test_entries_are_dated_by_announcement_and_change(preview):
    events = {entry.id: entry for entry in feeds(preview)["feeds/events.atom.xml"].entries}
    hanabi, moved = events[f"{IDENTITY}events/hanabi/"], events[f"{IDENTITY}events/moved/"]
    assert (hanabi.published, hanabi.updated) == ("2026-11-01T00:00:00+09:00", "2026-11-01T00:00:00+09:00")
    assert (moved.published, moved.updated) == ("2026-10-01T00:00:00+09:00", "2026-11-20T00:00:00+09:00")
    news = {entry.id: entry for entry in feeds(preview)["feeds/all.atom.xml"].entries}
    changed = news[f"{IDENTITY}news/changed/"]
    assert (changed.published, changed.updated) == ("2026-10-01T00:00:00+09:00", "2026-11-10T00:00:00+09:00")
    assert feeds(preview)["feeds/events.atom.xml"].feed.updated == "2026-11-20T00:00:00+09:00"


def test_another_build_day_changes_no_feed_or_calendar(tmp_path, preview):
    later = build(tmp_path, "later", WARD_BUILD_DATE="2027-01-05")
    assert BUILD_DATE != "2027-01-05"
    for rel in ("feeds/events.atom.xml", "feeds/all.atom.xml", "events/events.ics", "events/moved/event.ics"):
        assert (later / rel).read_bytes() == (preview / rel).read_bytes(), rel


def test_a_site_without_articles_dates_its_empty_feed_by_the_build(tmp_path):
    only_events = {"events/hanabi.md": event("花火大会", "2027-08-22 19:00", "2026-11-01")}
    output = build_site(tmp_path, files=only_events)
    parsed = feedparser.parse((output / "feeds/all.atom.xml").read_bytes())
    assert parsed.entries == [] and not parsed.bozo
    assert parsed.feed.updated == f"{BUILD_DATE}T00:00:00+09:00"
