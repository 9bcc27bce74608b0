"""axe-core on the evacuation pages in Debian chromium, at phone and desktop widths."""

import json

import pytest
from browser_support import axe_violations, serve
from conftest import build_site
from evacuation_fixtures import files

PAGES = (
    "bousai/hinan/",
    "bousai/hinan/jishin/",
    "bousai/hinan/tsunami/",
    "bousai/hinan/shelter-1/",
    "bousai/hinan/shelter-2/",
)


@pytest.mark.browser
def test_evacuation_pages_have_no_axe_violations(tmp_path, chromium_browser):
    output = build_site(tmp_path, files=files())
    found = {}
    browser = chromium_browser  # the session's chromium (conftest)
    with serve(output) as url:
        for width in (375, 1280):
            page = browser.new_page(viewport={"width": width, "height": 800})
            for rel in PAGES:
                page.goto(f"{url}/{rel}")
                violations = axe_violations(page)
                if violations:
                    found[f"{width}px /{rel}"] = violations
            page.close()
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)
