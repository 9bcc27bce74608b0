"""Each mistake in an event or campaign file is one located message; `invoke check` and the build agree."""

import pytest
from conftest import ROOT, build_site, check_tree, write_files
from event_fixtures import campaign_text, event_text

from ward_content.errors import WardBuildError


def _check(tmp_path, files) -> list[str]:
    root = write_files(tmp_path / "content", files)
    return [error.format() for error in check_tree(root).errors]


def test_end_before_start(tmp_path):
    files = {"events/a.md": event_text(start="2026-12-05 19:00", end="2026-12-05 18:00")}
    assert _check(tmp_path, files) == [
        "content/events/a.md:8: end: 終わり（2026-12-05 18:00）が始まり（2026-12-05 19:00）より前です。"
        "end は start と同じか後にしてください (end before start)"
    ]


def test_end_day_before_start_day_with_dates_only(tmp_path):
    files = {"events/a.md": event_text(start="2026-12-05", end="2026-12-04")}
    assert _check(tmp_path, files) == [
        "content/events/a.md:8: end: 終わり（2026-12-04）が始まり（2026-12-05）より前です。"
        "end は start と同じか後にしてください (end before start)"
    ]


def test_registration_deadline_after_the_event(tmp_path):
    registration = {"required": True, "deadline": "2026-12-06", "method": "電話で"}
    files = {"events/a.md": event_text(start="2026-12-05 10:00", registration=registration)}
    assert _check(tmp_path, files) == [
        "content/events/a.md:10: registration.deadline: 申込締切（2026-12-06）がイベントの始まり"
        "（2026-12-05 10:00）より後です。締切は開催日より前にしてください (registration deadline after the event)"
    ]


def test_postponed_without_a_new_date(tmp_path):
    files = {"events/a.md": event_text(event_status="延期")}
    assert _check(tmp_path, files) == [
        "content/events/a.md:8: new_date: event_status が 延期 のときは、延期後の日程を new_date に書いてください"
        "（例: new_date: 2026-09-05 19:00）。日程が決まっていなければ event_status: 中止 にして本文で説明してください"
        " (postponed without a new date)"
    ]


def test_unknown_status_lists_the_allowed_values(tmp_path):
    files = {"events/a.md": event_text(event_status="開催")}
    assert _check(tmp_path, files) == [
        "content/events/a.md:8: event_status: event_status「開催」は使えません。次のどれかを書いてください: 予定, 中止, 延期"
        " (unknown event status)"
    ]


def test_unknown_section_lists_the_allowed_values(tmp_path):
    files = {"events/a.md": event_text(section="matsuri")}
    assert _check(tmp_path, files) == [
        "content/events/a.md:3: section: section「matsuri」は使えません。次のどれかを書いてください: festival（まつり）,"
        " history（歴史）, reading（読書）, kosodate（子育て）, health（健康）, bousai（防災）, eco（環境） (unknown event section)"
    ]


def test_event_naming_a_campaign_that_does_not_exist(tmp_path):
    files = {
        "events/a.md": event_text(campaign="happy-teeth-2026"),
        "campaigns/happy-teeth.md": campaign_text(),
        "campaigns/reading.md": campaign_text(title="読書活動推進"),
    }
    assert _check(tmp_path, files) == [
        "content/events/a.md:8: campaign: キャンペーン「happy-teeth-2026」がありません。content/campaigns/ にある"
        "ファイル名（.md を除く）を書いてください: happy-teeth、reading (unknown campaign)"
    ]


def test_backup_date_on_or_before_the_event(tmp_path):
    files = {"events/a.md": event_text(start="2026-08-22 19:00", end="2026-08-22 20:00", backup_date="2026-08-22")}
    assert _check(tmp_path, files) == [
        "content/events/a.md:9: backup_date: 予備日（2026-08-22）がイベントの日（2026-08-22）より後ではありません。"
        "backup_date には雨天で順延するときの、開催日より後の日付を書いてください (backup date not after the event)"
    ]


def test_recurrence_ending_before_it_starts(tmp_path):
    files = {"events/a.md": event_text(recurrence={"frequency": "weekly", "until": "2026-11-01"})}
    assert _check(tmp_path, files) == [
        "content/events/a.md:10: recurrence.until: 繰り返しの終わり（2026-11-01）が始まり（2026-12-05）より前です。"
        "until を直してください (recurrence ends before start)"
    ]


