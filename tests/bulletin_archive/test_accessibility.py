"""axe-core (vendored) on the archive's pages in Debian chromium, with the full text opened."""

# ruff: noqa: F401, F811 (pytest fixtures are imported from bulletin_fixtures and used as arguments)

import json

import pytest
from bulletin_fixtures import archive_files, cache_dir, pdf_bytes
from conftest import ROOT, build_site

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
PAGES = ("bulletins/index.html", "bulletins/fy2025/index.html", "bulletins/2026-03/index.html", "index.html")


@pytest.mark.browser
def test_archive_pages_have_no_axe_violations(tmp_path, archive_files, cache_dir):
    from playwright.sync_api import sync_playwright

    output = build_site(
        tmp_path, files=archive_files("2026-02", "2026-03", "2026-04"), BULLETIN_CACHE_PATH=str(cache_dir)
    )
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
                page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
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
