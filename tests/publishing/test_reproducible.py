"""The build is byte-identical across runs: same input, same bytes (deploy diffs show real changes only)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUILD_DATE, ROOT, article, write_files
from publishing_site import all_files, fast_settings, tiny_files, write_tiny_content

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
def test_sample_content_builds_byte_identical_from_two_copies(tmp_path):
    """The real content, copied file by file in opposite orders, as two clones of the repository."""
    from tools.sample_bulletins import ensure_pdfs

    ensure_pdfs(ROOT / "content")
    sources = sorted(p for p in (ROOT / "content").rglob("*") if p.is_file())
    for name, order in (("a", sources), ("b", list(reversed(sources)))):
        for source in order:
            target = tmp_path / name / "content" / source.relative_to(ROOT / "content")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    build_elsewhere("publishconf.py", tmp_path / "a" / "content", tmp_path / "a" / "output", "forward", "1")
    build_elsewhere("publishconf.py", tmp_path / "b" / "content", tmp_path / "b" / "output", "reverse", "2")
    assert_identical(tmp_path / "a" / "output", tmp_path / "b" / "output")


EVENT = """---
title: {title}
announced: 2026-10-01
section: festival
start: 2026-12-05 10:00
venue:
  name: 海の公園
  address: 横浜市金沢区海の公園
---
本文です。
"""


def same_day_files() -> dict[str, str | bytes]:
    """The tiny site plus items that tie on their date, where only a total order keeps lists stable."""
    files = tiny_files()
    for name in ("aki", "fuyu", "haru", "natsu"):
        files[f"news/same-day-{name}.md"] = article(f"同じ日のお知らせ（{name}）", "2026-09-01")
        files[f"kosodate/same-day-{name}.md"] = article(f"同じ日の子育て（{name}）", "2026-09-01")
        files[f"events/same-time-{name}.md"] = EVENT.format(title=f"同じ時刻の催し（{name}）")
        files[f"pages/same-order-{name}.md"] = f"---\ntitle: 案内（{name}）\norder: 50\n---\n本文です。\n"
    return files


def build_elsewhere(settings: str, content: Path, output: Path, order: str, hash_seed: str) -> None:
    """A build in its own process, folders listed in `order`, strings hashed with another seed."""
    script = Path(__file__).with_name("listing_order_build.py")
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, str(script), settings, str(content), str(output), order, BUILD_DATE],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]


@pytest.mark.parametrize("settings", ["pelicanconf.py", "publishconf.py"])
def test_two_copies_made_in_other_orders_build_identical_bytes(tmp_path, settings):
    files = same_day_files()
    # Each copy's files are created in the opposite order (other inodes, other directory order).
    first = write_files(tmp_path / "a" / "content", dict(files.items()))
    second = write_files(tmp_path / "b" / "content", dict(reversed(files.items())))
    build_elsewhere(settings, first, tmp_path / "a" / "output", "forward", "1")
    build_elsewhere(settings, second, tmp_path / "b" / "output", "reverse", "2")
    assert_identical(tmp_path / "a" / "output", tmp_path / "b" / "output")


def test_compiled_templates_kept_between_builds_give_the_same_bytes(tmp_path, monkeypatch):
    """A build from .cache/templates/ (as every build after the first) equals one that compiled."""
    from tools import site_build

    folder = tmp_path / "templates"
    monkeypatch.setattr(site_build, "template_cache", lambda settings: site_build.TemplateBytecodeCache(folder))
    content = write_tiny_content(tmp_path / "content")
    overrides = {"PATH": str(content), "WARD_BUILD_DATE": BUILD_DATE, **fast_settings()}
    build_into("pelicanconf.py", tmp_path / "one", overrides)
    compiled = sorted(folder.iterdir())
    assert compiled, "the first build keeps its compiled templates"
    stamps = [path.stat().st_mtime_ns for path in compiled]
    build_into("pelicanconf.py", tmp_path / "two", overrides)
    assert [path.stat().st_mtime_ns for path in sorted(folder.iterdir())] == stamps  # read, not compiled again
    assert_identical(tmp_path / "one", tmp_path / "two")


def test_an_edited_template_is_compiled_again_whatever_the_cache_holds(tmp_path):
    from jinja2 import Environment, FileSystemLoader

    from tools.site_build import TemplateBytecodeCache

    templates = tmp_path / "theme"
    templates.mkdir()
    (templates / "page.html").write_text("<p>{{ title }}</p>", encoding="utf-8")

    def render() -> str:  # a new environment and cache object per build, one folder between builds
        cache = TemplateBytecodeCache(tmp_path / "cache")
        return (
            Environment(loader=FileSystemLoader(templates), bytecode_cache=cache)
            .get_template("page.html")
            .render(title="金沢")
        )

    assert render() == "<p>金沢</p>"
    (templates / "page.html").write_text("<h1>{{ title }}区</h1>", encoding="utf-8")
    assert render() == "<h1>金沢区</h1>"


def test_each_set_of_jinja_options_has_its_own_compiled_templates():
    from tools.site_build import environment_signature

    escaped = environment_signature({"JINJA_ENVIRONMENT": {"autoescape": True, "trim_blocks": True}})
    assert escaped == environment_signature({"JINJA_ENVIRONMENT": {"trim_blocks": True, "autoescape": True}})
    assert escaped != environment_signature({"JINJA_ENVIRONMENT": {"autoescape": False, "trim_blocks": True}})
    assert escaped == environment_signature(
        {"JINJA_ENVIRONMENT": {"autoescape": True, "trim_blocks": True, "bytecode_cache": object()}}
    )
