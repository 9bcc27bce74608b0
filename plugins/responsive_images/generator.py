"""The generator that writes every published photo's copies, after all content is read."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pelican.generators import Generator

from ward_content.build_scope import ensure_scope
from ward_content.document import Document
from ward_content.errors import ContentError, WardBuildError

from .pipeline import picture_of, produce, tasks_for
from .plan import content_source
from .settings import read_settings

FAILED_MESSAGE = "写真を縮小できませんでした（{problem}）。元の写真からもう一度書き出して置き直してください"


def is_draft(doc: Document) -> bool:
    """`status: draft` (articles, pages, bulletins, sites) or `draft: true` (events)."""
    return getattr(doc.meta, "status", None) == "draft" or getattr(doc.meta, "draft", False) is True


def photo_references(documents: Iterable[Document]) -> dict[str, tuple[str, int, str]]:
    """Every photo the documents show, content-relative, with its first reference (file, line, field)."""
    found: dict[str, tuple[str, int, str]] = {}
    for doc in sorted(documents, key=lambda d: d.rel_path):
        for ref in doc.photo_refs:
            if ref.resolved and ref.resolved not in found:
                found[ref.resolved] = (doc.shown, ref.line, ref.field)
    return found


class ResponsiveImagesGenerator(Generator):
    """Writes the resized copies of the photos content names; originals are not published."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.responsive = read_settings(self.settings)
        self.photos: dict[str, tuple[str, int, str]] = {}

    def generate_context(self) -> None:
        """The photos of every document of the build's content set; drafts' only where drafts are written.

        The preview writes drafts under /drafts/ (their photos are needed); production (publishconf.py,
        DRAFT_SAVE_AS = "") does not, and then a photo only a draft shows must not be published either.
        """
        documents = ensure_scope().content.documents
        if not self.settings.get("DRAFT_SAVE_AS"):
            documents = [d for d in documents if not is_draft(d)]
        self.photos = photo_references(documents)

    def generate_output(self, writer) -> None:
        root = Path(self.settings["PATH"]).resolve()
        tasks, where = [], {}
        for rel, reference in sorted(self.photos.items()):
            source = content_source(rel, root)
            facts, picture = picture_of(source, self.responsive)
            tasks += tasks_for(source, facts, picture, self.responsive)
            where[source.path] = (rel, reference)
        outcome = produce(tasks, Path(self.output_path), self.responsive)
        if outcome.failures:
            raise WardBuildError(
                [
                    ContentError(
                        shown,
                        line,
                        field,
                        f"画像「{where[path][0]}」: " + FAILED_MESSAGE.format(problem=problem),
                        "image could not be resized",
                    )
                    for path, problem in outcome.failures
                    for shown, line, field in [where[path][1]]
                ]
            )
