"""axe-core (vendored) on the events pages in Debian chromium."""

import json

import pytest
from browser_support import axe_violations, serve
from conftest import build_site
from test_events_build import FILES

PAGES = (
    "events/index.html",
    "events/past/index.html",
    "events/calendar/2026-12/index.html",
    "events/section/history/index.html",
    "events/walk/index.html",
    "events/dental/index.html",
    "events/asaina/index.html",
    "campaigns/index.html",
    "campaigns/happy-teeth/index.html",
    "index.html",
)


@pytest.mark.browser
def test_events_pages_have_no_axe_violations(tmp_path, chromium_browser):
    output = build_site(tmp_path, files=FILES)
    found = {}
    with serve(output) as url:
        page = chromium_browser.new_page()
        try:
            for rel in PAGES:
                page.goto(f"{url}/{rel.removesuffix('index.html')}")
                violations = axe_violations(page)
                if violations:
                    found[rel] = violations
        finally:
            page.close()
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)
