"""SITE_SEARCH_* settings: one typed model, validated once per build with every plugin's settings."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Literal

from pydantic import Field, StrictBool, StrictInt, field_validator

from ward_content.config import PluginSettings, read


class SiteSearchSettings(PluginSettings):
    """Where the search page is written, the index language and binary, and whether to index at all."""

    prefix: ClassVar[str] = "SITE_SEARCH_"

    save_as: str = "search/index.html"
    # The language Pagefind files the index under; the pages' <html lang> must match it.
    language: str = "ja"
    # Off for tiny test sites that do not need an index (indexing takes seconds).
    index: StrictBool = True
    # The pinned Pagefind wheel whose browser files (pagefind.js, wasm) are published; we write the
    # index ourselves (bundle.py). "extended" only to compare (not pinned).
    binary: Literal["standard", "extended"] = "standard"
    # Where Pagefind's browser files are kept once extracted (per Pagefind version); beside content/.
    cache_path: Path = Path(".cache/site_search")
    # Characters of a page's text kept for excerpts; a match further on shows the page's beginning.
    excerpt_chars: StrictInt = Field(3000, ge=200, le=20000)
    # Postings per index chunk (Pagefind's default is 20,000). Bigram tokens spread evenly over the
    # sorted word list, so a phrase of three bigrams touches about three chunks: smaller chunks mean
    # fewer bytes per query, at the price of a longer chunk list that every visit loads once.
    chunk_locations: StrictInt = Field(4000, ge=500, le=100000)
    # Bounds: pages in the index (a build with more stops with a message), and tokens of one page
    # (a page's text past it is not indexed; the longest sample page, a bulletin, has about 20,000).
    max_pages: StrictInt = Field(20000, ge=1, le=200000)
    max_tokens: StrictInt = Field(100000, ge=1000, le=1000000)
    # Processes reading and cutting the pages: 1 in the build's own; 0 one per core (at most four)
    # from 200 pages on. Two cost 30 % more CPU (forks, pickled postings) and save wall time only
    # when a core is free, which it seldom is on a shared machine (docs/search.md).
    processes: StrictInt = Field(1, ge=0, le=16)
    # gzip level of the index files. Pagefind uses 9: a third more time than 6 for 0.2 % fewer bytes;
    # 6 took 25-40 % more time than 5 for 0.6-0.8 % fewer bytes of index chunks (500 and 2,000
    # documents; the fragments are the same size at either).
    compression: StrictInt = Field(5, ge=1, le=9)
    # Folders whose pages belong to another folder's section in the filter (campaigns -> events).
    section_aliases: dict[str, str] = Field(default_factory=lambda: {"campaigns": "events"})

    @field_validator("save_as")
    @classmethod
    def _relative_html(cls, value: str) -> str:
        if not value.endswith(".html") or value.startswith("/"):
            raise ValueError("expected a relative path ending in .html")
        return value

    @field_validator("language")
    @classmethod
    def _language_code(cls, value: str) -> str:
        if not value or not value.isascii():
            raise ValueError("expected a language code such as 'ja'")
        return value

    @classmethod
    def derived(cls, settings: dict) -> dict:
        # The cache beside content/, as the other plugins keep theirs.
        if not settings.get("SITE_SEARCH_CACHE_PATH") and settings.get("PATH"):
            return {"cache_path": Path(settings["PATH"]).resolve().parent / ".cache" / "site_search"}
        return {}

    @property
    def url(self) -> str:
        return self.save_as.removesuffix("index.html")


def provide_settings(sender) -> type[SiteSearchSettings]:
    return SiteSearchSettings


def read_settings(settings: dict) -> SiteSearchSettings:
    """Validated once per build (the build's copy), or here for tools that run no build."""
    return read(settings, SiteSearchSettings)
