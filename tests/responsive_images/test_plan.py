"""The pure plan: candidate widths (never upscaled), names, fallback format, and the settings' messages."""

from pathlib import Path

import pytest
from responsive_images.plan import Facts, candidate_widths, content_source, plan_picture
from responsive_images.settings import read_settings

from ward_content.errors import ConfigurationError

WIDTHS = (480, 960, 1600)


@pytest.mark.parametrize(
    ("width", "expected"),
    [
        (4032, (480, 960, 1600)),
        (1600, (480, 960, 1600)),
        (1200, (480, 960, 1200)),
        (480, (480,)),
        (300, (300,)),
    ],
)
def test_candidate_widths_never_exceed_the_photo(width, expected):
    assert candidate_widths(width, WIDTHS) == expected


def test_plan_names_copies_after_the_source_and_falls_back_to_jpeg():
    source = content_source("images/hanabi.jpg", Path("/c"))
    picture = plan_picture(source, Facts(4032, 3024, alpha=False), WIDTHS, ("avif", "webp"))
    assert [fmt for fmt, _ in picture.formats] == ["avif", "webp", "jpeg"]
    assert [c.path for c in picture.fallback[1]] == [
        "images/hanabi-jpg-480w.jpg",
        "images/hanabi-jpg-960w.jpg",
        "images/hanabi-jpg-1600w.jpg",
    ]
    assert [(c.width, c.height) for c in picture.formats[0][1]] == [(480, 360), (960, 720), (1600, 1200)]
    assert (picture.largest.width, picture.largest.height) == (1600, 1200)


def test_transparent_picture_falls_back_to_png():
    source = content_source("images/logo.png", Path("/c"))
    picture = plan_picture(source, Facts(300, 200, alpha=True), WIDTHS, ("webp",))
    assert [c.path for c in picture.fallback[1]] == ["images/logo-png-300w.png"]


def test_same_stem_different_type_do_not_clash():
    a = content_source("images/hanabi.jpg", Path("/c")).out_stem
    b = content_source("images/hanabi.png", Path("/c")).out_stem
    assert a != b


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"RESPONSIVE_IMAGES_WIDTHS": [480, 0]},
            "RESPONSIVE_IMAGES_WIDTHS: expected widths in pixels, 16 to 8192, received [480, 0]",
        ),
        (
            {"RESPONSIVE_IMAGES_FORMATS": ["gif"]},
            "RESPONSIVE_IMAGES_FORMATS[0]: Input should be 'avif' or 'webp', received 'gif'",
        ),
        (
            {"RESPONSIVE_IMAGES_QUALITY": {"webp": 101}},
            "RESPONSIVE_IMAGES_QUALITY: expected qualities from 1 to 100, received {'webp': 101}",
        ),
        (
            {"RESPONSIVE_IMAGES_WIDHTS": [480]},
            "RESPONSIVE_IMAGES_WIDHTS: unknown setting; did you mean RESPONSIVE_IMAGES_WIDTHS?",
        ),
    ],
)
def test_wrong_settings_are_named(overrides, message):
    with pytest.raises(ConfigurationError) as caught:
        read_settings({"PATH": "content", **overrides})
    assert str(caught.value) == message


def test_a_wrong_setting_stops_the_build_before_any_work(tmp_path):
    from conftest import article, build_site

    with pytest.raises(ConfigurationError) as caught:
        build_site(tmp_path, {"news/a.md": article()}, RESPONSIVE_IMAGES_WIDTHS=[0])
    assert "RESPONSIVE_IMAGES_WIDTHS: expected widths in pixels, 16 to 8192, received [0]" in str(caught.value)


def test_defaults(tmp_path):
    settings = read_settings({"PATH": str(tmp_path / "content")})
    assert settings.widths == WIDTHS
    assert settings.formats[-1] == "webp"
    assert settings.cache_path == tmp_path / ".cache" / "responsive_images"
    assert settings.quality == {"avif": 55, "webp": 78, "jpeg": 80, "png": 0}
    assert 1 <= settings.workers <= 2


def test_a_photo_header_is_read_once_a_build_and_again_when_the_file_changes(tmp_path, monkeypatch):
    import os

    from PIL import Image
    from responsive_images import pipeline

    from ward_content.build_scope import build_scope

    photo = tmp_path / "a.jpg"
    Image.new("RGB", (1600, 1200), "white").save(photo)
    read = []
    real = pipeline.read_facts
    monkeypatch.setattr(pipeline, "read_facts", lambda path: read.append(path) or real(path))

    with build_scope():
        assert pipeline.facts_of(photo) == pipeline.facts_of(photo) == Facts(1600, 1200, False)
        assert len(read) == 1
        Image.new("RGB", (800, 1000), "white").save(photo)  # replaced during the build
        os.utime(photo, ns=(1, 1))
        assert pipeline.facts_of(photo) == Facts(800, 1000, False)
        assert len(read) == 2
    with build_scope():  # the next build reads it again
        pipeline.facts_of(photo)
    pipeline.facts_of(photo)  # outside a build nothing is kept
    pipeline.facts_of(photo)
    assert len(read) == 5
