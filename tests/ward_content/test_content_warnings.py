"""Content warnings: located like errors, marked 警告, kept apart from errors so they fail nothing."""

from ward_content.errors import ContentError, content_warning, split_warnings


def test_a_warning_reads_like_an_error_with_the_word_warning():
    warning = content_warning("content/a.md", 3, "sources", "公的な出典がありません", "only reference sources")
    assert warning.format() == "content/a.md:3: sources: 警告: 公的な出典がありません (only reference sources)"
    assert warning.format_github() == (
        "::warning file=content/a.md,line=3::sources: 公的な出典がありません (only reference sources)"
    )


def test_errors_keep_their_form():
    error = ContentError("content/a.md", 3, "name", "必須の項目です", "missing required field")
    assert error.format() == "content/a.md:3: name: 必須の項目です (missing required field)"
    assert error.format_github().startswith("::error file=content/a.md,line=3::")


def test_split_keeps_errors_and_warnings_apart_each_sorted():
    w2 = content_warning("content/b.md", 1, "", "w", "w")
    e1 = ContentError("content/c.md", 2, "", "e", "e")
    w1 = content_warning("content/a.md", 1, "", "w", "w")
    assert split_warnings([w2, e1, w1]) == ([e1], [w1, w2])
