"""A tiny site builds, and a broken file fails the build with located messages."""

import pytest
from conftest import article, build_site, soup

from ward_content.errors import WardBuildError


def test_article_page_shows_japanese_date_and_section(tmp_path):
    out = build_site(tmp_path, {"news/hello.md": article("お知らせです", "2026-11-28")})
    page = soup(out, "news/hello/index.html")
    assert page.h1.get_text() == "お知らせです"
    assert page.select_one("time").get_text() == "2026年11月28日（土）"
    assert page.select_one('nav[aria-label="現在位置"] [aria-current="page"]').get_text() == "お知らせです"


def test_bad_date_fails_build_and_names_file(tmp_path):
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path, {"news/ok.md": article(), "news/bad.md": article(date="2026/13/01")})
    assert "content/news/bad.md:3: date: 「2026/13/01」は日付として読めません" in caught.value.report()
    assert not (tmp_path / "output" / "news").exists()
