"""A content type: its folder, schema, URL and cross-file checks, declared once by the plugin that renders it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .schemas.base import WardModel

if TYPE_CHECKING:
    from .document import Document
    from .errors import ContentError


@dataclass(frozen=True)
class Kind:
    """A content type. Declared once, in its schema module, as `KIND = Kind(...)`."""

    name: str  # English key used by `invoke new <name>`
    label: str  # Japanese name shown to staff
    folders: tuple[str, ...]  # content-relative folders; the first is where `invoke new` writes
    schema: type[WardModel]
    url: str  # output URL pattern with {folder} and {slug}
    title_field: str = "title"
    # Checks across all files of this type (missing related items, duplicate months...): called with
    # this type's valid documents and every valid document of the content set (for references).
    collection_check: Callable[[Sequence[Document], Sequence[Document]], list[ContentError]] | None = None

    # URLs the plugin writes itself under its own folder (list pages, maps); no file of another type may
    # take one. The kind's own files are checked by its collection_check, with a message of its own.
    reserved_urls: tuple[str, ...] = ()
    # The staff-facing name of the pages that own `reserved_urls`, for the clash message.
    reserved_label: str = ""
    # Other URLs the plugin writes for this type (calendars, year pages, files), given its published
    # documents; links in content are checked against these too (ward_content.site_links.known_urls).
    site_urls: Callable[[Sequence[Document]], Iterable[str]] | None = None

    def url_for(self, folder: str, slug: str) -> str:
        """The URL a file of this type is published at."""
        return self.url.format(folder=folder, slug=slug)
