"""Site search: the /search/ page, what is marked for indexing, the self-hosted Pagefind bundle, the results UI, settings."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT
from site_search.settings import read_settings

from ward_content.errors import ConfigurationError

INDEXED_KINDS = ("news", "page", "history", "event", "campaign", "bulletin")


def page(site, rel):
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def test_search_page_uses_the_bundle_served_by_the_site(sample_site):
    search = page(sample_site, "search/index.html")
    assert search.select_one("[data-no-index]") is None  # only the preview has no index
    assert search.title.get_text() == "サイト内検索｜金沢区ホームページ"
    assert search.h1.get_text(strip=True) == "サイト内検索"
    assert search.select_one("#ward-search")["data-bundle"] == "../pagefind/pagefind.js"
    assert [s["src"] for s in search.select("script[src]") if "search" in s["src"]] == [
        "../theme/js/search-text.js",
        "../theme/js/site-search.js",
    ]
    # A form that works as a plain GET, a labelled box, section filters in the site's order.
    form = search.select_one("form[role=search]")
    assert (form["method"], form["action"]) == ("get", "../search/")
    assert search.select_one("label[for=ward-search-q]").get_text() == "検索する言葉"
    sections = [(o["value"], o.get_text()) for o in search.select("select[name=section] option")]
    assert sections[:3] == [("", "すべて"), ("news", "お知らせ"), ("events", "まつり・イベント")]
    assert ("bulletins", "広報") in sections
    for name in ("pagefind.js", "pagefind-entry.json", "pagefind-worker.js"):
        assert (sample_site / "pagefind" / name).is_file()
    # The standard binary: one WebAssembly without a language of its own (no Lindera).
    assert [p.name for p in (sample_site / "pagefind").glob("wasm.*")] == ["wasm.unknown.pagefind"]
    # Nothing of the search page itself goes into the index.
    assert search.select("[data-pagefind-body]") == []


def test_every_content_page_marks_its_content_for_the_index(sample_site):
    from conftest import check_tree

    documents = [
        doc
        for doc in check_tree(ROOT / "content").documents
        if doc.kind.name in INDEXED_KINDS
        and getattr(doc.meta, "status", None) != "draft"
        and getattr(doc.meta, "draft", False) is not True
    ]
    assert {doc.kind.name for doc in documents} == set(INDEXED_KINDS)
    unmarked = [
        doc.url
        for doc in documents
        if len(page(sample_site, f"{doc.url}index.html").select("[data-pagefind-body]")) != 1
    ]
    assert unmarked == []


@pytest.mark.browser
def test_results_show_natural_text_with_marks_and_filter_by_section_and_year(sample_site):
    from browser_support import axe_violations, chromium, local_only, serve

    with serve(sample_site) as url, chromium() as browser:
        context = browser.new_context()
        local_only(context)
        tab = context.new_page()
        shown = {}
        for address in (
            "?q=花火",
            "?q=花火&section=bulletins",
            "?q=花火&year=2025",
            "?q=存在しない言葉",
            "?q=カナザワブンコ",
        ):
            tab.goto(f"{url}/search/{address}")
            tab.wait_for_selector("#ward-search[data-state=done]", timeout=20000)
            shown[address] = {
                "status": tab.text_content("#ward-search-status"),
                "urls": [a.get_attribute("href") for a in tab.query_selector_all(".ward-search__result-title a")],
                "text": tab.inner_text("#ward-search-results"),
                "marks": sorted({m.text_content() for m in tab.query_selector_all(".ward-search__results mark")}),
                "meta": [m.text_content() for m in tab.query_selector_all(".ward-search__result-meta")],
            }
        violations = axe_violations(tab)
    everything = shown["?q=花火"]
    assert everything["status"].startswith("「花火」の検索結果：")
    assert {u.split("/")[1] for u in everything["urls"]} >= {"events", "news", "bulletins"}
    assert everything["marks"] == ["花火"]
    # Titles and excerpts are the pages' own words, never index tokens.
    assert "qj" not in everything["text"]
    bulletins = shown["?q=花火&section=bulletins"]
    assert bulletins["urls"] and all(u.startswith("/bulletins/20") for u in bulletins["urls"])
    assert all(m.startswith("広報") for m in bulletins["meta"])
    later = shown["?q=花火&year=2025"]
    assert later["urls"] and all(m.endswith("2025年") for m in later["meta"])
    assert set(later["urls"]) < set(everything["urls"])
    assert shown["?q=存在しない言葉"]["status"].startswith("「存在しない言葉」を含むページは見つかりませんでした。")
    assert shown["?q=存在しない言葉"]["urls"] == []
    # Katakana finds the hiragana reading, and the reading is what is marked.
    reading = shown["?q=カナザワブンコ"]
    assert "/history/kanazawa-bunko/" in reading["urls"]
    assert reading["marks"] == ["かなざわぶんこ"]
    assert violations == []


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        (
            "SITE_SEARCH_SAVE_AS",
            "/search/index.html",
            "expected a relative path ending in .html, received '/search/index.html'",
        ),
        ("SITE_SEARCH_SAVE_AS", "search/", "expected a relative path ending in .html, received 'search/'"),
        ("SITE_SEARCH_LANGUAGE", "日本語", "expected a language code such as 'ja', received '日本語'"),
        ("SITE_SEARCH_INDEX", "yes", "Input should be a valid boolean, received 'yes'"),
        ("SITE_SEARCH_BINARY", "fast", "Input should be 'standard' or 'extended', received 'fast'"),
        ("SITE_SEARCH_EXCERPT_CHARS", 50, "Input should be greater than or equal to 200, received 50"),
        ("SITE_SEARCH_SECTION_ALIASES", ["x"], "Input should be a valid dictionary, received ['x']"),
        ("SITE_SEARCH_CHUNK_LOCATIONS", 100, "Input should be greater than or equal to 500, received 100"),
        ("SITE_SEARCH_MAX_PAGES", 0, "Input should be greater than or equal to 1, received 0"),
        ("SITE_SEARCH_MAX_PAGES", "many", "Input should be a valid integer, received 'many'"),
        ("SITE_SEARCH_MAX_TOKENS", 10**7, "Input should be less than or equal to 1000000, received 10000000"),
        ("SITE_SEARCH_COMPRESSION", 10, "Input should be less than or equal to 9, received 10"),
        ("SITE_SEARCH_PROCESSES", -1, "Input should be greater than or equal to 0, received -1"),
        ("SITE_SEARCH_INDX", True, "unknown setting; did you mean SITE_SEARCH_INDEX?"),
    ],
)
def test_wrong_settings_are_refused(setting, value, message):
    with pytest.raises(ConfigurationError) as error:
        read_settings({setting: value})
    assert str(error.value) == f"{setting}: " + message


def test_default_settings():
    search = read_settings({})
    assert (search.save_as, search.url, search.language, search.index) == ("search/index.html", "search/", "ja", True)
    assert (search.binary, search.excerpt_chars, search.chunk_locations) == ("standard", 3000, 4000)
    assert search.section_aliases == {"campaigns": "events"}
    assert (search.max_pages, search.max_tokens, search.compression, search.processes) == (20000, 100000, 5, 1)
    assert search.cache_path == Path(".cache/site_search")
    # Beside content/, as the other plugins' caches, when a build names its content folder.
    assert read_settings({"PATH": "/srv/site/content"}).cache_path == Path("/srv/site/.cache/site_search")


def test_every_wrong_setting_is_reported_at_once():
    with pytest.raises(ConfigurationError) as error:
        read_settings({"SITE_SEARCH_INDEX": "yes", "SITE_SEARCH_BINARY": "fast"})
    assert str(error.value).splitlines() == [
        "SITE_SEARCH_INDEX: Input should be a valid boolean, received 'yes'",
        "SITE_SEARCH_BINARY: Input should be 'standard' or 'extended', received 'fast'",
    ]
