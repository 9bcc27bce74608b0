"""Pelican reader for ward Markdown: YAML front matter validated by the content type's schema."""

from __future__ import annotations

import os
from functools import cached_property
from html import escape
from pathlib import Path

from pelican.readers import BaseReader

from .build_scope import ensure_scope
from .dates import to_datetime
from .document import Document
from .errors import ContentErrors
from .rendering import document_html, text_facts
from .settings import read_settings


class WardMarkdownReader(BaseReader):
    """Replaces Pelican's Markdown reader with the build's content set; a file with problems raises ContentErrors.

    Pelican drops a file whose reader raises, logging one line; the foundation's accounting
    then reports it with every located problem and fails the build, so nothing vanishes.
    """

    enabled = True
    file_extensions = ("md", "markdown")

    @cached_property
    def _ward(self):
        return read_settings(self.settings)

    @cached_property
    def _labels(self) -> dict[tuple[str, str], object]:
        return {}

    @cached_property
    def _default_author(self) -> str | None:
        """AUTHOR, the author Pelican gives a page that names none, unless an author may come from
        DEFAULT_METADATA or EXTRA_PATH_METADATA (which a reader's own metadata would override)."""
        extra = self.settings.get("EXTRA_PATH_METADATA") or {}
        if "author" in (self.settings.get("DEFAULT_METADATA") or {}) or any("author" in m for m in extra.values()):
            return None
        return self.settings.get("AUTHOR") or None

    def _label(self, name: str, value: str):
        """Pelican's Category, Tag list or Author for a value, one per value in this reader (a build's):
        each slugifies its Japanese name (a transliteration) once, not once per article (3,400 times,
        30 ms, at 2,000 articles). Pelican groups articles by these objects' equality, as before."""
        key = (name, value)
        if key not in self._labels:
            self._labels[key] = self.process_metadata(name, value)
        return self._labels[key]

    def read(self, source_path: str) -> tuple[str, dict]:
        content = ensure_scope().content
        # Not resolved: a symbolic link is judged (and refused) by where it sits, not where it leads.
        rel_path = Path(os.path.relpath(os.path.abspath(source_path), os.path.abspath(self.settings["PATH"])))
        rel_path = rel_path.as_posix()
        # Taken from the build's content set, read and checked once; a refused file never reaches Pelican.
        doc = content.usable(rel_path)
        if doc is None:
            errors = content.errors_of(rel_path)
            if not errors:  # not a content file (a hidden folder): Pelican logs it and the build fails
                raise ValueError(f"{source_path} is not in the content set")
            raise ContentErrors(errors)
        html = document_html(doc, self._ward.own_hosts)
        return html, self.metadata_for(doc)

    def metadata_for(self, doc: Document) -> dict:
        """Pelican metadata from a validated document: typed values, never strings to re-parse."""
        meta = doc.meta
        # Found while the document was loaded, in a build (rendering.prepare_for_build).
        minutes, summary = text_facts(doc, self._ward.own_hosts, self._ward.summary_length)
        metadata: dict = {
            "title": doc.title,
            "slug": doc.slug,
            "ward": doc,
            "ward_kind": doc.kind.name,
            "reading_minutes": minutes,
            # Pelican treats a summary as HTML; ours is plain text, so it is escaped here.
            "summary": escape(getattr(meta, "summary", None) or summary),
        }
        status = getattr(meta, "status", None)
        if status:
            metadata["status"] = status
        if getattr(meta, "date", None):
            metadata["date"] = to_datetime(meta.date)
        if getattr(meta, "modified", None):
            metadata["modified"] = to_datetime(meta.modified)
        if doc.kind.name == "news":
            metadata["category"] = self._label("category", doc.folder)
        if getattr(meta, "tags", None):
            tags = self._label("tags", ",".join(meta.tags))
            # A list is each article's own copy; tags that are all separators (",") give Pelican's
            # "no value" marker, which it drops as before.
            metadata["tags"] = list(tags) if isinstance(tags, list) else tags
        if self._default_author:
            metadata["author"] = self._label("author", self._default_author)
        for name in ("image", "contact", "order"):
            value = getattr(meta, name, None)
            if value is not None:
                metadata[name] = value
        return metadata
