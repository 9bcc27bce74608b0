"""A tiny real site with events and campaigns, asserted with CSS selectors, and its ICS, Atom, CSV and JSON-LD."""

import csv
import io
import json
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta

import pytest
from conftest import ROOT, build_site, content_scope, soup, write_files
from event_fixtures import campaign_text, event_text
from events.generator import EventsGenerator
from events.opendata import COLUMNS
from icalendar import Calendar

from tools.site_build import load_settings

HANABI = event_text(
    "金沢まつり花火大会",
    start="2026-08-22 19:00",
    end="2026-08-22 20:00",
    backup_date="2026-08-23",
    organizer="金沢まつり実行委員会",
    fee="無料",
    title_kana="カナザワマツリハナビタイカイ",
    summary="海の公園で開く花火大会です。",
)
FILES = {
    "events/hanabi-2026.md": HANABI,
    "events/walk.md": event_text(
        "称名寺歴史散歩",
        start="2026-12-05 10:00",
        end="2026-12-05 12:00",
        section="history",
        venue={"name": "称名寺", "address": "横浜市金沢区金沢町", "latitude": 35.3441806, "longitude": 139.6303917},
        bring="歩きやすい靴",
        registration={"required": True, "deadline": "2026-11-30", "method": "電話で申し込んでください"},
        capacity="先着30人",
    ),
    "events/dental.md": event_text(
        "歯と口の健康づくり教室",
        start="2026-12-12 10:00",
        section="health",
        event_status="中止",
        campaign="happy-teeth",
    ),
    "events/asaina.md": event_text(
        "朝夷奈切通を歩く",
        start="2026-11-21 09:30",
        end="2026-11-21 12:00",
        section="history",
        event_status="延期",
        new_date="2027-01-16 09:30",
    ),
    "events/class.md": event_text(
        "認知症予防教室",
        start="2027-01-13 10:00",
        end="2027-01-13 11:30",
        section="health",
        campaign="happy-teeth",
        recurrence={"frequency": "weekly", "until": "2027-01-27"},
    ),
    "events/yearend.md": event_text("年末年始の展示", start="2026-12-28", end="2027-01-03", section="reading"),
    "events/draft.md": event_text("下書きの催し", status="draft"),
    "campaigns/happy-teeth.md": campaign_text(partners=["金沢区歯科医師会"]),
    "campaigns/old.md": campaign_text("のばそう健康寿命！", start="2025-04-01", end="2026-03-31"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("events"), files=FILES)


def _texts(page, selector):
    return [el.get_text(" ", strip=True) for el in page.select(selector)]


def test_landing_lists_upcoming_events_by_month_then_links_to_past_ones(site):
    page = soup(site, "events/index.html")
    assert page.select_one("h1").get_text() == "まつり・イベント"
    assert "金沢まつり花火大会をはじめ" in page.select_one(".ward-lead").get_text()
    assert _texts(page, ".ward-event-month h3") == ["2026年12月", "2027年1月"]
    titles = [a.get_text() for a in page.select(".ward-event-list__title a")]
    assert titles[:3] == ["称名寺歴史散歩", "歯と口の健康づくり教室", "年末年始の展示"]
    assert "金沢まつり花火大会" not in titles and "下書きの催し" not in titles
    assert titles.count("認知症予防教室") == 3
    assert page.select_one(".ward-event-past-link a")["href"].endswith("/events/past/")
    assert "中止" in page.select_one('.ward-event-list__item[data-status="中止"] .ward-event-status').get_text()


def test_past_page_holds_the_fireworks(site):
    page = soup(site, "events/past/index.html")
    assert [a.get_text() for a in page.select(".ward-event-list__title a")] == ["金沢まつり花火大会"]


def test_section_filter_pages_are_real_pages(site):
    page = soup(site, "events/section/history/index.html")
    assert page.select_one("h1").get_text() == "歴史のイベント"
    assert [a.get_text() for a in page.select(".ward-event-list__title a")] == ["称名寺歴史散歩", "朝夷奈切通を歩く"]
    assert (site / "events/section/health/index.html").is_file()
    assert not (site / "events/section/eco/index.html").exists()


def test_event_page_date_venue_map_registration_and_calendar_link(site):
    page = soup(site, "events/walk/index.html")
    facts = dict(zip(_texts(page, ".ward-event__facts dt"), _texts(page, ".ward-event__facts dd"), strict=True))
    assert facts["日時"] == "2026年12月5日（土）10:00〜12:00"
    assert facts["持ち物"] == "歩きやすい靴"
    assert facts["申込み"] == "必要（締切：2026年11月30日（月）） 電話で申し込んでください"
    map_link = page.select_one(".ward-event__facts a[href^='https://maps.gsi.go.jp/']")
    assert map_link["href"] == "https://maps.gsi.go.jp/#17/35.3441806/139.6303917/"
    ics = page.select_one(".ward-event__ics a")
    assert ics.get_text() == "カレンダーに追加（iCalendar形式）" and ics["href"].endswith("/events/walk/event.ics")


def test_fireworks_page_shows_the_rain_date(site):
    page = soup(site, "events/hanabi-2026/index.html")
    when = page.select(".ward-event__facts dd")[0].get_text(" ", strip=True)
    assert when == "2026年8月22日（土）19:00〜20:00 雨天順延：予備日 2026年8月23日（日）"


def test_cancelled_event_says_so_at_the_top(site):
    page = soup(site, "events/dental/index.html")
    first = page.select_one("article.ward-event > *")
    assert first["class"] == ["ward-event__notice"] and "中止" in first.get_text()
    assert page.select_one("h1").get_text() == "【中止】歯と口の健康づくり教室"
    assert page.select_one(".ward-event__ics") is None


def test_postponed_event_shows_old_and_new_dates(site):
    notice = soup(site, "events/asaina/index.html").select_one(".ward-event__notice")
    assert notice.get_text(" ", strip=True).endswith(
        "2026年11月21日（土）9:30から 2027年1月16日（土）9:30〜12:00 に延期しました。"
    )


def test_calendar_pages_are_accessible_tables_with_neighbours(site):
    page = soup(site, "events/calendar/2026-11/index.html")
    table = page.select_one("table.ward-calendar")
    assert table.caption.get_text() == "2026年11月のイベント（0件）"
    assert [th["scope"] for th in table.select("thead th")] == ["col"] * 7
    assert _texts(table, "thead th") == list("日月火水木金土")
    first_row = [td.select_one(".ward-calendar__day") for td in table.select("tbody tr")[0].select("td")]
    assert [d.contents[0].strip() for d in first_row] == [str(n) for n in range(1, 8)]
    assert table.select_one('td[aria-current="date"] .ward-calendar__day').contents[0] == "28"
    pager = page.select_one(".ward-calendar-pager")
    assert [a["href"].rsplit("/", 2)[-2] for a in pager.select("a")] == ["2026-10", "2026-12"]
    assert page.find("script") is None


def test_december_calendar_runs_into_january(site):
    page = soup(site, "events/calendar/2026-12/index.html")
    last_row = page.select("table.ward-calendar tbody tr")[-1].select("td")
    assert [td.select_one(".ward-calendar__day").contents[0] for td in last_row[:5]] == ["27", "28", "29", "30", "31"]
    assert [td.get("class") for td in last_row[5:]] == [["ward-calendar__empty"]] * 2
    assert "年末年始の展示" in last_row[1].get_text()
    next_link = page.select_one(".ward-calendar-pager__next a")
    assert next_link["href"].endswith("/events/calendar/2027-01/") and next_link.get_text() == "次の月（2027年1月）"
    january = soup(site, "events/calendar/2027-01/index.html").select("table.ward-calendar tbody tr")[0].select("td")
    assert "年末年始の展示" in january[5].get_text() and "年末年始の展示" in january[6].get_text()


def test_campaign_pages_show_status_and_their_events(site):
    page = soup(site, "campaigns/happy-teeth/index.html")
    assert page.select_one(".ward-campaign-status").get_text() == "実施中"
    titles = [a.get_text() for a in page.select(".ward-event-list__title a")]
    assert titles == ["歯と口の健康づくり教室", "認知症予防教室", "認知症予防教室", "認知症予防教室"]
    assert soup(site, "campaigns/old/index.html").select_one(".ward-campaign-status").get_text() == "終了"
    listing = soup(site, "campaigns/index.html")
    assert _texts(listing, "main h2") == ["実施中", "終了"]


def test_home_page_shows_upcoming_events(site):
    block = soup(site, "index.html").select_one("section.ward-home__events")
    assert block.select_one("h2").get_text() == "近日のイベント"
    assert [a.get_text() for a in block.select(".ward-event-list__title a")][:2] == [
        "称名寺歴史散歩",
        "歯と口の健康づくり教室",
    ]


def _published_events():
    return {name for name, text in FILES.items() if name.startswith("events/") and "status: draft" not in text}


def test_ics_feed_parses_and_holds_every_event_in_tokyo_time(site):
    cal = Calendar.from_ical((site / "events/events.ics").read_bytes())
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Asia/Tokyo"]
    prefix = "tag:city.yokohama.lg.jp,2026:kanazawa/events/"
    events = {str(e["UID"]).removeprefix(prefix).rstrip("/"): e for e in cal.walk("VEVENT")}
    assert set(events) == {name.removeprefix("events/").removesuffix(".md") for name in _published_events()}
    hanabi = events["hanabi-2026"]
    start = hanabi.decoded("DTSTART")
    assert start == datetime.fromisoformat("2026-08-22T19:00:00+09:00")
    assert str(start.tzinfo) == "Asia/Tokyo"
    assert hanabi["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert hanabi.decoded("DTEND") - start == timedelta(hours=1)
    assert str(events["dental"]["STATUS"]) == "CANCELLED"
    assert events["asaina"].decoded("DTSTART") == datetime.fromisoformat("2027-01-16T09:30:00+09:00")
    assert events["yearend"].decoded("DTSTART") == date(2026, 12, 28)
    assert events["yearend"].decoded("DTEND") == date(2027, 1, 4)
    rule = events["class"]["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["UNTIL"][0].date() == date(2027, 1, 27)


def test_per_event_ics_is_one_event(site):
    cal = Calendar.from_ical((site / "events/hanabi-2026/event.ics").read_bytes())
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["金沢まつり花火大会"]
    assert cal.walk("VTIMEZONE")


def test_event_jsonld_has_the_required_fields(site):
    for name in _published_events():
        slug = name.removeprefix("events/").removesuffix(".md")
        script = soup(site, f"events/{slug}/index.html").select_one('script[type="application/ld+json"]')
        data = json.loads(script.string)
        assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
        assert {"name", "startDate", "endDate", "eventStatus", "location"} <= set(data)
        assert data["location"]["@type"] == "Place" and data["location"]["address"]["streetAddress"]
    dental = json.loads(soup(site, "events/dental/index.html").select_one("script[type='application/ld+json']").string)
    assert dental["eventStatus"] == "https://schema.org/EventCancelled"
    asaina = json.loads(soup(site, "events/asaina/index.html").select_one("script[type='application/ld+json']").string)
    assert asaina["eventStatus"] == "https://schema.org/EventRescheduled"
    assert (
        asaina["startDate"] == "2027-01-16T09:30:00+09:00"
        and asaina["previousStartDate"] == "2026-11-21T09:30:00+09:00"
    )
    walk = json.loads(soup(site, "events/walk/index.html").select_one("script[type='application/ld+json']").string)
    assert walk["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 35.3441806, "longitude": 139.6303917}


def test_events_csv_follows_the_standard_column_order_with_a_bom(site):
    raw = (site / "opendata/141003_event.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == COLUMNS
    assert rows[0][:5] == ["都道府県コード又は市区町村コード", "NO", "都道府県名", "市区町村名", "イベント名"]
    assert rows[0][-2:] == ["URL", "備考"]
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert len(records) == len(_published_events())
    hanabi = next(r for r in records if r["イベント名"] == "金沢まつり花火大会")
    assert (hanabi["開始日"], hanabi["終了日"], hanabi["開始時間"], hanabi["終了時間"]) == (
        "2026-08-22",
        "2026-08-22",
        "19:00",
        "20:00",
    )
    assert hanabi["イベント名_カナ"] == "カナザワマツリハナビタイカイ"
    assert hanabi["主催者"] == "金沢まつり実行委員会" and hanabi["場所名称"] == "海の公園"
    assert hanabi["備考"] == "雨天順延（予備日 2026-08-23）"
    assert [r["NO"] for r in records] == [str(n) for n in range(1, len(records) + 1)]


def test_atom_feed_parses_with_one_entry_per_event(site):
    tree = ET.parse(site / "feeds/events.atom.xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.findtext("a:title", namespaces=ns) for e in tree.getroot().findall("a:entry", ns)]
    assert len(titles) == len(_published_events())
    assert "【中止】歯と口の健康づくり教室（2026年12月12日（土）10:00）" in titles


def test_build_is_deterministic(tmp_path, site):
    again = build_site(tmp_path, files=FILES)
    for rel in ("events/events.ics", "opendata/141003_event.csv", "feeds/events.atom.xml", "events/index.html"):
        assert (again / rel).read_bytes() == (site / rel).read_bytes(), rel


def test_the_csv_is_offered_to_the_open_data_page(tmp_path):
    content = write_files(tmp_path / "content", {"events/a.md": event_text()})
    settings = load_settings("pelicanconf.py", {"PATH": str(content), "WARD_BUILD_DATE": "2026-11-28"})
    context = {"ward_opendata": [{"title": "先の登録"}]}
    with content_scope(content):
        generator = EventsGenerator(context, settings, str(content), str(ROOT / "theme"), str(tmp_path / "out"))
        generator.generate_context()
    entry = context["ward_opendata"][-1]
    assert set(entry) == {"title", "url", "format", "description", "size", "updated"}
    assert (entry["title"], entry["url"], entry["format"]) == ("イベント一覧", "opendata/141003_event.csv", "CSV")
    assert entry["size"] == len(generator.csv_bytes) > 0
    # Dated by the latest announcement or change of an event, not by the build day.
    assert entry["updated"] == date(2026, 10, 1)
    assert context["ward_opendata"][0] == {"title": "先の登録"}


def test_events_under_way_on_the_build_date_are_marked(tmp_path):
    files = {
        "events/exhibit.md": event_text("金沢の本の展示", start="2026-11-20", end="2026-12-02", section="reading"),
        "events/next.md": event_text("来週の催し", start="2026-12-05"),
    }
    output = build_site(tmp_path, files=files)
    items = soup(output, "events/index.html").select(".ward-event-list__item")
    assert [bool(i.select_one(".ward-event-list__running")) for i in items] == [True, False]
    assert items[0].select_one(".ward-event-list__running").get_text() == "開催中"
    home = soup(output, "index.html").select_one("#home-events").find_parent("section")
    assert home.select_one(".ward-event-list__running").get_text() == "開催中"


def test_a_regular_class_carries_its_schedule_in_jsonld(site):
    script = soup(site, "events/class/index.html").select_one('script[type="application/ld+json"]')
    assert json.loads(script.string)["eventSchedule"] == {
        "@type": "Schedule",
        "repeatFrequency": "P1W",
        "byDay": "https://schema.org/Wednesday",
        "startDate": "2027-01-13",
        "endDate": "2027-01-27",
        "startTime": "10:00",
        "endTime": "11:30",
        "scheduleTimezone": "Asia/Tokyo",
    }


def test_the_open_data_page_offers_the_csv_with_its_size(site):
    link = next(
        a for a in soup(site, "opendata/index.html").select("a.ward-opendata__link") if "141003_event.csv" in a["href"]
    )
    size_kb = f"{(site / 'opendata/141003_event.csv').stat().st_size / 1024:.1f}KB"
    assert link.get_text() == f"イベント一覧をダウンロード（CSV：{size_kb}）"
