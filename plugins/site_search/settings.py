"""SITE_SEARCH_* settings, read once into a frozen object with defaults."""

from __future__ import annotations

from dataclasses import dataclass

from ward_content.errors import ConfigurationError


@dataclass(frozen=True)
class SiteSearchSettings:
    """Where the search page is written, the index language, and whether to index at all."""

    save_as: str = "search/index.html"
    # Pagefind's extended binary segments Japanese words only when it knows the language.
    language: str = "ja"
    # Off for tiny test sites that do not need an index (indexing takes a few seconds).
    index: bool = True

    @property
    def url(self) -> str:
        return self.save_as.removesuffix("index.html")


def read_settings(settings: dict) -> SiteSearchSettings:
    """Validate every SITE_SEARCH_* value before any work; a wrong value is a developer's error."""
    save_as = settings.get("SITE_SEARCH_SAVE_AS", SiteSearchSettings.save_as)
    if not isinstance(save_as, str) or not save_as.endswith(".html") or save_as.startswith("/"):
        raise ConfigurationError(f"SITE_SEARCH_SAVE_AS: expected a relative path ending in .html, received {save_as!r}")
    language = settings.get("SITE_SEARCH_LANGUAGE", SiteSearchSettings.language)
    if not isinstance(language, str) or not language.isascii() or not language:
        raise ConfigurationError(f"SITE_SEARCH_LANGUAGE: expected a language code such as 'ja', received {language!r}")
    index = settings.get("SITE_SEARCH_INDEX", SiteSearchSettings.index)
    if not isinstance(index, bool):
        raise ConfigurationError(f"SITE_SEARCH_INDEX: expected True or False, received {index!r}")
    return SiteSearchSettings(save_as=save_as, language=language, index=index)
