"""Pure parts: date labels, recurrence expansion, upcoming/past/running for a fixed build date, month calendars."""

from datetime import date, datetime

import pytest
from conftest import load_document, write_files
from event_fixtures import campaign_text, event_text
from events.calendar_view import calendars, month_calendar, month_range
from events.model import make_event, make_programme, recurrence_days, recurrence_label, span_label

from ward_content.dates import TOKYO

TODAY = date(2026, 11, 28)


def _doc(tmp_path, text, rel="events/a.md"):
    write_files(tmp_path, {rel: text})
    return load_document(tmp_path, rel)


def _event(tmp_path, name="a", **fields):
    return make_event(_doc(tmp_path, event_text(**fields), f"events/{name}.md"))


def _at(y, m, d, hh, mm):
    return datetime(y, m, d, hh, mm, tzinfo=TOKYO)


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (_at(2026, 8, 22, 19, 0), _at(2026, 8, 22, 20, 0), "2026年8月22日（土）19:00〜20:00"),
        (_at(2026, 8, 22, 19, 0), _at(2026, 8, 22, 19, 0), "2026年8月22日（土）19:00"),
        (date(2026, 8, 22), date(2026, 8, 22), "2026年8月22日（土）"),
        (date(2026, 12, 28), date(2027, 1, 3), "2026年12月28日（月）〜2027年1月3日（日）"),
        (_at(2026, 8, 1, 10, 0), _at(2026, 8, 2, 16, 0), "2026年8月1日（土）10:00〜2026年8月2日（日）16:00"),
    ],
)
def test_span_label(start, end, label):
    assert span_label(start, end) == label


def test_weekly_recurrence_expands_to_every_week_until_the_last_day():
    days = recurrence_days(date(2027, 1, 13), "weekly", date(2027, 3, 10))
    assert len(days) == 9
    assert days[0] == date(2027, 1, 13) and days[-1] == date(2027, 3, 10)
    assert {d.weekday() for d in days} == {2}


def test_monthly_recurrence_keeps_the_nth_weekday_across_the_year_end():
    days = recurrence_days(date(2026, 11, 18), "monthly", date(2027, 2, 28))  # 第3水曜日
    assert days == [date(2026, 11, 18), date(2026, 12, 16), date(2027, 1, 20), date(2027, 2, 17)]
    assert (
        recurrence_label(date(2026, 11, 18), "monthly", date(2027, 2, 28)) == "毎月第3水曜日（2027年2月28日（日）まで）"
    )


def test_monthly_recurrence_on_a_fifth_weekday_skips_months_without_one():
    days = recurrence_days(date(2026, 7, 29), "monthly", date(2026, 12, 31))  # 第5水曜日
    assert days == [date(2026, 7, 29), date(2026, 9, 30), date(2026, 12, 30)]


def test_recurring_event_occurrences_keep_their_times(tmp_path):
    event = _event(
        tmp_path,
        start="2027-01-13 10:00",
        end="2027-01-13 11:30",
        recurrence={"frequency": "weekly", "until": "2027-01-27"},
    )
    assert [(o.start, o.end) for o in event.occurrences] == [
        (_at(2027, 1, d, 10, 0), _at(2027, 1, d, 11, 30)) for d in (13, 20, 27)
    ]


def test_postponed_event_takes_place_on_its_new_date_with_the_same_length(tmp_path):
    event = _event(
        tmp_path, start="2026-11-21 09:30", end="2026-11-21 12:00", event_status="延期", new_date="2027-01-16 09:30"
    )
    assert (event.start, event.end) == (_at(2027, 1, 16, 9, 30), _at(2027, 1, 16, 12, 0))
    assert event.original_start == _at(2026, 11, 21, 9, 30)


def test_upcoming_past_and_today_for_a_fixed_build_date(tmp_path):
    events = [
        _event(tmp_path, "past", start="2026-11-27 10:00"),
        _event(tmp_path, "today", start="2026-11-28 10:00"),
        _event(tmp_path, "running", start="2026-11-20", end="2026-12-02"),
        _event(tmp_path, "later", start="2026-12-05"),
    ]
    programme = make_programme(TODAY, events, [])
    assert [o.event.slug for o in programme.upcoming] == ["running", "today", "later"]
    assert [o.event.slug for o in programme.past] == ["past"]


