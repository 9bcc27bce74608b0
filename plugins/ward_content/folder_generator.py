"""A base for plugin generators that read their own content folders (catalog, bulletins, events)."""

from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator

from .check import content_files, kind_checks
from .document import Document, load_document
from .errors import ContentErrors
from .kinds import Kind

# Where every draft is previewed (Pelican's DRAFT_URL for articles points there too).
DRAFTS_FOLDER = "drafts"


class WardFolderGenerator(Generator):
    """Reads folders through the shared schemas and exposes what the foundation's accounting reads.

    `ward_documents` holds every file accepted (drafts included) and `ward_errors` every located
    problem; a content mistake is never raised from here, so the build fails once with all of them.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ward_documents: list[Document] = []
        self.ward_errors: list = []
        # Kinds whose cross-file checks ran here; the accounting does not run them again.
        self.ward_checked_kinds: set[Kind] = set()

    def read_documents(self, *folders: str) -> list[Document]:
        """Load every Markdown file under the folders and run their kinds' cross-file checks once.

        Every valid file goes to `ward_documents` (for the accounting); the return value holds only
        those no cross-file check refused, so pages are never built from a file with a dead link or
        a missing PDF. All problems go to `ward_errors`.
        """
        root = Path(self.settings["PATH"]).resolve()
        prefixes = tuple(f"{folder}/" for folder in folders)
        accepted = []
        for rel_path in content_files(root):
            if not rel_path.startswith(prefixes):
                continue
            try:
                accepted.append(load_document(root, rel_path))
            except ContentErrors as exc:
                self.ward_errors.extend(exc.errors)
        self.ward_documents.extend(accepted)
        kinds = sorted({doc.kind for doc in accepted}, key=lambda kind: kind.name)
        problems = kind_checks(accepted, kinds)
        self.ward_errors.extend(problems)
        self.ward_checked_kinds.update(kinds)
        refused = {error.path for error in problems}
        return [doc for doc in accepted if doc.shown not in refused]

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

    def write_bytes(self, rel: str, data: bytes) -> None:
        """A non-HTML file (CSV, ICS, feed) built by a library."""
        target = Path(self.output_path) / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
