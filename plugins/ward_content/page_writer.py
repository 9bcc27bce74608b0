"""Pages recorded while the generators run, then rendered on every core of the machine.

Plain Pelican renders and writes each page the moment a generator asks for it, on one core. Here the
writer records each page's `write_file` call instead (the same overwrite rules as Pelican's writer,
and `content_written` is sent at once, so receivers see every page as before); before anything reads
the written site (the `finalized` receivers call `flush`), the recorded pages are rendered by this
process and forked copies of it, each taking every n-th page. The forks share the build's memory
copy-on-write, so no context is pickled; what they send back is only the log records a page's
rendering produced, which must still fail the build (ward_content.plugin.finish).

Written here rather than taken from a library: Pelican has no parallel writer, and a process pool
would have to pickle every page's context (the whole site) for each task.
"""

from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable
from pathlib import Path

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from .build_scope import ensure_scope, forget_rendered_content
from .forking import process_count, shared_map
from .settings import read_settings


class PageRecorder(Writer):
    """A Pelican writer whose `write_file` records the page; feeds and files are written as usual."""

    def __init__(self, output_path: str, settings: dict):
        super().__init__(output_path, settings=settings)
        self.pages: dict[str, tuple[tuple, dict]] = {}
        self._overridden: set[str] = set()
        self._claimed: set[str] = set()  # pages and feeds written (recorded) so far
        self._base = sanitised_join(self.output_path)  # as sanitised_join writes the output folder

    def write_file(
        self,
        name,
        template,
        context,
        relative_urls=False,
        paginated=None,
        template_name=None,
        override_output=False,
        url=None,
        **kwargs,
    ):
        if not name:
            return
        path = sanitised_join(self.output_path, name)
        rel = relative_to_output(path, self._base)
        if not self._claim(rel, path, override_output):
            return
        self.pages[rel] = (
            (name, template, context, relative_urls, paginated, template_name, override_output, url),
            kwargs,
        )
        signals.content_written.send(path, context=context)

    def _claim(self, rel: str, path: str, override_output: bool) -> bool:
        """Pelican's rules for writing a file twice (Writer._open_w), pages and feeds alike: an overriding
        write wins (False: an earlier one did, this one is skipped), a second plain write is an error."""
        if rel in self._overridden:
            if override_output:
                raise FileOverwriteFailedError(f'Failed to overwrite "{path}" a second time')
            return False
        if rel in self._claimed and not override_output:
            raise FileOverwriteFailedError(f'Failed to overwrite "{path}" as Pelican has already written to it')
        if override_output:
            self._overridden.add(rel)
        self._claimed.add(rel)
        return True


def relative_to_output(path: str, base: str) -> str:
    """An absolute `path` inside the output folder `base`, relative to it with forward slashes; the
    prefix is cut off when it is one (relpath for thousands of pages costs a preview's save 20 ms)."""
    for sep in {"/", os.sep}:
        if path.startswith(base + sep):
            return path[len(base) + 1 :].replace(os.sep, "/")
    return os.path.relpath(path, base).replace(os.sep, "/")


