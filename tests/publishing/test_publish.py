"""`publish`: production build in a fresh folder, strict checks, and only then output/ is replaced."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import BUILD_DATE, ROOT, article, write_files
from publishing_site import DRAFT_TITLE, all_files, fast_settings, write_tiny_content

from tools.output_hygiene import local_paths
from tools.publish import PublishFailed, PublishResult, check_site, failure_lines, publish


@pytest.fixture
def tiny(tmp_path):
    """A tiny content folder and the overrides that build it with publishconf.py."""
    content = write_tiny_content(tmp_path / "content")
    overrides = {"PATH": str(content), "WARD_BUILD_DATE": BUILD_DATE, **fast_settings()}
    return content, overrides


@dataclass(frozen=True)
class Published:
    """The tiny site published once for this module, and what that publish left behind."""

    content: Path
    overrides: dict
    output: Path
    result: PublishResult
    files: dict[str, bytes]
    # Names in the publish's own temporary folder afterwards (its staging folders).
    leftovers: tuple[str, ...]


@pytest.fixture(scope="module")
def published_once(tmp_path_factory) -> Published:
    """One real publish of the tiny site per module; tests copy its content and output, never change them."""
    root = tmp_path_factory.mktemp("published")
    content = write_tiny_content(root / "content")
    overrides = {"PATH": str(content), "WARD_BUILD_DATE": BUILD_DATE, **fast_settings()}
    output = root / "output"
    # A private temporary folder, so other processes' publish runs cannot be mistaken for ours.
    private = root / "tmp"
    private.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tempfile, "tempdir", str(private))
        result = publish("publishconf.py", output, overrides)
    return Published(content, overrides, output, result, all_files(output), tuple(sorted(os.listdir(private))))


def copy_of(once: Published, tmp_path: Path) -> tuple[Path, dict, Path]:
    """This test's own copy of the published content and output, with the overrides that build the copy."""
    content = tmp_path / "content"
    shutil.copytree(once.content, content)
    output = tmp_path / "output"
    shutil.copytree(once.output, output)
    return content, {**once.overrides, "PATH": str(content)}, output


