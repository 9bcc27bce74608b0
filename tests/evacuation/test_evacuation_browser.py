"""axe-core on the evacuation pages in Debian chromium, at phone and desktop widths."""

import json

import pytest
from browser_support import axe_at_widths
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
    found = axe_at_widths(chromium_browser, output, PAGES)
    assert not found, json.dumps(found, ensure_ascii=False, indent=1)
