"""Debian chromium at 375 CSS px picks the AVIF copy that fits the screen, not the original."""

from __future__ import annotations

import pytest
from browser_support import chromium, local_only, serve
from conftest import article, build_site
from photo_fixtures import phone_photo


@pytest.mark.browser
@pytest.mark.parametrize(("dpr", "expected"), [(1, "hanabi-jpg-480w.avif"), (2, "hanabi-jpg-960w.avif")])
def test_phone_at_375px_loads_the_fitting_avif(tmp_path, dpr, expected):
    files = {
        "news/hanabi.md": article("花火大会", body="![花火大会の会場](images/hanabi.jpg)"),
        "images/hanabi.jpg": phone_photo(2400, 1800),
    }
    output = build_site(tmp_path, files)
    with serve(output) as url, chromium() as browser:
        context = browser.new_context(viewport={"width": 375, "height": 812}, device_scale_factor=dpr)
        local_only(context)
        page = context.new_page()
        loaded = []
        page.on("response", lambda response: loaded.append(response.url))
        page.goto(f"{url}/news/hanabi/", wait_until="load")
        chosen = page.evaluate("document.querySelector('.ward-article__body picture img').currentSrc")
        context.close()
    assert chosen.endswith(f"/images/{expected}")
    photos = sorted(u.rsplit("/", 1)[1] for u in loaded if "/images/" in u)
    assert photos == [expected]
