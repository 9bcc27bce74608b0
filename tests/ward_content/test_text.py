"""Summaries cut by characters at a sentence end; reading time by characters."""

from ward_content.text import html_to_text, japanese_summary, reading_minutes


def test_summary_cuts_at_last_sentence_end_within_limit():
    text = "8月15日に盆踊りを開きます。" * 20
    summary = japanese_summary(text, 120)
    assert summary.endswith("。")
    assert len(summary) <= 120
    # Pelican's word truncator would count "8月15日に盆踊りを開きます。" as one word.
    assert summary.startswith("8月15日に盆踊り")


def test_summary_never_returns_a_long_whole_article():
    text = "あ" * 500
    summary = japanese_summary(text, 120)
    assert len(summary) == 121 and summary.endswith("…")


def test_short_text_is_kept_whole():
    assert japanese_summary("短いお知らせです。") == "短いお知らせです。"


def test_reading_minutes_from_characters():
    assert reading_minutes("あ" * 10) == 1
    assert reading_minutes("あ" * 1001) == 3


def test_html_to_text_folds_space():
    assert html_to_text("<p>金沢区</p>\n<p>お知らせ</p>") == "金沢区 お知らせ"