def test_slug_used_by_a_listing_page(tmp_path):
    files = {"events/past.md": event_text()}
    assert _check(tmp_path, files) == [
        "content/events/past.md:1: slug: 「past」は一覧のページに使う名前なので使えません。ファイル名か slug を変えてください"
        " (reserved event slug)"
    ]


def test_campaign_ending_before_it_starts(tmp_path):
    files = {"campaigns/a.md": campaign_text(start="2026-04-01", end="2026-03-31")}
    assert _check(tmp_path, files) == [
        "content/campaigns/a.md:5: end: 実施期間の終わり（2026-03-31）が始まり（2026-04-01）より前です。end を直してください"
        " (campaign ends before it starts)"
    ]


def test_the_build_fails_once_with_every_event_error(tmp_path):
    files = {
        "events/a.md": event_text(event_status="延期"),
        "events/b.md": event_text(start="2026-12-05", end="2026-12-04"),
        "events/c.md": event_text(event_status="開催"),
        "events/ok.md": event_text(),
    }
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path, files=files)
    codes = [error.code for error in caught.value.errors]
    assert codes == ["postponed without a new date", "end before start", "unknown event status"]
    assert not (tmp_path / "output" / "events").exists()


def test_new_date_without_postponing(tmp_path):
    files = {"events/a.md": event_text(new_date="2027-01-16 09:30")}
    assert _check(tmp_path, files) == [
        "content/events/a.md:8: new_date: new_date は延期したときだけ書きます。延期したなら event_status: 延期 と書き、"
        "延期していなければ new_date の行を消してください（今の event_status は 予定） (new date but not postponed)"
    ]


@pytest.mark.parametrize(
    "code",
    [
        "end before start",
        "registration deadline after the event",
        "postponed without a new date",
        "new date but not postponed",
        "unknown event status",
        "unknown event section",
        "recurrence ends before start",
        "backup date not after the event",
        "reserved event slug",
        "unknown campaign",
        "campaign ends before it starts",
        "modified before announced",
        "changed event without a sequence",
        "sequence without a modified date",
        "invalid postal code",
        "image file missing",
    ],
)
def test_staff_guide_explains_each_event_message(code):
    guide = (ROOT / "docs" / "staff-guide.md").read_text(encoding="utf-8")
    assert f"| `{code}` |" in guide


def test_modified_before_announced(tmp_path):
    files = {"events/a.md": event_text(modified="2026-09-01")}
    assert _check(tmp_path, files) == [
        "content/events/a.md:8: modified: 更新日（2026-09-01）が掲載日（2026-10-01）より前です。"
        "modified は announced と同じか後の日付にしてください (modified before announced)"
    ]


def test_cancelled_event_needs_a_change_count(tmp_path):
    files = {"events/a.md": event_text(event_status="中止", sequence=None, modified="2026-11-20")}
    assert _check(tmp_path, files) == [
        "content/events/a.md:8: sequence: event_status が 中止 のときは、変更回数 sequence を 1 以上にしてください"
        "（例: sequence: 1）。カレンダーに登録した人の予定が更新されるために必要です (changed event without a sequence)"
    ]


def test_change_count_needs_the_day_of_the_change(tmp_path):
    files = {"events/a.md": event_text(sequence=2)}
    assert _check(tmp_path, files) == [
        "content/events/a.md:8: modified: 変更回数 sequence を増やしたときは、変更した日を modified に書いてください"
        "（例: modified: 2026-11-10） (sequence without a modified date)"
    ]


def test_postal_code_in_its_written_form(tmp_path):
    venue = {"name": "区役所", "address": "横浜市金沢区泥亀2-9-1", "postal_code": "2360021"}
    files = {"events/a.md": event_text(venue=venue)}
    assert _check(tmp_path, files) == [
        "content/events/a.md:8: venue.postal_code: 郵便番号「2360021」は 236-0021 のように、"
        "数字3けた・ハイフン・数字4けたで書いてください (invalid postal code)"
    ]


def test_event_photo_must_exist(tmp_path):
    files = {"events/a.md": event_text(image={"src": "images/nai.jpg", "alt": "会場の写真"})}
    assert _check(tmp_path, files) == [
        "content/events/a.md:9: image.src: 画像「images/nai.jpg」が見つかりません。"
        "content/images/nai.jpg に置くか、src を直してください (image file missing)"
    ]
