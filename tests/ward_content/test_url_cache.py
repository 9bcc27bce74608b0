"""Content objects keep their URL and source path answers; the answers are Pelican's."""

from __future__ import annotations

import datetime
import os

from pelican.contents import Article, Content
from pelican.settings import DEFAULT_CONFIG

from ward_content.url_cache import remember_source_path


def _article(tmp_path) -> Article:
    settings = {**DEFAULT_CONFIG, "PATH": str(tmp_path / "content")}
    return Article(
        "<p>本文</p>",
        metadata={"title": "題", "date": datetime.datetime(2026, 11, 1), "slug": "a"},
        settings=settings,
        source_path=str(tmp_path / "content" / "news" / "a.md"),
    )


def test_a_content_object_answers_its_source_path_as_pelican_does_without_computing_it_again(tmp_path, monkeypatch):
    article = _article(tmp_path)
    remember_source_path(article)
    other = str(tmp_path / "content" / "images" / "b.jpg")
    assert article.get_relative_source_path() == Content.get_relative_source_path(article) == "news/a.md"
    assert article.get_relative_source_path(other) == Content.get_relative_source_path(article, other)
    calls = []
    real = os.path.relpath
    monkeypatch.setattr(os.path, "relpath", lambda *a: calls.append(a) or real(*a))
    assert article.get_relative_source_path() == "news/a.md"
    assert article.url_format["path"] == "news/a.md"
    assert calls == []
    assert article.get_relative_source_path(other) == "images/b.jpg" and len(calls) == 1
