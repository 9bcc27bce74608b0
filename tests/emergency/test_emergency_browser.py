"""The banner in Debian chromium: axe clean at 375 and 1280 px, first in reading order, visible in forced colours."""

import json

import pytest
from browser_support import axe_at_widths, axe_violations, serve
from conftest import build_site
from emergency_fixtures import with_notice

PAGES = ("", "news/", "news/oshirase/", "about/", "history/", "events/", "emergency/")


@pytest.mark.browser
def test_pages_with_the_banner_have_no_axe_violations_at_phone_and_desktop_widths(tmp_path, chromium_browser):
    output = build_site(tmp_path, files=with_notice())
    found = axe_at_widths(chromium_browser, output, PAGES)
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)


@pytest.mark.browser
def test_banner_is_read_first_and_keeps_its_border_in_forced_colours(tmp_path, chromium_browser):
    output = build_site(tmp_path, files=with_notice())
    browser = chromium_browser  # the session's chromium (conftest)
    with serve(output) as url:
        page = browser.new_page(viewport={"width": 375, "height": 800})
        page.goto(f"{url}/news/")
        # Reading order: the first text after the (visually hidden) skip link is the banner's title.
        first = page.evaluate(
            "() => [...document.body.children].find(el => !el.classList.contains('ward-skip')).innerText.split('\\n')[0]"
        )
        assert first == "【緊急】区内の地域防災拠点を開設しました"
        box = page.locator(".ward-emergency").bounding_box()
        assert box["y"] < page.locator("header").bounding_box()["y"]
        page.keyboard.press("Tab")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "ward-emergency__button"
        page.emulate_media(forced_colors="active")
        style = page.evaluate("getComputedStyle(document.querySelector('.ward-emergency__inner')).borderTopStyle")
        assert style == "solid"
        assert axe_violations(page) == []
        page.close()
