"""§3 of the guide: `invoke new` refuses a file name the check would refuse, before it writes anything."""

from __future__ import annotations

from datetime import date

import pytest

from tools.newpage import NewPageError, new_page

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize("slug", ["Hanabi_2027", "hanabi 2027", "花火", "../../outside", "hanabi-", "a" * 101])
def test_a_slug_the_check_would_refuse_is_refused_before_writing(tmp_path, slug):
    with pytest.raises(NewPageError) as refused:
        new_page(tmp_path, "news", "花火大会", TODAY, slug=slug)
    assert str(refused.value).startswith(f"--slug「{slug}」はファイル名（URL）に使えません。")
    assert str(refused.value).endswith("（例: --slug hanabi-2027） (invalid slug)")
    assert list(tmp_path.rglob("*.md")) == []
    assert not (tmp_path.parent / "outside.md").exists()


def test_a_good_slug_is_the_file_name(tmp_path):
    assert new_page(tmp_path, "news", "花火大会", TODAY, slug="hanabi-2027") == tmp_path / "news" / "hanabi-2027.md"


def test_a_wrong_emergency_command_names_the_option_to_change(tmp_path):
    """§9.4: nothing is written, so the lines name `--level` and `--expires`, not content/emergency.md."""
    from datetime import datetime

    from emergency.command import command_lines, notice_text, write_notice

    from ward_content.dates import TOKYO
    from ward_content.errors import ContentErrors

    issued = datetime(2026, 11, 28, 6, 10, tzinfo=TOKYO)
    with pytest.raises(ContentErrors) as caught:
        write_notice(tmp_path, notice_text("地震が発生しました。", "注意", issued, "2026-11-28 06:00"))
    assert command_lines(caught.value.errors) == [
        "--level: 「注意」は使えません。次のどれかを書いてください: 緊急, 警戒, お知らせ (value not allowed)",
        "--expires: 掲載終了日時（2026-11-28 06:00）が発表日時（2026-11-28 06:10）と同じか前です。"
        "発表日時より後の日時にしてください (expires before issued)",
    ]
    assert not (tmp_path / "emergency.md").exists()


def test_an_existing_file_is_named_as_the_check_names_it(tmp_path):
    content = tmp_path / "content"
    new_page(content, "news", "花火大会", TODAY, slug="hanabi-2027")
    with pytest.raises(NewPageError) as refused:
        new_page(content, "news", "花火大会", TODAY, slug="hanabi-2027")
    assert str(refused.value) == (
        "content/news/hanabi-2027.md はもうあります。上書きはしません。--slug で別の名前を指定してください"
    )
