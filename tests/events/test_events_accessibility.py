"""axe-core (vendored) on the events pages in Debian chromium."""

import json

import pytest
from conftest import ROOT, build_site
from test_events_build import FILES

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
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
def test_events_pages_have_no_axe_violations(tmp_path):
    from playwright.sync_api import sync_playwright

    output = build_site(tmp_path, files=FILES)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        )
        try:
            page = browser.new_page()
            found = {}
            for rel in PAGES:
                page.goto((output / rel).as_uri())
                page.add_script_tag(path=str(AXE))
                result = page.evaluate(
                    "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})"
                    ".then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))"
                )
                if result:
                    found[rel] = result
        finally:
            browser.close()
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)
