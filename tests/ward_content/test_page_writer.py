"""Pages rendered in several processes: the same bytes as one process, and a problem in any of them fails the build."""

from __future__ import annotations

import logging

import pytest
from conftest import article, build_site

from ward_content.errors import WardBuildError

pytestmark = pytest.mark.build

# Articles over two sections and months: pages, listings, archives, feeds and the sitemap.
FILES = {
    f"{section}/a{number:02d}.md": article(
        f"{section}の記事{number}", date=f"2026-{number % 9 + 1:02d}-{number % 27 + 1:02d}"
    )
    for section in ("news", "reading")
    for number in range(12)
}


def tree(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_three_processes_write_the_same_site_as_one(tmp_path):
    one = build_site(tmp_path / "one", FILES, WARD_PROCESSES=1)
    three = build_site(tmp_path / "three", FILES, WARD_PROCESSES=3)
    alone, shared = tree(one), tree(three)
    assert sorted(alone) == sorted(shared)
    assert [rel for rel in alone if alone[rel] != shared[rel]] == []
    assert "news/a05/index.html" in shared and "sitemap.xml" in shared


def _warn_on(page: str, monkeypatch) -> None:
    """Pelican's writer logs a warning while writing one page (as for a link it cannot resolve)."""
    from pelican.writers import Writer

    original = Writer.write_file

    def write_file(self, name, *args, **kwargs):
        if name.replace("\\", "/") == page:
            logging.getLogger("pelican.writers").warning("テスト用の警告: %s", page)
        return original(self, name, *args, **kwargs)

    monkeypatch.setattr(Writer, "write_file", write_file)


@pytest.mark.parametrize("page", ["news/a00/index.html", "news/a01/index.html", "reading/a07/index.html"])
def test_a_warning_while_a_page_renders_fails_the_build_whichever_process_renders_it(tmp_path, monkeypatch, page):
    _warn_on(page, monkeypatch)
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path, FILES, WARD_PROCESSES=3)
    assert any(f"テスト用の警告: {page}" in error.format() for error in caught.value.errors)


# Neighbours in the sorted list of pages: with two processes, one renders each.
@pytest.mark.parametrize("page", ["news/a00/index.html", "news/a01/index.html"])
def test_a_page_that_cannot_be_rendered_fails_the_build_whichever_process_renders_it(tmp_path, monkeypatch, page):
    from pelican.writers import Writer

    original = Writer.write_file

    def write_file(self, name, *args, **kwargs):
        if name.replace("\\", "/") == page:
            raise OSError("ディスクがいっぱいです")
        return original(self, name, *args, **kwargs)

    monkeypatch.setattr(Writer, "write_file", write_file)
    # The same exception, whichever process met it (a forked copy sends its own back).
    with pytest.raises(OSError, match="ディスクがいっぱいです"):
        build_site(tmp_path, FILES, WARD_PROCESSES=2)


@pytest.mark.parametrize("processes", [1, 2])
def test_the_page_hooks_see_every_written_page_once_with_its_text(tmp_path, monkeypatch, processes):
    """The hooks run once a chunk of pages is written (PAGES_PER_CHUNK), here five: none is left out,
    the last few included."""
    import site_search.indexer

    import ward_content.page_writer

    monkeypatch.setattr(ward_content.page_writer, "PAGES_PER_CHUNK", 5)
    made: list[tuple[str, str]] = []  # by a hook, in this process: (page, the text it was given)
    read_back: list[str] = []  # by the index, because no hook made the page's part
    real = site_search.indexer._part

    def part(path, output, sections, bounds, rel=None, text=None):
        (read_back.append(rel) if text is None else made.append((rel, text)))
        return real(path, output, sections, bounds, rel, text)

    monkeypatch.setattr(site_search.indexer, "_part", part)
    output = build_site(tmp_path, FILES, WARD_PROCESSES=processes, SITE_SEARCH_INDEX=True)
    pages = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html"))
    assert len(pages) > 5 * 4 and len(pages) % 5 and read_back == []
    if processes == 1:  # a forked copy's calls are made in the copy
        assert sorted(rel for rel, _ in made) == pages
        assert all(text == (output / rel).read_text(encoding="utf-8") for rel, text in made)


def _feed_writers(tmp_path):
    """Pelican's own writer and the build's, each into a folder of its own, inside one build scope."""
    from pelican.settings import DEFAULT_CONFIG
    from pelican.writers import Writer

    from ward_content.page_writer import DeferredWriter

    settings = {**DEFAULT_CONFIG, "SITEURL": "https://example.jp", "FEED_DOMAIN": "https://example.jp"}
    (tmp_path / "pelican").mkdir()
    (tmp_path / "ours").mkdir()
    return (
        settings,
        Writer(str(tmp_path / "pelican"), settings=settings),
        DeferredWriter(str(tmp_path / "ours"), settings),
    )


def _entries(settings, count: int):
    import datetime

    from pelican.contents import Article

    return [
        Article(
            f"<p>本文{n}</p>",
            metadata={"title": f"記事{n}", "date": datetime.datetime(2026, 11, n + 1, 9, 0), "slug": f"a{n}"},
            settings=settings,
            source_path=f"a{n}.md",
        )
        for n in range(count)
    ]