class DeferredWriter(PageRecorder):
    """The build's writer: pages are recorded, then rendered in parallel by `flush`."""

    def __init__(self, output_path: str, settings: dict):
        super().__init__(output_path, settings=settings)
        self.flushed = False
        self._late: Writer | None = None
        self.files: dict[str, object] = {}  # output-relative path -> callable giving the bytes
        scope = ensure_scope()
        scope.flush_pages = self.flush
        scope.deferred_files = self.files

    def write_file(self, name, *args, **kwargs):
        if self.flushed:  # a page asked for after the flush (a late generator) is written at once
            if name:
                rel = relative_to_output(sanitised_join(self.output_path, name), self._base)
                for values in ensure_scope().page_results.values():
                    values.pop(rel, None)  # what a hook made of an earlier version of it is stale
            if self._late is None:  # one writer: a late page written twice is refused, as by Pelican's
                self._late = Writer(self.output_path, settings=self.settings)
            return self._late.write_file(name, *args, **kwargs)
        return super().write_file(name, *args, **kwargs)

    def write_feed(
        self, elements, context, path=None, url=None, feed_type="atom", override_output=False, feed_title=None
    ):
        """A feed with a path is made with the pages, on every core: its entries, the plugins'
        `feed_generated` receivers and its XML are most of what the generators do after their pages.
        Without a path, the feed object is returned at once, as by Pelican. (Pelican's `feed_written`
        is not sent for a deferred feed: nothing in this project listens to it.)"""
        if self.flushed or not path:
            return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)
        full = sanitised_join(self.output_path, path)
        rel = relative_to_output(full, self._base)
        if self._claim(rel, full, override_output):
            self.files[rel] = functools.partial(
                _feed_bytes,
                self.output_path,
                self.settings,
                list(elements),
                context,
                url or path,
                feed_type,
                feed_title,
            )
        return None

    def flush(self) -> None:
        """Render every recorded page (idempotent); raises if a page could not be rendered."""
        if self.flushed:
            return
        self.flushed = True
        scope = ensure_scope()
        scope.deferred_files = None  # files asked for from now on are written at once
        # Files first: the costlier ones (a calendar of every event, the feeds) are then shared out early,
        # and the last chunks, the smallest, hold pages of about equal cost. A file written where a page
        # was recorded replaces it, as when the page was written first.
        work = [("file", rel, self.files[rel]) for rel in sorted(self.files)]
        work += [("page", rel, self.pages[rel]) for rel in sorted(self.pages) if rel not in self.files]
        self.pages, self.files = {}, {}
        processes = process_count(len(work), read_settings(self.settings).processes)
        own_capture = scope.capture
        # Consecutive pages in chunks, taken by the processes as each becomes free.
        parts = shared_map(
            functools.partial(_render, self.output_path, self.settings), work, processes, PAGES_PER_CHUNK
        )
        # This process's own records are in the capture already; the copies' come back as values.
        for pid, records, results in parts:
            if pid != os.getpid():
                _replay(own_capture, records)
            for name, values in results.items():
                scope.page_results.setdefault(name, {}).update(values)
        # Every page is written: the rendered bodies (Pelican's memo, the documents' HTML) are not
        # needed again in this build, and the search index that follows wants the memory.
        forget_rendered_content()
        if scope.content is not None:
            for doc in scope.content.documents:
                doc.__dict__.pop("_html", None)


# Pages (and files) a process renders at a time before it takes the next chunk (forking.shared_map):
# about 30 ms of work; the last chunks are smaller, so the processes finish within a few ms of each
# other (fixed halves ended up to 35 ms apart at 500 documents). Chunks of 32 throughout measured
# slower: a longer run of neighbouring pages (one template, one folder) keeps each process's caches
# warm. The page hooks run once a chunk is written, not after each page: rendering a page evicts the
# hook's code and tables from the processor's caches, and a hook run cold costs twice as much
# (0.33 ms against 0.17 ms a page).
PAGES_PER_CHUNK = 128


def _render(output_path: str, settings: dict, work) -> tuple[int, list[tuple[str, int, str]], dict]:
    """Write a chunk of pages and files, then run the build's page hooks on each page written. Returns
    the process's id, the log records the build's capture caught meanwhile, as (logger, level,
    message), and the hooks' values."""
    scope = ensure_scope()
    capture = scope.capture
    before = len(capture.records) if capture is not None else 0
    hooks = dict(scope.page_hooks)
    results: dict[str, dict] = {name: {} for name in hooks}
    # A fresh writer: the overwrite rules were applied when the pages were recorded.
    writer = _TextKeepingWriter(output_path, settings=settings)
    written: list[tuple[str, Path, str | None]] = []
    for kind, rel, item in work:
        if kind == "page":
            args, kwargs = item
            writer.texts.clear()
            Writer.write_file(writer, *args, **kwargs)
            path = Path(output_path) / rel
            written.append((rel, path, writer.texts.get(os.path.abspath(path))))
        else:
            _place(Path(output_path) / rel, item)
    for name, hook in hooks.items():
        for rel, path, text in written:
            results[name][rel] = hook(rel, path, text)
    records = [] if capture is None else capture.records[before:]
    return os.getpid(), [(r.name, r.levelno, r.getMessage()) for r in records], results


