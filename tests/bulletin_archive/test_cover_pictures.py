"""Bulletin covers as <picture> at 1x, 2x and 3x their CSS width, so they are sharp on phones."""

# ruff: noqa: F401, F811 (pytest fixtures are imported from bulletin_fixtures and used as arguments)

from bulletin_fixtures import archive_files, cache_dir, pdf_bytes
from conftest import build_site, soup
from PIL import Image


def test_issue_cover_is_a_sharp_picture_and_cards_are_lazy(tmp_path, archive_files, cache_dir):
    output = build_site(tmp_path, files=archive_files("2026-02", "2026-03"), BULLETIN_CACHE_PATH=str(cache_dir))
    page = soup(output, "bulletins/2026-03/index.html")
    picture = page.select_one(".ward-bulletin__summary picture")
    assert [s["type"] for s in picture.select("source")] == ["image/avif", "image/webp"]
    img = picture.img
    assert img["class"] == ["ward-bulletin__cover"]
    assert img["alt"] == "令和8年3月号の表紙。特集「3月号の特集」"
    assert (img["sizes"], img["width"], img["height"], img.get("loading")) == ("240px", "720", "1020", None)
    assert img["srcset"] == (
        "../../bulletins/2026-03/cover-240w.jpg 240w, ../../bulletins/2026-03/cover-480w.jpg 480w, "
        "../../bulletins/2026-03/cover-720w.jpg 720w"
    )
    for width in (240, 480, 720):
        for suffix in ("avif", "webp", "jpg"):
            with Image.open(output / f"bulletins/2026-03/cover-{width}w.{suffix}") as image:
                assert image.size == (width, round(340 * width / 240))
    card = soup(output, "bulletins/index.html").select_one(".ward-bulletin-card picture img")
    assert (card["alt"], card["sizes"], card["loading"]) == ("", "90px", "lazy")
