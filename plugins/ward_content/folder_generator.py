"""A base for plugin generators that take their own content types from the build's content set."""

from __future__ import annotations

from collections.abc import Callable

from pelican.generators import Generator

from .build_scope import ensure_scope
from .document import Document
from .page_writer import output_bytes

# Where every draft is previewed (Pelican's DRAFT_URL for articles points there too).
DRAFTS_FOLDER = "drafts"


class WardFolderGenerator(Generator):
    """Takes documents from the content set and exposes what the foundation's accounting reads.

    `ward_documents` holds every valid file of the generator's folders (drafts included) for the
    accounting; problems are the content set's, reported once by the accounting.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ward_documents: list[Document] = []
        self.ward_errors: list = []
        # Located problems that are reported but fail nothing (ContentError with severity "warning").
        self.ward_warnings: list = []

    @property
    def content_set(self):
        """The build's content set (read once, before any generator ran)."""
        return ensure_scope().content

    @property
    def content_types(self):
        """The build's content types."""
        return ensure_scope().types

    def read_documents(self, *folders: str) -> list[Document]:
        """The valid documents under the folders that no check across files refused, in path order.

        Every valid file goes to `ward_documents` (for the accounting), so pages are never built from
        a file with a dead link or a missing PDF, and nothing is dropped without a message.
        """
        content = self.content_set
        documents = content.in_folders(*folders)
        self.ward_documents.extend(documents)
        return [doc for doc in documents if doc.shown not in content.refused]

    def write_page(self, writer, template: str, save_as: str, **values) -> None:
        """Render a theme template to `save_as`, with relative URLs as configured."""
        writer.write_file(
            save_as,
            self.get_template(template.removesuffix(".html")),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            page_name=save_as.removesuffix("index.html").rstrip("/") or "index",
            **values,
        )

    @property
    def previews_drafts(self) -> bool:
        """Drafts are written under drafts/ for the preview; publishconf empties DRAFT_SAVE_AS, so never in production."""
        return bool(self.settings.get("DRAFT_SAVE_AS"))

    def drafts_of(self, kind_name: str) -> list[Document]:
        """This build's drafts of one kind that loaded, by file, for the preview."""
        return sorted(
            (d for d in self.ward_documents if d.is_draft and d.kind.name == kind_name), key=lambda d: d.rel_path
        )

    def write_draft(self, writer, template: str, url: str, **values) -> None:
        """A draft's page at /drafts/<its URL>, rendered by its kind's own template."""
        self.write_page(writer, template, f"{DRAFTS_FOLDER}/{url}index.html", ward_draft=True, **values)

    def write_bytes(self, rel: str, data: bytes | Callable[[], bytes]) -> None:
        """A non-HTML file (CSV, ICS, feed) built by a library; a callable is only called when needed.

        The preview (tools/preview.py) collects callables and makes a file when the browser asks for
        it, as it does for pages; a build makes it with the pages, on every core (page_writer).
        """
        output_bytes(self.output_path, rel, data)
