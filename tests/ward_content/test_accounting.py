"""Every file under content/ is published, a draft, or a reported error that fails the build."""

from pathlib import Path

import pytest
from conftest import article, build_site, soup

from tools.site_build import build
from ward_content.errors import ConfigurationError, WardBuildError


def test_all_problems_of_a_build_are_reported_at_once(tmp_path):
    files = {
        "news/ok.md": article("正しい記事"),
        "news/bad-date.md": article(date="令和8年13月1日"),
        "news/no-title.md": "---\ndate: 2026-11-01\n---\n本文\n",
        "health/clash.md": article(slug="ok"),
        "health/ok.md": article("健康の記事"),
    }
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path, files)
    report = caught.value.report()
    assert "content/news/bad-date.md:3: date: 「令和8年13月1日」は日付として読めません" in report
    assert "content/news/no-title.md:3: title: 必須の項目です" in report
    assert "URL /health/ok/ が複数のファイルで同じです（content/health/clash.md、content/health/ok.md）" in report
    assert report.startswith("コンテンツに 4 件の問題があるため、サイトを書き出しませんでした")


def test_draft_is_accounted_for_and_not_listed(tmp_path):
    out = build_site(
        tmp_path, {"news/pub.md": article("公開の記事"), "news/wip.md": article("下書きの記事", status="draft")}
    )
    listed = [a.get_text() for a in soup(out, "news/index.html").select(".ward-list__title a")]
    assert listed == ["公開の記事"]
    assert "下書きの記事" not in (out / "feeds" / "all.atom.xml").read_text(encoding="utf-8")


def test_wareki_and_fullwidth_dates_are_normalised(tmp_path):
    out = build_site(
        tmp_path,
        {
            "news/a.md": article("和暦", date="令和8年8月22日"),
            "news/b.md": article("全角", date="２０２６年８月２３日"),
        },
    )
    assert soup(out, "news/a/index.html").select_one("time")["datetime"] == "2026-08-22"
    assert soup(out, "news/b/index.html").select_one("time").get_text() == "2026年8月23日（日）"


def test_failed_build_leaves_previous_output_untouched(tmp_path, monkeypatch):
    import tools.site_build as site_build

    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    (content / "news" / "a.md").write_text(article("最初の版"), encoding="utf-8")
    output = tmp_path / "output"
    # build() directly, not build_site(): Pagefind stays off as there (seconds a build, no part of this test).
    overrides = {"PATH": str(content), "WARD_BUILD_DATE": "2026-11-28", "SITE_SEARCH_INDEX": False}
    build("pelicanconf.py", output, overrides)
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    (content / "news" / "a.md").write_text(article("二番目の版"), encoding="utf-8")
    (content / "news" / "bad.md").write_text("---\ntitle: x\n", encoding="utf-8")
    with pytest.raises(WardBuildError):
        build("pelicanconf.py", output, overrides)
    assert {p: p.read_bytes() for p in output.rglob("*") if p.is_file()} == before
    assert not (tmp_path / ".output.staging").exists()
    del site_build


def test_rebuild_rewrites_only_changed_files(tmp_path):
    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    (content / "news" / "a.md").write_text(article("最初"), encoding="utf-8")
    output = tmp_path / "output"
    # build() directly, not build_site(): Pagefind stays off as there (seconds a build, no part of this test).
    overrides = {"PATH": str(content), "WARD_BUILD_DATE": "2026-11-28", "SITE_SEARCH_INDEX": False}
    written, _ = build("pelicanconf.py", output, overrides)
    assert written > 10
    assert build("pelicanconf.py", output, overrides) == (0, 0)


def test_misspelled_plugin_stops_the_build(tmp_path):
    with pytest.raises(ConfigurationError, match="could not load ward_contnet"):
        build_site(tmp_path, {"news/a.md": article()}, PLUGINS=["ward_content", "ward_contnet"])


def test_every_configured_plugin_registers():
    from pelican import Pelican

    from tools.site_build import load_settings
    from ward_content.build_scope import build_scope

    settings = load_settings("pelicanconf.py", {"OUTPUT_PATH": "/nonexistent-output"})
    configured = list(settings["PLUGINS"])
    with build_scope():  # the plugins' receivers are disconnected afterwards
        pelican = Pelican(settings)
    assert sorted(m.__name__.rsplit(".", 1)[-1] for m in pelican.plugins) == sorted(configured)


