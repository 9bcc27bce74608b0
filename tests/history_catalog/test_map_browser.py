"""The map in Debian chromium: no request to any other host until 「地図を表示」 is pressed; axe on the catalog's pages."""

import json
from urllib.parse import urlsplit

import pytest
from browser_support import axe_violations, serve
from conftest import build_site
from history_fixtures import PLUGINS, small_catalog

TILE_HOST = "cyberjapandata.gsi.go.jp"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    output = build_site(tmp_path_factory.mktemp("map"), files=small_catalog(), PLUGINS=PLUGINS)
    with serve(output) as url:
        yield url


@pytest.fixture(scope="module")
def browser(chromium_browser):
    """The session's chromium (conftest), launched once for every browser test."""
    return chromium_browser


def _recording_page(browser):
    """A page whose every request is recorded, and whose requests to other hosts are aborted, so nothing leaves."""
    context = browser.new_context()
    page = context.new_page()
    seen = []
    page.on("request", lambda request: seen.append(request.url))
    context.route(
        "**/*",
        lambda route: route.continue_() if urlsplit(route.request.url).hostname == "127.0.0.1" else route.abort(),
    )
    return context, page, seen


@pytest.mark.browser
@pytest.mark.parametrize("path", ["history/map/", "history/origin/"])
def test_no_third_party_request_until_the_button_is_pressed(server, browser, path):
    context, page, seen = _recording_page(browser)
    try:
        page.goto(f"{server}/{path}")
        page.wait_for_load_state("networkidle")
        before = list(seen)
        assert before, "the page itself was requested"
        assert all(urlsplit(url).hostname == "127.0.0.1" for url in before), before
        assert not any("leaflet" in url for url in before), "Leaflet is loaded only after the press"
        button = page.get_by_role("button", name="地図を表示")
        assert button.is_visible()
        button.click()
        page.wait_for_function("window.L !== undefined")
        page.wait_for_selector(".leaflet-marker-icon")
        page.wait_for_load_state("networkidle")
        after = seen[len(before) :]
        assert any(urlsplit(url).hostname == TILE_HOST for url in after), after
        assert any(url.endswith("/vendor/leaflet/leaflet.js") for url in after)
        assert not button.is_visible()
    finally:
        context.close()


@pytest.mark.browser
def test_without_javascript_the_page_shows_addresses_and_gsi_links(server, browser):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{server}/history/origin/")
        assert not page.get_by_role("button", name="地図を表示").is_visible()
        link = page.get_by_role("link", name="地理院地図で「起点寺」の位置を見る")
        assert link.get_attribute("href") == "https://maps.gsi.go.jp/#17/35.34/139.63/"
        assert page.locator(".ward-map__point").inner_text().startswith("金沢区金沢町")
    finally:
        context.close()


@pytest.mark.browser
def test_catalog_pages_have_no_axe_violations(server, browser):
    pages = (
        "history/",
        "history/gojuon/",
        "history/era/",
        "history/area/",
        "history/designation/",
        "history/origin/",
        "history/south/",
        "history/nowhere/",
        "history/map/",
        "opendata/",
        "",
    )
    context, page, _ = _recording_page(browser)
    found = {}
    try:
        for rel in pages:
            page.goto(f"{server}/{rel}")
            result = axe_violations(page)
            if result:
                found[rel] = result
    finally:
        context.close()
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)
