"""axe-core (vendored) on the archive's pages in Debian chromium, with the full text opened."""

# ruff: noqa: F401, F811 (pytest fixtures are imported from bulletin_fixtures and used as arguments)

import json

import pytest
from browser_support import axe_violations, open_details
from bulletin_fixtures import archive_files, cache_dir, pdf_bytes
from conftest import build_site

PAGES = ("bulletins/index.html", "bulletins/fy2025/index.html", "bulletins/2026-03/index.html", "index.html")


@pytest.mark.browser
def test_archive_pages_have_no_axe_violations(tmp_path, archive_files, cache_dir, chromium_browser):
    output = build_site(
        tmp_path, files=archive_files("2026-02", "2026-03", "2026-04"), BULLETIN_CACHE_PATH=str(cache_dir)
    )
    found = {}
    page = chromium_browser.new_page()
    try:
        for rel in PAGES:
            page.goto((output / rel).as_uri())
            open_details(page)
            result = axe_violations(page, ("wcag2a", "wcag2aa"))
            if result:
                found[rel] = result
    finally:
        page.close()
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)