def test_section_page_lists_articles_with_japanese_name(tmp_path):
    out = build_site(tmp_path, {"health/walk.md": article("ウォーキング", "2026-10-01")})
    page = soup(out, "health/index.html")
    assert page.h1.get_text() == "健康"
    assert page.select_one(".ward-list__title a")["href"].endswith("health/walk/")
    assert page.select_one('.ward-nav__link[aria-current="true"]').get_text() == "健康"


def test_external_links_get_noopener(tmp_path):
    body = "[横浜市のサイト](https://www.city.yokohama.lg.jp/)"
    out = build_site(tmp_path, {"news/a.md": article(body=body)})
    link = soup(out, "news/a/index.html").select_one(".ward-article__body a")
    assert "noopener" in link["rel"]


def test_summary_is_japanese_cut(tmp_path):
    body = "8月15日に盆踊りを開きます。" * 20
    out = build_site(tmp_path, {"news/a.md": article(body=body)})
    summary = soup(out, "news/index.html").select_one(".ward-list__summary").get_text()
    assert summary.endswith("。") and len(summary) <= 120


def test_sitemap_lists_pages(tmp_path):
    out = build_site(tmp_path, {"news/a.md": article()})
    assert "http://localhost:8000/news/a/" in Path(out / "sitemap.xml").read_text(encoding="utf-8")
    assert "Sitemap: http://localhost:8000/sitemap.xml" in (out / "robots.txt").read_text(encoding="utf-8")


def test_empty_section_links_no_missing_feed(tmp_path):
    out = build_site(tmp_path, {"news/a.md": article()})
    page = soup(out, "reading/index.html")
    assert page.select_one('a[href$="feeds/reading.atom.xml"]') is None
    assert not (out / "feeds" / "reading.atom.xml").exists()
    assert soup(out, "news/index.html").select_one('a[href$="feeds/news.atom.xml"]') is not None


def test_warning_while_writing_fails_the_build(tmp_path):
    # Pelican resolves {…} link indicators only while writing pages, after the accounting.
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path, {"news/a.md": article(body='<a href="{fiel}/files/note.txt">資料</a>')})
    assert "Replacement Indicator 'fiel' not recognized" in caught.value.report()
    assert not (tmp_path / "output" / "sitemap.xml").exists()


def test_filename_link_to_a_plugin_page_resolves(tmp_path):
    files = {
        "news/a.md": article(body="[別の記事]({filename}/news/b.md)"),
        "news/b.md": article("別の記事"),
    }
    out = build_site(tmp_path, files)
    assert soup(out, "news/a/index.html").select_one(".ward-article__body a")["href"].endswith("news/b/")


def test_404_page_links_are_absolute(tmp_path):
    out = build_site(tmp_path, {"news/a.md": article()})
    links = [a["href"] for a in soup(out, "404.html").select("a[href]") if not a["href"].startswith("#")]
    assert links and all(href.startswith("http://localhost:8000/") for href in links)


def test_a_rebuild_with_nothing_changed_builds_nothing(tmp_path, monkeypatch):
    from tools import site_build

    content = tmp_path / "content"
    (content / "news").mkdir(parents=True)
    (content / "news" / "a.md").write_text(article("最初"), encoding="utf-8")
    output = tmp_path / "output"
    # build() directly, not build_site(): Pagefind stays off as there (seconds a build, no part of this test).
    overrides = {"PATH": str(content), "WARD_BUILD_DATE": "2026-11-28", "SITE_SEARCH_INDEX": False}
    build("pelicanconf.py", output, overrides)
    real_build_into = site_build.build_into
    calls = []
    monkeypatch.setattr(site_build, "build_into", lambda *a, **k: calls.append(a) or real_build_into(*a, **k))
    assert build("pelicanconf.py", output, overrides) == (0, 0)
    assert calls == []
    # Any input, the build date or a hand-edited output/ means a real build again.
    build("pelicanconf.py", output, {**overrides, "WARD_BUILD_DATE": "2026-11-29"})
    assert len(calls) == 1
    (output / "index.html").write_text("手で書き換えた", encoding="utf-8")
    assert build("pelicanconf.py", output, {**overrides, "WARD_BUILD_DATE": "2026-11-29"}) == (1, 0)
    (content / "news" / "a.md").write_text(article("二番目"), encoding="utf-8")
    written, _ = build("pelicanconf.py", output, {**overrides, "WARD_BUILD_DATE": "2026-11-29"})
    assert written > 0 and len(calls) == 3