def test_publish_writes_absolute_urls_and_no_drafts(published_once):
    result, output = published_once.result, published_once.output
    assert result.written > 0
    page = (output / "news" / "with-photo" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://kanazawa-ward.github.io/news/with-photo/">' in page
    assert 'href="https://kanazawa-ward.github.io/feeds/all.atom.xml"' in page
    assert "https://kanazawa-ward.github.io/news/with-photo/" in (output / "feeds/all.atom.xml").read_text("utf-8")
    assert not (output / "drafts").exists()
    assert not any(DRAFT_TITLE in p.read_text("utf-8") for p in output.rglob("*.html"))


def test_unchanged_files_are_not_rewritten(published_once, tmp_path):
    # A copy of the first publish's output; the second publish builds the same content again.
    output = tmp_path / "output"
    shutil.copytree(published_once.output, output)
    times = {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()}
    second = publish("publishconf.py", output, published_once.overrides)
    assert (second.written, second.removed) == (0, 0)
    assert {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()} == times


def test_staging_folder_is_removed(published_once):
    # The module's publish ran with a private temporary folder (see published_once).
    assert [name for name in published_once.leftovers if name.startswith("ward-publish-")] == []


def _assert_output_untouched(output, before):
    assert all_files(output) == before


@pytest.fixture
def published(published_once, tmp_path):
    """The tiny site published (a copy of the module's publish), with a note of every file's bytes."""
    content, overrides, output = copy_of(published_once, tmp_path)
    return content, overrides, output, published_once.files


def test_content_error_stops_before_building(published):
    content, overrides, output, before = published
    write_files(content, {"news/bad.md": article(date="2026/13/01")})
    with pytest.raises(PublishFailed) as caught:
        publish("publishconf.py", output, overrides)
    assert caught.value.stage == "content"
    assert any(
        "content/news/bad.md:3: date: 「2026/13/01」は日付として読めません" in line for line in caught.value.lines
    )
    _assert_output_untouched(output, before)


def test_missing_anchor_fails_link_check(published):
    content, overrides, output, before = published
    write_files(content, {"news/anchor.md": article("見出しへのリンク", body="[会場の案内](#nai-midashi)")})
    with pytest.raises(PublishFailed) as caught:
        publish("publishconf.py", output, overrides)
    assert caught.value.stage == "links"
    # Written in Markdown, so reported at the Markdown line, not at output/…/index.html.
    assert caught.value.lines == (
        "content/news/anchor.md:5: 本文: リンク「#nai-midashi」: リンク先のページに「#nai-midashi」の場所（id）がありません"
        " (missing anchor)",
    )
    assert failure_lines(caught.value, github=True)[0].startswith(
        "::error file=content/news/anchor.md,line=5,title=publish (links)::本文: "
    )
    _assert_output_untouched(output, before)


def test_invalid_html_fails_validation(published_once, tmp_path):
    """The strict checks on a copy of the published site with one page added that carries an obsolete attribute.

    Invalid HTML written in Markdown goes through a whole failing publish in
    test_every_failing_check_is_reported_at_once; here only the checks run, on the module's build
    (the page is edited after the build, so no content rule can refuse the attribute first).
    """
    site = tmp_path / "site"
    shutil.copytree(published_once.output, site)
    page = (site / "news" / "news-hello" / "index.html").read_text(encoding="utf-8")
    body = "<p>news の本文です。</p>"
    assert page.count(body) == 1
    write_files(site, {"news/old-html/index.html": page.replace(body, '<p align="center">中央に寄せた文</p>')})
    forbidden = local_paths(ROOT, published_once.content, site)
    with pytest.raises(PublishFailed) as caught:
        check_site(site, published_once.result.settings, forbidden=forbidden)
    assert caught.value.stage == "html"
    assert any(
        line.startswith("output/news/old-html/index.html:") and "align" in line and "obsolete" in line
        for line in caught.value.lines
    )


def test_local_path_in_output_fails_hygiene(published):
    content, overrides, output, before = published
    leaked = f"{tempfile.gettempdir()}/kanazawa/hanabi.txt"
    write_files(content, {"news/leak.md": article("場所が漏れる記事", body=f"原稿は {leaked} にあります。")})
    with pytest.raises(PublishFailed) as caught:
        publish("publishconf.py", output, overrides)
    assert caught.value.stage == "hygiene"
    assert any(
        line.startswith("output/news/leak/index.html: このパソコンの場所「") and "(local path published)" in line
        for line in caught.value.lines
    )
    _assert_output_untouched(output, before)


def test_github_format_annotates_content_errors(tiny, tmp_path):
    content, overrides = tiny
    write_files(content, {"news/bad.md": article(date="2026/13/01")})
    with pytest.raises(PublishFailed) as caught:
        publish("publishconf.py", tmp_path / "output", overrides, github=True)
    assert any(line.startswith("::error file=content/news/bad.md,line=3::date: ") for line in caught.value.lines)
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize(
    ("line", "annotated"),
    [
        (
            "リンク「/nai/」: ない (broken internal link) — output/a.html:3",
            "::error title=publish (links)::リンク「/nai/」: ない (broken internal link) — output/a.html:3",
        ),
        ("100% wrong", "::error title=publish (links)::100%25 wrong"),
        ("::error file=content/a.md,line=1::x", "::error file=content/a.md,line=1::x"),
    ],
)
def test_failures_become_annotations_on_github(line, annotated):
    failure = PublishFailed("links", [line])
    assert failure_lines(failure, github=True) == [annotated]
    assert failure_lines(failure) == [line]


def test_every_failing_check_is_reported_at_once(published):
    content, overrides, output, before = published
    write_files(
        content,
        {
            "news/anchor.md": article("見出しへのリンク", body="[会場の案内](#nai-midashi)"),
            # Obsolete attributes (align=) no longer reach a page (the allow-list refuses them as a content
            # error); a list item outside a list still gets through Markdown to the HTML checker.
            "news/old-html.md": article("古い書き方", body="<li>リストの外の項目</li>"),
        },
    )
    with pytest.raises(PublishFailed) as caught:
        publish("publishconf.py", output, overrides)
    assert caught.value.stage == "links, html"
    assert any("(missing anchor)" in line for line in caught.value.lines)
    assert any('"li"' in line for line in caught.value.lines)
    _assert_output_untouched(output, before)
