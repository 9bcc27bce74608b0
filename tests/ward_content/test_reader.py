"""The reader hands Pelican the content set's documents: Pelican's own objects made once per name."""

from __future__ import annotations

import pytest
from conftest import article, build_site

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
