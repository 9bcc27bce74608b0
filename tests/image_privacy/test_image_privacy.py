"""image_privacy: photos are published without EXIF (GPS, camera, owner), XMP or comments, and upright."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from conftest import article, build_site
from PIL import ExifTags, Image

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "publishing"))

from image_privacy.core import carries_metadata, is_lossless_webp, strip_metadata
from image_privacy.settings import ImagePrivacySettings, read_settings
from publishing_site import photo

from ward_content.errors import ConfigurationError, WardBuildError

SETTINGS = ImagePrivacySettings()
# Photos are published as resized copies (responsive_images); these tests publish originals from a
# static folder, as files/ (maps, 募集要項) is, to test the cleaning on its own.
STATIC_IMAGES = {"STATIC_PATHS": ["images", "files"]}


def opened(data: bytes) -> Image.Image:
    return Image.open(io.BytesIO(data))


@pytest.mark.parametrize(
    ("image_format", "options"),
    [
        ("JPEG", {}),
        ("JPEG", {"xmp": b"<x:xmpmeta>Kanazawa Taro</x:xmpmeta>", "comment": b"Kanazawa Taro"}),
        ("JPEG", {"progressive": True}),
        ("WEBP", {}),
        ("WEBP", {"lossless": True}),
        ("WEBP", {"xmp": b"<x:xmpmeta>Kanazawa Taro</x:xmpmeta>"}),
        ("PNG", {}),
    ],
)
def test_metadata_is_removed_and_pixels_kept(image_format, options):
    original = photo(image_format, **options)
    assert opened(original).getexif().get_ifd(ExifTags.IFD.GPSInfo)
    cleaned = strip_metadata(original, SETTINGS)
    image = opened(cleaned)
    assert image.format == image_format
    assert image.size == (64, 48)
    assert not len(image.getexif())
    assert not carries_metadata(image)
    assert b"Kanazawa Taro" not in cleaned
    assert b"WardCam" not in cleaned
    # The colours are the photo's, not a blank re-encode.
    assert image.convert("RGB").getpixel((60, 40))[0] > 150


def test_lossless_webp_stays_lossless():
    cleaned = strip_metadata(photo("WEBP", lossless=True), SETTINGS)
    assert is_lossless_webp(cleaned)
    assert opened(cleaned).convert("RGB").getpixel((60, 40)) == (200, 120, 40)


def test_jpeg_keeps_its_quantisation_tables():
    original = photo("JPEG", quality=55)
    assert opened(strip_metadata(original, SETTINGS)).quantization == opened(original).quantization


@pytest.mark.parametrize("orientation", [6, 8])
def test_photo_upright_only_by_exif_is_rotated(orientation):
    cleaned = opened(strip_metadata(photo("JPEG", orientation=orientation), SETTINGS))
    assert cleaned.size == (48, 64)


def test_png_text_chunks_are_removed():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Kanazawa Taro")
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, format="PNG", pnginfo=info)
    cleaned = strip_metadata(buffer.getvalue(), SETTINGS)
    assert b"Kanazawa Taro" not in cleaned
    assert not opened(cleaned).text


def test_image_without_metadata_is_left_as_it_is():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, format="JPEG")
    assert strip_metadata(buffer.getvalue(), SETTINGS) is None


def test_cleaning_is_byte_identical_each_time():
    original = photo("WEBP")
    assert strip_metadata(original, SETTINGS) == strip_metadata(original, SETTINGS)


def test_built_site_publishes_photos_without_gps(tmp_path):
    files = {
        "news/hanabi.md": article("花火大会", body="![花火大会の会場の写真]({static}/images/hanabi.jpg)"),
        "images/hanabi.jpg": photo("JPEG"),
        "images/sub/umi.webp": photo("WEBP"),
        "files/map.png": photo("PNG"),
    }
    output = build_site(tmp_path, files, **STATIC_IMAGES)
    for rel in ("images/hanabi.jpg", "images/sub/umi.webp", "files/map.png"):
        published = Image.open(output / rel)
        assert not len(published.getexif()), rel
        assert not published.getexif().get_ifd(ExifTags.IFD.GPSInfo), rel
    # The original in content/ keeps its EXIF: only the published copy is cleaned.
    assert Image.open(tmp_path / "content/images/hanabi.jpg").getexif().get_ifd(ExifTags.IFD.GPSInfo)
    cache = tmp_path / ".cache" / "image_privacy"
    assert len([p for p in cache.iterdir() if not p.name.endswith(".clean")]) == 3


def test_second_build_reuses_the_cache_with_the_same_bytes(tmp_path):
    files = {"images/hanabi.jpg": photo("JPEG"), "news/a.md": article()}
    first = (build_site(tmp_path, files, **STATIC_IMAGES) / "images/hanabi.jpg").read_bytes()
    cache = tmp_path / ".cache" / "image_privacy"
    entries = sorted(cache.iterdir())
    second = (build_site(tmp_path, {}, **STATIC_IMAGES) / "images/hanabi.jpg").read_bytes()
    assert first == second
    assert sorted(cache.iterdir()) == entries


def test_linked_static_files_are_replaced_not_written_through(tmp_path):
    output = build_site(
        tmp_path,
        {"images/hanabi.jpg": photo("JPEG"), "news/a.md": article()},
        STATIC_CREATE_LINKS=True,
        **STATIC_IMAGES,
    )
    assert not len(Image.open(output / "images/hanabi.jpg").getexif())
    assert Image.open(tmp_path / "content/images/hanabi.jpg").getexif().get_ifd(ExifTags.IFD.GPSInfo)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"IMAGE_PRIVACY_FOLDERS": "images"},
            "IMAGE_PRIVACY_FOLDERS: expected a list of folder names, received 'images'",
        ),
        (
            {"IMAGE_PRIVACY_JPEG_QUALITY": 0},
            "IMAGE_PRIVACY_JPEG_QUALITY: expected an integer from 1 to 100, received 0",
        ),
        (
            {"IMAGE_PRIVACY_WEBP_QUALITY": "90"},
            "IMAGE_PRIVACY_WEBP_QUALITY: expected an integer from 1 to 100, received '90'",
        ),
    ],
)
def test_wrong_settings_are_named(overrides, message):
    with pytest.raises(ConfigurationError) as caught:
        read_settings({"PATH": "content", **overrides})
    assert str(caught.value) == message


def test_default_folders_are_the_static_paths(tmp_path):
    settings = read_settings({"PATH": str(tmp_path / "content"), "STATIC_PATHS": ["images", "files"]})
    assert settings.folders == ("images", "files")
    assert settings.cache_path == tmp_path / ".cache" / "image_privacy"


def test_unreadable_photo_fails_the_build_and_names_the_file(tmp_path):
    with pytest.raises(WardBuildError) as caught:
        build_site(
            tmp_path,
            {"news/a.md": article(), "images/broken.jpg": b"not a jpeg", "images/ok.jpg": photo()},
            **STATIC_IMAGES,
        )
    assert caught.value.report().endswith(
        "content/images/broken.jpg:1: 画像として読めないファイルです。撮影した写真を JPEG・PNG・WebP で保存し直してから置いてください"
        "（位置情報などを消せないため公開しません） (unreadable image)"
    )
