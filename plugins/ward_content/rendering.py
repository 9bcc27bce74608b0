"""A document's body as HTML, rendered once and kept with the document (the build, the preview and checks share it)."""

from __future__ import annotations

import threading

from .document import Document
from .errors import ContentError
from .html_checks import could_lose_anything, rendering_problems, too_deep
from .markdown_render import convert, make_converter, render
from .sanitize import sanitize
from .text import html_to_text, japanese_summary, reading_minutes

_local = threading.local()


def _converter(own_hosts: frozenset[str]):
    # One converter per thread and host set: building one per file costs ~9 %; Markdown objects are not
    # thread-safe. Converters hold no content between documents (`render` resets them).
    converters = getattr(_local, "converters", None)
    if converters is None:
        converters = _local.converters = {}
    if own_hosts not in converters:
        converters[own_hosts] = make_converter(own_hosts)
    return converters[own_hosts]


def document_html(doc: Document, own_hosts: frozenset[str]) -> str:
    """The rendered body; a document unchanged between preview rebuilds is never rendered again."""
    cache = doc.__dict__.setdefault("_html", {})
    if own_hosts not in cache:
        cache[own_hosts] = render(_converter(own_hosts), doc.body, document=doc) if doc.body.strip() else ""
    return cache[own_hosts]


def checked_html(doc: Document, own_hosts: frozenset[str]) -> list[ContentError]:
    """What the allow-list would remove from the body, located; the body is rendered once for this check
    and its sanitised HTML kept for `document_html` (a body that cannot lose anything is not rendered here)."""
    body, line = doc.front.body, doc.front.body_line
    if not could_lose_anything(body):
        return []
    try:
        raw = convert(_converter(own_hosts), body, document=doc)
    except RecursionError:
        return [too_deep(line, doc.shown)]
    clean = sanitize(raw)
    problems = rendering_problems(raw, body, line, doc.shown, clean)
    if not problems:
        doc.__dict__.setdefault("_html", {})[own_hosts] = clean if body.strip() else ""
    return problems


def text_facts(doc: Document, own_hosts: frozenset[str], summary_length: int) -> tuple[int, str]:
    """The body's reading time in minutes and the summary cut from its text (for a document whose
    front matter gives none), kept with the document like its HTML."""
    facts = doc.__dict__.setdefault("_text_facts", {})
    key = (own_hosts, summary_length)
    if key not in facts:
        text = html_to_text(document_html(doc, own_hosts))
        summary = "" if getattr(doc.meta, "summary", None) else japanese_summary(text, summary_length)
        facts[key] = (reading_minutes(text), summary)
    return facts[key]


def prepare_for_build(
    doc: Document, own_hosts: frozenset[str], summary_length: int, read_by_pelican: frozenset[str]
) -> None:
    """What a build's generators will ask of a document, found while it is loaded, on every core:
    its body's HTML, its URL and links to the site (for the checks across files), and for the kinds
    Pelican's reader hands to its generators (`read_by_pelican`: the reader alone asks), its reading
    time and summary."""
    document_html(doc, own_hosts)
    _ = doc.url, doc.site_links
    if doc.kind.name in read_by_pelican:
        text_facts(doc, own_hosts, summary_length)
