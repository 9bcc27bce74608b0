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