def test_a_recurring_class_is_partly_past_and_partly_upcoming(tmp_path):
    event = _event(tmp_path, start="2026-11-14 10:00", recurrence={"frequency": "weekly", "until": "2026-12-12"})
    programme = make_programme(TODAY, [event], [])
    assert [o.first_day.day for o in programme.past] == [21, 14]
    assert [o.first_day.day for o in programme.upcoming] == [28, 5, 12]


@pytest.mark.parametrize(
    ("start", "end", "state"),
    [
        ("2026-11-28", "2027-03-31", "実施中"),
        ("2026-04-01", "2026-11-28", "実施中"),
        ("2026-04-01", "2026-11-27", "終了"),
        ("2026-11-29", "2027-03-31", "予定"),
    ],
)
def test_campaign_status_on_the_build_date(tmp_path, start, end, state):
    doc = _doc(tmp_path, campaign_text(start=start, end=end), "campaigns/c.md")
    programme = make_programme(TODAY, [], [(doc, "")])
    assert programme.campaigns[0].status(TODAY) == state
    assert programme.running_campaigns() == (programme.campaigns if state == "実施中" else ())


def test_campaign_collects_the_events_that_name_it(tmp_path):
    doc = _doc(tmp_path, campaign_text(), "campaigns/happy-teeth.md")
    mine = _event(tmp_path, "mine", campaign="happy-teeth")
    other = _event(tmp_path, "other")
    programme = make_programme(TODAY, [mine, other], [(doc, "")])
    assert [e.slug for e in programme.campaigns[0].events] == ["mine"]


def _day_numbers(week):
    return [cell.day.day if cell.day else None for cell in week]


def test_calendar_of_a_month_starting_on_a_sunday(tmp_path):
    event = _event(tmp_path, start="2026-11-01 10:00")
    month = month_calendar(2026, 11, event.occurrences)
    assert date(2026, 11, 1).weekday() == 6
    assert _day_numbers(month.weeks[0]) == [1, 2, 3, 4, 5, 6, 7]
    assert _day_numbers(month.weeks[-1]) == [29, 30, None, None, None, None, None]
    assert len(month.weeks) == 5
    assert [o.event.slug for o in month.weeks[0][0].occurrences] == ["a"]


def test_calendar_across_the_year_end(tmp_path):
    event = _event(tmp_path, start="2026-12-30", end="2027-01-02")
    pages = {page.key: page for page in calendars(event.occurrences, TODAY)}
    assert list(pages) == ["2026-11", "2026-12", "2027-01"]
    december, january = pages["2026-12"], pages["2027-01"]
    assert _day_numbers(december.weeks[-1]) == [27, 28, 29, 30, 31, None, None]
    assert [bool(cell.occurrences) for cell in december.weeks[-1][3:5]] == [True, True]
    assert _day_numbers(january.weeks[0]) == [None, None, None, None, None, 1, 2]
    assert [bool(cell.occurrences) for cell in january.weeks[0][5:]] == [True, True]
    assert (december.previous, december.next) == ((2026, 11), (2027, 1))
    assert (january.previous, january.next) == ((2026, 12), None)
    assert pages["2026-11"].previous is None


def test_month_range_crosses_the_year_end():
    assert month_range((2026, 11), (2027, 2)) == [(2026, 11), (2026, 12), (2027, 1), (2027, 2)]


def test_running_on_the_build_date(tmp_path):
    events = [
        _event(tmp_path, "exhibit", start="2026-11-20", end="2026-12-02"),
        _event(tmp_path, "today", start="2026-11-28 10:00", end="2026-11-28 11:30"),
        _event(tmp_path, "done", start="2026-11-20", end="2026-11-27"),
        _event(tmp_path, "next", start="2026-11-29"),
    ]
    programme = make_programme(TODAY, events, [])
    assert [o.event.slug for o in programme.running] == ["exhibit", "today"]