class _TextKeepingWriter(Writer):
    """Pelican's writer, keeping the text of each file it writes (absolute path -> text) for the page
    hooks, which would otherwise read back the file just written.

    It wraps `_open_w`, the method through which Pelican 4.12's `write_file` opens every file (a
    private method: a Pelican upgrade is checked by the build tests, which index pages both ways).
    """

    def __init__(self, output_path: str, settings: dict):
        super().__init__(output_path, settings=settings)
        self.texts: dict[str, str] = {}

    def _open_w(self, filename, encoding, override=False):
        return _KeptText(super()._open_w(filename, encoding, override), self.texts)


class _KeptText:
    """A file opened by _TextKeepingWriter: what is written goes to the file and into `texts`
    (under the file's own name: /dev/null for a page Pelican skips)."""

    def __init__(self, file, texts: dict[str, str]):
        self.file, self.texts, self.filename = file, texts, os.path.abspath(file.name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def write(self, text: str) -> int:
        self.texts[self.filename] = self.texts.get(self.filename, "") + text
        return self.file.write(text)

    def __exit__(self, *exc):
        return self.file.__exit__(*exc)


def _feed_bytes(output_path: str, settings: dict, elements: list, context: dict, url: str, feed_type: str, title):
    """The feed Pelican's writer would write at `url`: the same object, signals and text."""
    feed = Writer(output_path, settings=settings).write_feed(elements, context, None, url, feed_type, False, title)
    return feed.writeString("utf-8").encode("utf-8")


def _replay(capture, records: list[tuple[str, int, str]]) -> None:
    """Warnings of pages rendered in another process, into this build's capture (printed there already)."""
    if capture is None:
        return
    for name, level, message in records:
        fields = {"name": name, "levelno": level, "levelname": logging.getLevelName(level), "msg": message}
        capture.emit(logging.makeLogRecord(fields))


class KeptCopy:
    """A file of the site that is an exact copy of a file kept in `.cache/` (a photo's resized copy, a
    bulletin's cover), for `output_bytes`: called, its bytes (the preview serves them); placed in a
    build's output, a hard link to the kept file, which writes neither data nor a new inode (the
    render at 500 documents 0.21 -> 0.20 s), or a copy where a link cannot be made.

    Safe because nothing writes a written site's file in place: the photo and PDF passes replace a
    file by renaming a new one over it (`files.write_atomically`), `invoke build` copies the build's
    folder into output/ (`site_build.sync_tree`), and the kept file is named by its content's hash.
    """

    __slots__ = ("source",)

    def __init__(self, source: Path):
        self.source = source

    def __call__(self) -> bytes:
        return self.source.read_bytes()

    def place(self, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            target.unlink(missing_ok=True)
            os.link(self.source, target)
        except OSError:  # another file system, or one without links
            target.write_bytes(self.source.read_bytes())


def output_bytes(output_path: str | Path, rel: str, data: bytes | Callable[[], bytes]) -> None:
    """A file of the site (a calendar, a photo copy): made when the browser asks for it in the preview,
    with the pages on every core in a build whose writer defers them, else written now."""
    scope = ensure_scope()
    if callable(data):
        if scope.lazy_files is not None:
            scope.lazy_files[rel] = data
            return
        if scope.deferred_files is not None:
            scope.deferred_files[rel] = data
            return
    _place(Path(output_path) / rel, data)


def _place(target: Path, data: bytes | Callable[[], bytes]) -> None:
    if isinstance(data, KeptCopy):
        data.place(target)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    # A file already there may be a link to a kept file (a build into an output folder it wrote before):
    # it is replaced, never written through.
    target.unlink(missing_ok=True)
    target.write_bytes(data() if callable(data) else data)


def flush_pages() -> None:
    """Render the recorded pages now, if this build defers them (every `finalized` receiver calls it)."""
    flush = ensure_scope().flush_pages
    if flush is not None:
        flush()


def provide_writer(pelican) -> type[Writer]:
    """Pelican's `get_writer` signal: the deferred writer for builds (the preview records pages itself)."""
    return DeferredWriter