def test_a_feed_is_written_with_the_pages_with_the_bytes_pelican_writes(tmp_path):
    from ward_content.build_scope import build_scope

    with build_scope():
        settings, pelican_writer, writer = _feed_writers(tmp_path)
        entries = _entries(settings, 3)
        context = {"SITENAME": "金沢区", "SITEURL": settings["SITEURL"], "FEED_DOMAIN": settings["FEED_DOMAIN"]}
        pelican_writer.write_feed(entries, context, "feeds/all.atom.xml", feed_title="新着")
        assert writer.write_feed(entries, context, "feeds/all.atom.xml", feed_title="新着") is None
        assert not (tmp_path / "ours" / "feeds").exists()  # not yet: it waits for the pages
        writer.flush()
    expected = (tmp_path / "pelican" / "feeds" / "all.atom.xml").read_bytes()
    assert (tmp_path / "ours" / "feeds" / "all.atom.xml").read_bytes() == expected
    assert expected.count(b"<entry>") == 3


def test_a_feed_written_twice_or_over_a_page_is_refused_as_pelican_refuses_it(tmp_path):
    from pelican.writers import FileOverwriteFailedError

    from ward_content.build_scope import build_scope

    with build_scope():
        settings, _, writer = _feed_writers(tmp_path)
        context = {"SITENAME": "金沢区", "SITEURL": settings["SITEURL"], "FEED_DOMAIN": settings["FEED_DOMAIN"]}
        writer.write_feed([], context, "feeds/all.atom.xml")
        with pytest.raises(FileOverwriteFailedError):
            writer.write_feed([], context, "feeds/all.atom.xml")
        writer.write_file("feeds/news.atom.xml", None, context)
        with pytest.raises(FileOverwriteFailedError):
            writer.write_feed([], context, "feeds/news.atom.xml")
        # An overriding write wins once, as in Pelican.
        writer.write_feed(_entries(settings, 1), context, "feeds/all.atom.xml", override_output=True)
        writer.write_feed([], context, "feeds/all.atom.xml")
        writer.pages.clear()  # the page above has no template: only the feeds are made
        writer.flush()
    assert (tmp_path / "ours" / "feeds" / "all.atom.xml").read_bytes().count(b"<entry>") == 1


def test_a_file_written_where_a_page_was_recorded_replaces_it(tmp_path):
    from jinja2 import Template

    from ward_content.build_scope import build_scope
    from ward_content.page_writer import output_bytes

    with build_scope():
        _, _, writer = _feed_writers(tmp_path)
        writer.write_file("a/index.html", Template("ページ"), {})
        writer.write_file("b/index.html", Template("ページ"), {})
        output_bytes(str(tmp_path / "ours"), "a/index.html", lambda: b"file")
        writer.flush()
    assert (tmp_path / "ours" / "a" / "index.html").read_bytes() == b"file"
    assert (tmp_path / "ours" / "b" / "index.html").read_text(encoding="utf-8") == "ページ"


def test_a_kept_file_is_linked_into_the_site_and_never_written_through(tmp_path, monkeypatch):
    import os

    from ward_content.files import write_atomically
    from ward_content.page_writer import KeptCopy

    kept = tmp_path / "cache" / "photo-480w.webp"
    kept.parent.mkdir()
    kept.write_bytes(b"kept photo")
    target = tmp_path / "site" / "images" / "photo-480w.webp"
    KeptCopy(kept).place(target)
    assert target.read_bytes() == b"kept photo" and target.stat().st_ino == kept.stat().st_ino
    # Replacing the site's file (as the privacy passes do) leaves the kept file as it was.
    write_atomically(target, b"cleaned")
    assert kept.read_bytes() == b"kept photo" and target.read_bytes() == b"cleaned"
    # Where no link can be made, a copy; an earlier file there is replaced; the preview gets the bytes.
    monkeypatch.setattr(os, "link", lambda *a: (_ for _ in ()).throw(OSError(18, "cross-device link")))
    KeptCopy(kept).place(target)
    assert target.read_bytes() == b"kept photo" and target.stat().st_ino != kept.stat().st_ino
    assert KeptCopy(kept)() == b"kept photo"


def test_bytes_placed_over_a_linked_file_never_reach_the_kept_file(tmp_path):
    """A build into an output folder it wrote before: a bulletin PDF once linked from its kept cleaned
    copy, now written as bytes (its new PDF had nothing to strip), replaces the link."""
    from ward_content.page_writer import KeptCopy, output_bytes

    kept = tmp_path / "cache" / "issue.pdf"
    kept.parent.mkdir()
    kept.write_bytes(b"kept cleaned copy")
    KeptCopy(kept).place(tmp_path / "site" / "bulletins" / "issue.pdf")
    output_bytes(tmp_path / "site", "bulletins/issue.pdf", b"new issue")
    assert kept.read_bytes() == b"kept cleaned copy"
    assert (tmp_path / "site" / "bulletins" / "issue.pdf").read_bytes() == b"new issue"
