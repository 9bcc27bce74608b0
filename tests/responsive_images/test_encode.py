"""Encoding one width: same bytes every time, upright, no metadata, errors as staff messages."""

import io

from photo_fixtures import phone_photo
from PIL import Image
from responsive_images.encode import encode_width

FORMATS = (("avif", 55), ("webp", 78), ("jpeg", 80))


def test_same_photo_same_bytes(tmp_path):
    path = tmp_path / "a.jpg"
    path.write_bytes(phone_photo(800, 600))
    first = encode_width(str(path), 480, 360, False, FORMATS)
    assert first == encode_width(str(path), 480, 360, False, FORMATS)
    for fmt, data in first.items():
        with Image.open(io.BytesIO(data)) as image:
            assert image.size == (480, 360), fmt
            assert not len(image.getexif()), fmt


def test_damaged_photo_is_a_message_not_an_exception(tmp_path):
    path = tmp_path / "a.jpg"
    path.write_bytes(phone_photo(800, 600)[:5000])
    result = encode_width(str(path), 480, 360, False, FORMATS)
    assert result["error"].startswith("画像ファイルが壊れています（")
