"""The reader hands Pelican the content set's documents: Pelican's own objects made once per name."""

from __future__ import annotations

import os

import pytest
from conftest import ROOT, article, build_site

pytestmark = pytest.mark.build


def test_a_category_tag_or_author_is_one_object_per_name_slugified_once(tmp_path, monkeypatch):
    import pelican.urlwrappers

    slugified: list[str] = []
    real = pelican.urlwrappers.slugify

    def counting(value, *args, **kwargs):
        slugified.append(value)
        return real(value, *args, **kwargs)

    monkeypatch.setattr(pelican.urlwrappers, "slugify", counting)
    untagged = {f"news/a{n}.md": article(f"記事{n}") for n in range(6)}
    tagged = {
        f"news/t{n}.md": article(f"タグ付きの記事{n}", date="2026-05-01").replace(
            "---\n", "---\ntags: [花火, 防災]\n", 1
        )
        for n in range(4)
    }
    output = build_site(tmp_path, {**untagged, **tagged}, WARD_PROCESSES=1)
    # 10 articles: each name once (a second count would be per article, not per name).
    assert len(slugified) == len(set(slugified)) and "花火" in slugified
    assert (output / "news" / "t3" / "index.html").is_file()


def test_tags_that_are_only_separators_are_dropped_as_pelican_drops_them(tmp_path):
    files = {
        "news/a.md": article("区切りだけのタグ").replace("---\n", '---\ntags: [","]\n', 1),
        "news/b.md": article("セミコロンのタグ").replace("---\n", '---\ntags: [";"]\n', 1),
    }
    output = build_site(tmp_path, files)
    assert (output / "news" / "a" / "index.html").is_file() and (output / "news" / "b" / "index.html").is_file()


def test_an_author_from_default_metadata_is_kept(tmp_path):
    output = build_site(tmp_path, {"news/a.md": article("記事")}, DEFAULT_METADATA={"author": "金沢区広報相談係"})
    feed = (output / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert "<name>金沢区広報相談係</name>" in feed


@pytest.mark.parametrize("processes", [1, 2])
def test_summary_and_reading_time_are_found_while_loading_and_shown_the_same(tmp_path, monkeypatch, processes):
    """Found on every core while the files load; the reader, in one process, takes them as they are."""
    import ward_content.rendering

    body = "区民まつりを開きます。" * 60  # 600 characters: two minutes, a summary cut at a sentence end
    files = {f"news/a{n}.md": article(f"記事{n}", body=body) for n in range(60)}
    # An event: its own plugin's generator shows it, never Pelican's reader, so nothing is found for it.
    files["events/asaina-kiridoshi-walk.md"] = (ROOT / "content" / "events" / "asaina-kiridoshi-walk.md").read_text(
        encoding="utf-8"
    )
    computed: list[int] = []
    real = ward_content.rendering.reading_minutes

    def counting(text):
        computed.append(os.getpid())
        return real(text)

    monkeypatch.setattr(ward_content.rendering, "reading_minutes", counting)
    output = build_site(tmp_path, files, WARD_PROCESSES=processes)
    page = (output / "news" / "a7" / "index.html").read_text(encoding="utf-8")
    assert "この記事は約2分で読めます" in page
    assert '<meta name="description" content="区民まつりを開きます。' in page
    # Once a document, while loading: all 60 here with one process; with two, this process's share
    # only (a forked copy's calls are not seen here). The reader computes none again.
    assert len(computed) == 60 if processes == 1 else 0 < len(computed) < 60
