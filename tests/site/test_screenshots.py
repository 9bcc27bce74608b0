"""tools/screenshots.py names one real page of every kind (the PNGs themselves are for people to look at)."""

from conftest import ROOT

from tools.screenshots import pages


def test_screenshot_pages_exist_in_the_sample_site(sample_site):
    chosen = pages(ROOT / "content")
    assert {"home", "article", "history-site", "event", "bulletin", "search"} <= set(chosen)
    missing = [path for path in chosen.values() if not (sample_site / path.split("?")[0] / "index.html").is_file()]
    assert missing == []
