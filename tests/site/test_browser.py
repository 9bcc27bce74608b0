"""The sample site in Debian chromium over http: axe-core on one page of every kind at phone and desktop
widths, nothing requested from another host, and the site search finding 花火."""

from __future__ import annotations

import json

import pytest
from browser_support import axe_violations, local_only, open_details, serve
from conftest import ROOT

WIDTHS = (375, 1280)
FIXED_PAGES = (
    "",
    "news/",
    "history/",
    "history/map/",
    "events/",
    "bulletins/",
    "search/",
    "opendata/",
)


def first_url(kind: str) -> str:
    """The URL of the first published content file of a kind (news, history, event, bulletin)."""
    from conftest import check_tree

    documents = sorted(
        (doc for doc in check_tree(ROOT / "content").documents if doc.kind.name == kind),
        key=lambda doc: doc.rel_path,
    )
    for doc in documents:
        if getattr(doc.meta, "status", None) != "draft" and getattr(doc.meta, "draft", False) is not True:
            return doc.url
    raise AssertionError(f"no published {kind} in content/")


def checked_pages(site) -> list[str]:
    """Home, a section, an article, the history catalog, a site, the map, events, an event, a calendar
    month, bulletins, an issue, search and open data."""
    month = sorted(p.parent.name for p in (site / "events" / "calendar").glob("*/index.html"))[0]
    kinds = [first_url(kind) for kind in ("news", "history", "event", "bulletin")]
    return sorted({*FIXED_PAGES, *kinds, f"events/calendar/{month}/"})


@pytest.fixture(scope="module")
def site_url(sample_site):
    with serve(sample_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(chromium_browser):
    """The session's chromium (conftest), launched once for every browser test."""
    return chromium_browser


@pytest.mark.browser
def test_pages_reflow_at_320_px_without_sideways_scrolling(sample_site, site_url, browser):
    """WCAG 1.4.10 (Reflow): at 320 CSS px nothing may need horizontal scrolling; axe does not test this."""
    context = browser.new_context(viewport={"width": 320, "height": 800})
    local_only(context)
    page = context.new_page()
    too_wide = {}
    try:
        for path in [*checked_pages(sample_site), "history/gojuon/", "history/area/"]:
            page.goto(f"{site_url}/{path}", wait_until="networkidle")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                too_wide[f"/{path}"] = width
    finally:
        context.close()
    assert not too_wide, too_wide


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_no_wcag_violation_and_no_third_party_request(sample_site, site_url, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    seen: list[str] = []
    local_only(context, seen)
    page = context.new_page()
    found = {}
    try:
        for path in checked_pages(sample_site):
            page.goto(f"{site_url}/{path}", wait_until="networkidle")
            open_details(page)
            violations = axe_violations(page)
            if violations:
                found[f"/{path} ({width}px)"] = violations
    finally:
        context.close()
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)
    assert [url for url in seen if not url.startswith(site_url)] == []


@pytest.mark.browser
@pytest.mark.parametrize("typed_at", ["commit", "domcontentloaded", "load"])
def test_search_for_hanabi_links_to_a_page(site_url, browser, typed_at):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    seen: list[str] = []
    local_only(context, seen)
    page = context.new_page()
    try:
        # Typed before the scripts ran, while Pagefind was still loading, or after: the query must
        # never be lost (it was once cleared by the address's empty ?q= while Pagefind loaded).
        page.goto(f"{site_url}/search/", wait_until=typed_at)
        page.fill("#ward-search input", "花火")
        page.press("#ward-search input", "Enter")
        try:
            page.wait_for_selector(".ward-search__result a", timeout=15000)
        except Exception as error:
            status = page.text_content("#ward-search-status")
            raise AssertionError(f"no result for 花火 at {page.url}; status: {status!r}") from error
        links = [a.get_attribute("href") for a in page.query_selector_all(".ward-search__result-title a")]
        # The box has a Japanese label, and the results themselves pass axe too.
        assert page.text_content("label[for=ward-search-q]") == "検索する言葉"
        violations = axe_violations(page)
        target = links[0].split("#")[0]
        response = page.goto(f"{site_url}{target}")
        heading = page.text_content("h1")
    finally:
        context.close()
    assert violations == []
    assert response.status == 200
    assert "花火" in heading
    assert [url for url in seen if not url.startswith(site_url)] == []


@pytest.mark.browser
def test_search_page_without_javascript_links_to_the_sections(site_url, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{site_url}/search/")
        message = page.text_content(".ward-search__fallback")
        links = [a.get_attribute("href") for a in page.query_selector_all(".ward-search__sections a")]
        visible = page.is_visible(".ward-search__fallback")
    finally:
        context.close()
    assert visible
    assert "JavaScript" in message
    assert len(links) == 9 and all(link.startswith("../") for link in links)
