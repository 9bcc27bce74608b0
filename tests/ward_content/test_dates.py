"""Japanese dates: the forms staff write, and the forms residents read."""

from datetime import date, datetime, time

import pytest

from ward_content import dates


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2026-08-29", date(2026, 8, 29)),
        ("2026/8/29", date(2026, 8, 29)),
        ("2026.8.29", date(2026, 8, 29)),
        ("2026年8月29日", date(2026, 8, 29)),
        ("２０２６年８月２９日", date(2026, 8, 29)),
        ("２０２６－０８－２９", date(2026, 8, 29)),
        ("令和8年8月29日", date(2026, 8, 29)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("平成26年4月1日", date(2014, 4, 1)),
        ("2026年8月29日（土）", date(2026, 8, 29)),
        (date(2026, 1, 2), date(2026, 1, 2)),
    ],
)
def test_parse_date_accepts_common_forms(written, expected):
    assert dates.parse_date(written) == expected


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2026/13/01", "「2026/13/01」は日付として読めません。2026-08-29 のように書いてください"),
        ("8月29日", "「8月29日」は日付として読めません"),
        ("令和1年4月1日", "令和の始まり（2019年5月1日（水））より前です"),
        ("2026-02-30", "「2026-02-30」は日付として読めません"),
    ],
)
def test_parse_date_rejects_with_the_form_to_use(written, message):
    with pytest.raises(dates.DateFormatError) as caught:
        dates.parse_date(written)
    assert message in str(caught.value)


def test_parse_datetime_is_aware_in_tokyo():
    value = dates.parse_datetime("2026-08-22 19:00")
    assert value == datetime(2026, 8, 22, 19, 0, tzinfo=dates.TOKYO)
    assert dates.parse_datetime("2026-08-22") == date(2026, 8, 22)


@pytest.mark.parametrize(("written", "expected"), [("19:00", time(19)), ("９：３０", time(9, 30)), (1140, time(19))])
def test_parse_time(written, expected):
    assert dates.parse_time(written) == expected


@pytest.mark.parametrize(
    ("day", "text"),
    [
        (date(2026, 11, 28), "2026年11月28日（土）"),
        (date(2026, 8, 22), "2026年8月22日（土）"),
        (date(2027, 1, 1), "2027年1月1日（金）"),
    ],
)
def test_format_date_without_locale(day, text):
    assert dates.format_date(day) == text


@pytest.mark.parametrize(
    ("day", "era", "fiscal"),
    [
        (date(2026, 4, 1), "令和8年", "令和8年度"),
        (date(2026, 3, 31), "令和8年", "令和7年度"),
        (date(2019, 4, 30), "平成31年", "平成31年度"),
        (date(2019, 5, 1), "令和元年", "平成31年度"),
        (date(2020, 4, 1), "令和2年", "令和2年度"),
        (date(2014, 6, 1), "平成26年", "平成26年度"),
    ],
)
def test_wareki_and_fiscal_year(day, era, fiscal):
    assert dates.wareki(day) == era
    assert dates.fiscal_year_label(dates.fiscal_year(day)) == fiscal


def test_fiscal_year_edges():
    assert dates.fiscal_year(date(2027, 3, 31)) == 2026
    assert dates.fiscal_year(date(2027, 4, 1)) == 2027
