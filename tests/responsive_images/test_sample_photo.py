"""The sample photo in content/images/: reproducible, carries GPS like a phone's, shown by a sample article."""

import pytest
from conftest import ROOT, soup
from PIL import ExifTags, Image

from tools.sample_photo import main as write_sample_photo


def test_sample_photo_is_the_reproducible_one_with_gps(tmp_path):
    write_sample_photo([str(tmp_path / "hanabi.jpg")])
    committed = ROOT / "content/images/hanabi.jpg"
    assert (tmp_path / "hanabi.jpg").read_bytes() == committed.read_bytes()
    with Image.open(committed) as image:
        assert image.getexif().get_ifd(ExifTags.IFD.GPSInfo)


@pytest.mark.slow
def test_sample_site_shows_the_photo_as_a_picture(sample_site):
    picture = soup(sample_site, "news/hanabi-40th/index.html").select_one(".ward-article__body picture")
    assert picture.img["alt"] == "夜の海の上に上がる色とりどりの花火（イメージ）"
    assert picture.img["srcset"].endswith("images/hanabi-jpg-1600w.jpg 1600w")
    assert not (sample_site / "images/hanabi.jpg").exists()
