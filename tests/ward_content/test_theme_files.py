"""The theme's static files go through the build's page writer; Pelican's idle reader check is skipped."""

from __future__ import annotations

import os
from pathlib import Path

from conftest import ROOT, article, build_site
from pelican.generators import ArticlesGenerator
from pelican.readers import RstReader
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import copy

from ward_content.sources import pelican_ignore_files
from ward_content.theme_files import skip_idle_reader_check, theme_copies


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_the_theme_files_listed_are_those_pelican_copies_with_the_same_ignores(tmp_path):
    theme = tmp_path / "theme"
    files = {
        "static/css/site.css": b"body{}",
        "static/js/a.js": b"1",
        "static/js/.hidden.js": b"2",  # ignored: hidden
        "static/js/a.js~": b"3",  # ignored: editor backup
        "static/.git/config": b"4",  # ignored folder
        "static/icons/deep/x.svg": b"<svg/>",
        "static/Thumbs.db": b"5",
    }
    for rel, data in files.items():
        (theme / rel).parent.mkdir(parents=True, exist_ok=True)
        (theme / rel).write_bytes(data)
    ignores = pelican_ignore_files()
    pelican_out = tmp_path / "pelican"
    copy(str(theme / "static"), str(pelican_out / "theme" / "static"), ignores)

    listed = theme_copies(ignores, ["static"], str(theme), "theme", str(tmp_path / "ours"))

    assert {rel: source.read_bytes() for rel, source in listed} == tree(pelican_out)
    assert [rel for rel, _ in listed] == sorted(rel for rel, _ in listed)
    # A single file given as a path, with final_path, lands where Pelican puts it.
    one = theme_copies(ignores, ["static/css/site.css"], str(theme), "theme", str(tmp_path / "o"), "css")
    assert one == [("theme/css/site.css", theme / "static/css/site.css")]


def test_a_link_in_the_theme_is_neither_entered_nor_copied(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    static = tmp_path / "theme" / "static"
    static.mkdir(parents=True)
    (static / "ok.css").write_text("a{}")
    os.symlink(outside, static / "folder")
    os.symlink(outside / "secret.txt", static / "file.txt")

    listed = theme_copies([], ["static"], str(tmp_path / "theme"), "theme", str(tmp_path / "out"))

    assert [rel for rel, _ in listed] == ["theme/static/ok.css"]


def test_a_build_writes_every_theme_file_with_its_bytes_through_its_page_writer(tmp_path, monkeypatch):
    import pelican.generators

    def pelicans_copy(*args, **kwargs):
        raise AssertionError("Pelican's own copy of the theme's files ran")

    monkeypatch.setattr(pelican.generators, "copy", pelicans_copy)
    out = build_site(tmp_path, {"news/a.md": article()})
    expected = tree(ROOT / "theme" / "static")
    written = tree(out / "theme")
    assert len(expected) > 100
    assert {rel: written.get(rel) for rel in expected} == expected


def _articles_generator(tmp_path: Path, readers: dict) -> ArticlesGenerator:
    settings = {**DEFAULT_CONFIG, "PATH": str(tmp_path), "READERS": readers, "CACHE_CONTENT": False}
    return ArticlesGenerator(
        context={}, settings=settings, path=str(tmp_path), theme=DEFAULT_CONFIG["THEME"], output_path=str(tmp_path)
    )


def test_the_disabled_readers_walk_is_skipped_only_when_no_reader_is_disabled(tmp_path):
    idle = _articles_generator(tmp_path, {"rst": None})  # as pelicanconf.py: no reader disabled
    assert not idle.readers.disabled_extensions
    skip_idle_reader_check(idle)
    assert idle.check_disabled_readers() is None
    assert "check_disabled_readers" in vars(idle)  # replaced on this generator alone

    # As Pelican's Readers records a reader whose library is missing (docutils for reStructuredText).
    # (A BaseReader subclass defined here would join every later build's readers.)
    with_missing = _articles_generator(tmp_path, {"rst": None})
    with_missing.readers.disabled_readers["rst"] = RstReader
    skip_idle_reader_check(with_missing)
    assert "check_disabled_readers" not in vars(with_missing)  # Pelican's own check, which warns
    assert ArticlesGenerator.check_disabled_readers.__module__ == "pelican.generators"  # the class is untouched
