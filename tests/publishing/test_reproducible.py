"""The build is byte-identical across runs: same input, same bytes (deploy diffs show real changes only)."""

from __future__ import annotations

import shutil

import pytest
from conftest import BUILD_DATE, ROOT
from publishing_site import all_files, fast_settings, write_tiny_content

from tools.site_build import build_into


def assert_identical(first, second):
    a, b = all_files(first), all_files(second)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_tiny_site_builds_byte_identical_twice(tmp_path, settings):
    content = write_tiny_content(tmp_path / "content")
    overrides = {"PATH": str(content), "WARD_BUILD_DATE": BUILD_DATE, **fast_settings()}
    build_into(settings, tmp_path / "one", overrides)
    # Without the first build's cache of cleaned photos: re-encoding itself must be deterministic.
    shutil.rmtree(tmp_path / ".cache")
    build_into(settings, tmp_path / "two", overrides)
    assert_identical(tmp_path / "one", tmp_path / "two")


@pytest.mark.slow
def test_sample_content_builds_byte_identical_twice(tmp_path):
    for name in ("one", "two"):
        build_into("publishconf.py", tmp_path / name, {"PATH": str(ROOT / "content"), "WARD_BUILD_DATE": BUILD_DATE})
    assert_identical(tmp_path / "one", tmp_path / "two")
