"""The committed sample events and campaigns: valid, spread over a year around the build date, facts from the seed."""

import re
from datetime import date

import pytest
from conftest import BUILD_DATE, ROOT, build_site, check_tree, load_document, soup
from events.model import make_event, make_programme

CONTENT = ROOT / "content"
TODAY = date.fromisoformat(BUILD_DATE)
WARD_OFFICE = "横浜市金沢区泥亀2-9-1"


def _docs(folder):
    return [load_document(CONTENT, f"{folder}/{p.name}") for p in sorted((CONTENT / folder).glob("*.md"))]


def _programme():
    return make_programme(TODAY, [make_event(d) for d in _docs("events")], [(d, "") for d in _docs("campaigns")])


def test_sample_events_and_campaigns_have_no_problems():
    errors = [
        e.format() for e in check_tree(CONTENT).errors if e.path.startswith(("content/events/", "content/campaigns/"))
    ]
    assert errors == []


def test_at_least_twelve_events_across_the_sections_some_past_some_upcoming():
    programme = _programme()
    assert len(programme.events) >= 12
    assert {"festival", "history", "reading", "kosodate", "health"} <= {e.meta.section for e in programme.events}
    assert len({o.event.slug for o in programme.past}) >= 4
    assert len({o.event.slug for o in programme.upcoming}) >= 6
    days = [o.first_day for o in programme.occurrences]
    assert min(days) <= date(2026, 5, 31) and max(days) >= date(2027, 4, 1)
    assert [e.status for e in programme.events].count("中止") >= 1
    assert [e.status for e in programme.events].count("延期") >= 1


def test_fireworks_on_the_fourth_saturday_of_august_with_a_rain_date():
    hanabi = load_document(CONTENT, "events/hanabi-2026.md").meta
    start = hanabi.start
    assert (start.date(), start.weekday(), (start.day - 1) // 7 + 1) == (date(2026, 8, 22), 5, 4)
    assert (f"{start:%H:%M}", f"{hanabi.end:%H:%M}") == ("19:00", "20:00")
    assert hanabi.venue.name == "海の公園" and hanabi.organizer == "金沢まつり実行委員会"
    assert hanabi.backup_date == date(2026, 8, 23)


def test_the_seeds_campaigns_with_every_status():
    programme = _programme()
    titles = " ".join(c.title for c in programme.campaigns)
    for name in ("歯っぴい", "知って・防いで・支えて", "のばそう健康寿命", "読書活動推進", "エコアクション"):
        assert name in titles
    assert {c.status(TODAY) for c in programme.campaigns} == {"実施中", "予定", "終了"}
    assert all(c.events for c in programme.campaigns)


def test_no_invented_phone_numbers_or_street_addresses():
    for doc in _docs("events") + _docs("campaigns"):
        text = (CONTENT / doc.rel_path).read_text(encoding="utf-8")
        assert not re.search(r"\d{2,4}-\d{2,4}-\d{4}", text), doc.shown
        if doc.kind.name == "event" and doc.meta.venue.address != WARD_OFFICE:
            assert not re.search(r"\d", doc.meta.venue.address), doc.shown


@pytest.fixture(scope="module")
def sample_events_site(tmp_path_factory):
    files = {
        f"{folder}/{p.name}": p.read_text(encoding="utf-8")
        for folder in ("events", "campaigns")
        for p in sorted((CONTENT / folder).glob("*.md"))
    }
    return build_site(tmp_path_factory.mktemp("sample-events"), files=files)


def test_sample_events_build_and_the_fireworks_page_reads_right(sample_events_site):
    page = soup(sample_events_site, "events/hanabi-2026/index.html")
    assert (
        page.select_one(".ward-event__facts dd")
        .get_text(" ", strip=True)
        .startswith("2026年8月22日（土）19:00〜20:00 雨天順延")
    )
    assert (sample_events_site / "events/hanabi-2026/event.ics").is_file()
    home = soup(sample_events_site, "index.html")
    assert home.select_one("#home-events").get_text() == "近日のイベント"


def test_calendars_are_the_bytes_icalendar_writes_for_them():
    """Each event's lines are written once and shared by its own file and the calendar of all: the
    calendars are still exactly what icalendar writes for the whole calendar object."""
    from events import ics

    events = [make_event(d) for d in _docs("events")]
    public, identity = "https://www.example.jp", "tag:city.yokohama.lg.jp,2026:kanazawa/"

    def reference(chosen, name):
        cal = ics._calendar(name)
        for event in sorted(chosen, key=lambda e: (e.url, e.slug)):
            cal.add_component(ics._vevent(event, public, identity))
        cal.add_missing_timezones()
        return cal.to_ical()

    assert len(events) > 5 and any(e.status == "中止" for e in events)
    assert ics.to_ics(events, public, identity) == reference(events, "金沢区のイベント")
    for event in events:
        assert ics.event_ics(event, public, identity) == reference([event], event.title)
    assert ics.to_ics([], public, identity) == reference([], "金沢区のイベント")
