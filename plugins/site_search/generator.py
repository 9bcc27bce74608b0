"""Writes the search page; it reads no content, so it has nothing to account for."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from pelican.generators import Generator

from ward_content.build_scope import ensure_scope

from .indexer import PAGE_HOOK, hook_for, limits, section_names
from .settings import read_settings


class SiteSearchGenerator(Generator):
    """The /search/ page with the Pagefind UI and a no-JavaScript fallback."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.search = read_settings(self.settings)

    def generate_context(self) -> None:
        self.context["site_search_url"] = self.search.url

    def generate_output(self, writer) -> None:
        if self.search.index:
            # Each page's part of the index is made by the process that renders the page, while its
            # text is fresh (ward_content.page_writer); index_site takes these parts when the site is written.
            output = Path(self.output_path)
            sections, bounds = section_names(self.search, self.settings), limits(self.search)
            scope = ensure_scope()
            documents = len(scope.content.documents) if scope.content is not None else 0
            scope.page_hooks[PAGE_HOOK] = hook_for(output, sections, bounds, documents)
        public = self.settings.get("WARD_PUBLIC_URL") or self.settings["SITEURL"]
        # Pagefind stores result URLs from the site root; a site served under a sub-path needs it.
        base_path = (urlsplit(public).path.rstrip("/") or "") + "/"
        writer.write_file(
            self.search.save_as,
            self.get_template("site_search/search"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_name=self.search.save_as.removesuffix("/index.html"),
            search_url=self.search.url,
            search_base_path=base_path,
            # Off in the preview (tools/preview.py): the page then says why nothing is found.
            search_indexed=self.search.index,
        )
