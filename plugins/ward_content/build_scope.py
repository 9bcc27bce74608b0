"""State that belongs to one build: its content types, content set, log capture and signal receivers.

Pelican connects plugin receivers to process-wide blinker signals and never disconnects them, so a
second build in the same process (the preview, tests) would still run the first build's plugins.
`build_scope()` wraps one build: receivers connected inside it are disconnected when it ends, and
the build's own objects live in a context variable that is reset, so nothing outlives the build.
"""

from __future__ import annotations

import contextlib
import logging
import weakref
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field

import blinker

from .registry import ward_signals

_current: ContextVar[BuildScope | None] = ContextVar("ward_build_scope", default=None)


@dataclass
class BuildScope:
    """What one build knows; filled in when Pelican sends `initialized`."""

    types: object = None  # registry.ContentTypes
    content: object = None  # content_set.ContentSet
    capture: object = None  # accounting.LogCapture
    output_path: str = ""
    written: set[str] = field(default_factory=set)  # output-relative HTML pages written (for the sitemap)
    # Output-relative files placed from a kept copy already without metadata (pdf_privacy.cleaned_copy):
    # the PDF pass does not read them again.
    clean_files: set[str] = field(default_factory=set)
    settings: dict = field(default_factory=dict)  # config.PluginSettings subclass -> validated settings
    # The preview sets a dict here: files given as callables are then made when asked for.
    lazy_files: dict | None = None
    # Renders the pages a build's writer recorded (page_writer.DeferredWriter); None when none are deferred.
    flush_pages: object = None
    # Files to make with the deferred pages (path -> callable), while the build's writer defers them.
    deferred_files: dict | None = None
    # Work on each deferred page once it is written, in the process that wrote it (the search index's
    # part of the page): name -> callable(output-relative path, file path, the text written or None)
    # giving a picklable value;
    # the values by name, then by output-relative path, once the pages are written.
    page_hooks: dict = field(default_factory=dict)
    page_results: dict = field(default_factory=dict)
    # Plugins' memos of what does not change during a build (name -> dict), gone with it.
    memos: dict[str, dict] = field(default_factory=dict)
    log_handlers: list[tuple[logging.Logger, logging.Handler]] = field(default_factory=list)
    log_filters: list[tuple[logging.Filterer, object]] = field(default_factory=list)

    def add_handler(self, logger: logging.Logger, handler: logging.Handler) -> None:
        """A log handler removed when the build ends, whatever happens."""
        logger.addHandler(handler)
        self.log_handlers.append((logger, handler))

    def add_filter(self, target: logging.Filterer, log_filter) -> None:
        """A log filter removed when the build ends."""
        target.addFilter(log_filter)
        self.log_filters.append((target, log_filter))

    def release_logging(self) -> None:
        """Remove this build's handlers and filters (idempotent)."""
        for logger, handler in self.log_handlers:
            logger.removeHandler(handler)
        for target, log_filter in self.log_filters:
            target.removeFilter(log_filter)
        self.log_handlers.clear()
        self.log_filters.clear()


def current() -> BuildScope | None:
    """The scope of the build running now, if any."""
    return _current.get()


def ensure_scope() -> BuildScope:
    """The current scope; a plain `pelican` run (one build per process) gets one for its lifetime."""
    scope = _current.get()
    if scope is None:
        scope = BuildScope()
        _current.set(scope)
    return scope


def _namespaces() -> tuple[blinker.Namespace, ...]:
    # Pelican's signals live in blinker's default namespace; ours in ward_signals.
    return (blinker.default_namespace, ward_signals)


def _receiver_ids() -> dict[int, set]:
    return {id(sig): set(sig.receivers) for ns in _namespaces() for sig in list(ns.values())}


def _disconnect_new(before: dict[int, set]) -> None:
    for ns in _namespaces():
        for sig in list(ns.values()):
            for receiver_id in set(sig.receivers) - before.get(id(sig), set()):
                ref = sig.receivers.get(receiver_id)
                receiver = ref() if isinstance(ref, weakref.ref) else ref
                if receiver is not None:
                    sig.disconnect(receiver)
                else:
                    sig.receivers.pop(receiver_id, None)


def forget_rendered_content() -> None:
    """Pelican memoizes each content object's rendered HTML in a process-wide cache; drop it."""
    from pelican.contents import Content

    for name in ("get_content", "get_summary"):
        memo = Content.__dict__.get(name)
        if memo is not None and hasattr(memo, "cache"):
            memo.cache.clear()


@contextlib.contextmanager
def build_scope(keep_memo: bool = False) -> Iterator[BuildScope]:
    """Run one build (or one check) with its own plugins, content set and log capture.

    `keep_memo` keeps Pelican's memo of rendered content: the preview reuses unchanged objects.
    """
    before = _receiver_ids()
    scope = BuildScope()
    token = _current.set(scope)
    try:
        yield scope
    finally:
        scope.release_logging()
        _disconnect_new(before)
        _current.reset(token)
        if not keep_memo:
            forget_rendered_content()
