"""Each article's and page's URL computed once per build instead of at every use, and its source path once.

Pelican's `Content.url` and `save_as` are properties that format the URL settings again at every
access: a listing page reads the URL of every article it shows, so a build of 2,000 articles formats
URLs about 20,000 times (a tenth of the build). Once every generator's context is complete
(`all_generators_finalized`), nothing changes an article's slug, date, category or the URL settings,
so its URL is fixed; each content object then takes a subclass of its own class whose `url` and
`save_as` are computed once (functools.cached_property) and otherwise behave exactly as Pelican's.
"""

from __future__ import annotations

import functools

from pelican.contents import Article, Page


class _CachedUrls:
    @functools.cached_property
    def url(self) -> str:
        return self.get_url_setting("url")

    @functools.cached_property
    def save_as(self) -> str:
        return self.get_url_setting("save_as")


class CachedUrlArticle(_CachedUrls, Article):
    """An Article whose URL is fixed for the rest of the build."""


class CachedUrlPage(_CachedUrls, Page):
    """A Page whose URL is fixed for the rest of the build."""


# Pelican finds the URL settings by the class's name (ARTICLE_URL, PAGE_SAVE_AS): the same names.
CachedUrlArticle.__name__ = "Article"
CachedUrlPage.__name__ = "Page"


_FIXED = {Article: CachedUrlArticle, Page: CachedUrlPage}
_LISTS = ("articles", "translations", "drafts", "drafts_translations", "pages", "hidden_pages", "draft_pages")


def fix_urls(generators) -> None:
    """`all_generators_finalized`: every article and page of Pelican's generators keeps its URL."""
    for generator in generators:
        for name in _LISTS:
            for content in getattr(generator, name, ()):
                fixed = _FIXED.get(type(content))
                if fixed is not None:
                    content.__class__ = fixed


class _SourcePath:
    """A content object's `get_relative_source_path`: its own path, asked for at every URL formatting
    (five times an article before its URL is fixed), is the value Pelican computed when it made the
    object (`relative_source_path`, by the same method), not two abspaths and a relpath again."""

    __slots__ = ("_find", "_own")

    def __init__(self, find, own: str | None):
        self._find, self._own = find, own

    def __call__(self, source_path: str | None = None) -> str | None:
        return self._own if not source_path else self._find(source_path)


def remember_source_path(content) -> None:
    """`content_object_init`: the object answers its own relative source path from then on (an
    instance attribute before the class's method; nothing changes a content object's source path)."""
    content.get_relative_source_path = _SourcePath(content.get_relative_source_path, content.relative_source_path)
