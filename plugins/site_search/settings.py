"""SITE_SEARCH_* settings, read once into a frozen object with defaults."""

from __future__ import annotations

from dataclasses import dataclass, field

from ward_content.errors import ConfigurationError

BINARIES = ("standard", "extended")


@dataclass(frozen=True)
class SiteSearchSettings:
    """Where the search page is written, the index language and binary, and whether to index at all."""

    save_as: str = "search/index.html"
    # The language Pagefind files the index under; the pages' <html lang> must match it.
    language: str = "ja"
    # Off for tiny test sites that do not need an index (indexing takes a few seconds).
    index: bool = True
    # We cut Japanese ourselves (text.py), so the standard binary suffices; "extended" only to compare.
    binary: str = "standard"
    # Characters of a page's text kept for excerpts; a match further on shows the page's beginning.
    excerpt_chars: int = 3000
    # Folders whose pages belong to another folder's section in the filter (campaigns -> events).
    section_aliases: dict[str, str] = field(default_factory=lambda: {"campaigns": "events"})

    @property
    def url(self) -> str:
        return self.save_as.removesuffix("index.html")


def read_settings(settings: dict) -> SiteSearchSettings:
    """Validate every SITE_SEARCH_* value before any work, reporting every wrong one at once."""
    defaults = SiteSearchSettings()
    problems = []
    save_as = settings.get("SITE_SEARCH_SAVE_AS", defaults.save_as)
    if not isinstance(save_as, str) or not save_as.endswith(".html") or save_as.startswith("/"):
        problems.append(f"SITE_SEARCH_SAVE_AS: expected a relative path ending in .html, received {save_as!r}")
    language = settings.get("SITE_SEARCH_LANGUAGE", defaults.language)
    if not isinstance(language, str) or not language.isascii() or not language:
        problems.append(f"SITE_SEARCH_LANGUAGE: expected a language code such as 'ja', received {language!r}")
    index = settings.get("SITE_SEARCH_INDEX", defaults.index)
    if not isinstance(index, bool):
        problems.append(f"SITE_SEARCH_INDEX: expected True or False, received {index!r}")
    binary = settings.get("SITE_SEARCH_BINARY", defaults.binary)
    if binary not in BINARIES:
        problems.append(f"SITE_SEARCH_BINARY: expected one of {', '.join(BINARIES)}, received {binary!r}")
    excerpt_chars = settings.get("SITE_SEARCH_EXCERPT_CHARS", defaults.excerpt_chars)
    if not isinstance(excerpt_chars, int) or isinstance(excerpt_chars, bool) or not 200 <= excerpt_chars <= 20000:
        problems.append(f"SITE_SEARCH_EXCERPT_CHARS: expected a number from 200 to 20000, received {excerpt_chars!r}")
    aliases = settings.get("SITE_SEARCH_SECTION_ALIASES", defaults.section_aliases)
    if not isinstance(aliases, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in aliases.items()):
        problems.append(f"SITE_SEARCH_SECTION_ALIASES: expected a dict of folder to section slug, received {aliases!r}")
    if problems:
        raise ConfigurationError("\n".join(problems))
    return SiteSearchSettings(
        save_as=save_as,
        language=language,
        index=index,
        binary=binary,
        excerpt_chars=excerpt_chars,
        section_aliases=dict(aliases),
    )
