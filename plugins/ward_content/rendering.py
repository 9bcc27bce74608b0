"""A document's body as HTML, rendered once and kept with the document (the build, the preview and checks share it)."""

from __future__ import annotations

import threading

from .document import Document
from .markdown_render import make_converter, render

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
