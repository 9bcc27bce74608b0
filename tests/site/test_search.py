"""Site search: the /search/ page, what is marked for indexing, the self-hosted Pagefind bundle, settings."""

from __future__ import annotations

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
    assert search.title.get_text() == "サイト内検索｜金沢区ホームページ"
    assert search.h1.get_text(strip=True) == "サイト内検索"
    assert search.select_one('link[rel="stylesheet"][href="../pagefind/pagefind-ui.css"]')
    assert search.select_one('script[src="../pagefind/pagefind-ui.js"]')
    for name in ("pagefind-ui.js", "pagefind-ui.css", "pagefind.js", "pagefind-entry.json"):
        assert (sample_site / "pagefind" / name).is_file()
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
def test_index_holds_articles_events_bulletins_and_history_sites(sample_site):
    from browser_support import chromium, serve

    wanted = [("花火", "/events/"), ("花火", "/news/"), ("花火", "/bulletins/"), ("称名寺", "/history/")]
    found = {}
    with serve(sample_site) as url, chromium() as browser:
        tab = browser.new_page()
        tab.goto(f"{url}/search/")
        for term in sorted({term for term, _ in wanted}):
            found[term] = tab.evaluate(
                """async term => {
                    const pagefind = await import('/pagefind/pagefind.js');
                    const search = await pagefind.search(term);
                    const data = await Promise.all(search.results.map(r => r.data()));
                    return data.map(d => d.url);
                }""",
                term,
            )
    missing = [
        (term, prefix) for term, prefix in wanted if not any(u.startswith(prefix) and u != prefix for u in found[term])
    ]
    assert missing == [], found


@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        ("SITE_SEARCH_SAVE_AS", "/search/index.html", "SITE_SEARCH_SAVE_AS: expected a relative path ending in .html"),
        ("SITE_SEARCH_SAVE_AS", "search/", "SITE_SEARCH_SAVE_AS: expected a relative path ending in .html"),
        ("SITE_SEARCH_LANGUAGE", "日本語", "SITE_SEARCH_LANGUAGE: expected a language code"),
        ("SITE_SEARCH_INDEX", "yes", "SITE_SEARCH_INDEX: expected True or False"),
    ],
)
def test_wrong_settings_are_refused(setting, value, message):
    with pytest.raises(ConfigurationError, match=message):
        read_settings({setting: value})


def test_default_settings():
    search = read_settings({})
    assert (search.save_as, search.url, search.language, search.index) == ("search/index.html", "search/", "ja", True)
