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


def test_menu_and_footer_fit_each_page_depth_and_section(tmp_path):
    """The menu and footer are rendered once per section shown and SITEURL (generator.SiteMenus): every
    page still gets links relative to its own depth and its own section marked."""
    out = build_site(
        tmp_path,
        {
            "news/a.md": article("お知らせA"),
            "health/b.md": article("健康B"),
            "news/c.md": article("お知らせC"),
            "pages/about.md": "---\ntitle: このサイトについて\nslug: about\n---\n使い方です。\n",
        },
    )

    def menu(rel):
        page = soup(out, rel)
        links = page.select(".ward-nav__link")
        current = [link.get_text() for link in page.select('.ward-nav__link[aria-current="true"]')]
        footer = [a["href"] for a in page.select(".ward-footer__nav a")]
        return {link.get_text(): link["href"] for link in links}, current, footer

    home, home_current, home_footer = menu("index.html")
    news, news_current, news_footer = menu("news/a/index.html")
    health, health_current, health_footer = menu("health/b/index.html")
    landing, landing_current, _ = menu("news/index.html")
    assert home["お知らせ"] == "./news/" and home_current == []
    assert news["お知らせ"] == "../../news/" and news_current == ["お知らせ"]
    assert health["お知らせ"] == "../../news/" and health_current == ["健康"]
    assert landing["健康"] == "../health/" and landing_current == ["お知らせ"]
    assert menu("news/c/index.html")[1] == ["お知らせ"]
    assert "./about/" in home_footer and "../../about/" in news_footer and news_footer == health_footer


def test_a_process_that_builds_twice_in_one_scope_starts_each_build_without_the_last_ones_memos(tmp_path):
    """A plain `pelican -r` process keeps one build scope: what one build kept (photo facts, PDFs known
    clean) is not taken for the next build's."""
    from pelican import Pelican

    from tools.site_build import load_settings
    from ward_content.build_scope import build_scope

    build_site(tmp_path / "first", {"news/a.md": article()})  # a content folder, and a first build
    settings = load_settings(
        "pelicanconf.py",
        {
            "PATH": str(tmp_path / "first" / "content"),
            "OUTPUT_PATH": str(tmp_path / "out"),
            "WARD_BUILD_DATE": "2026-11-28",
            "SITE_SEARCH_INDEX": False,
        },
    )
    with build_scope() as scope:
        Pelican(settings).run()
        scope.clean_files.add("bulletins/old.pdf")
        scope.memos["responsive_images.facts"] = {("old", 1, 1): None}
        Pelican(settings).run()
        assert "bulletins/old.pdf" not in scope.clean_files
        assert ("old", 1, 1) not in scope.memos.get("responsive_images.facts", {})
