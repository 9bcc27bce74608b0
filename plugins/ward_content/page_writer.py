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

import logging
import os
import pickle
import sys

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from .build_scope import ensure_scope
from .settings import read_settings

logger = logging.getLogger(__name__)

# Below this many pages a fork costs more than it saves.
MIN_PAGES_TO_FORK = 200


class PageRecorder(Writer):
    """A Pelican writer whose `write_file` records the page; feeds and files are written as usual."""

    def __init__(self, output_path: str, settings: dict):
        super().__init__(output_path, settings=settings)
        self.pages: dict[str, tuple[tuple, dict]] = {}
        self._overridden: set[str] = set()

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
        rel = os.path.relpath(path, self.output_path).replace(os.sep, "/")
        # The same rules as Writer._open_w: an overriding write wins, a second plain write is an error.
        if rel in self._overridden:
            if override_output:
                raise FileOverwriteFailedError(f'Failed to overwrite "{path}" a second time')
            return
        if rel in self.pages and not override_output:
            raise FileOverwriteFailedError(f'Failed to overwrite "{path}" as Pelican has already written to it')
        if override_output:
            self._overridden.add(rel)
        self.pages[rel] = (
            (name, template, context, relative_urls, paginated, template_name, override_output, url),
            kwargs,
        )
        signals.content_written.send(path, context=context)


class DeferredWriter(PageRecorder):
    """The build's writer: pages are recorded, then rendered in parallel by `flush`."""

    def __init__(self, output_path: str, settings: dict):
        super().__init__(output_path, settings=settings)
        self.flushed = False
        ensure_scope().flush_pages = self.flush

    def write_file(self, *args, **kwargs):
        if self.flushed:  # a page asked for after the flush (a late generator) is written at once
            return Writer(self.output_path, settings=self.settings).write_file(*args, **kwargs)
        return super().write_file(*args, **kwargs)

    def flush(self) -> None:
        """Render every recorded page (idempotent); raises if a page could not be rendered."""
        if self.flushed:
            return
        self.flushed = True
        pages = [self.pages[rel] for rel in sorted(self.pages)]
        self.pages = {}
        workers = _workers(len(pages), read_settings(self.settings).render_processes)
        children = [
            _fork_renderer(pages[index::workers], self.output_path, self.settings) for index in range(1, workers)
        ]
        _render(pages[0::workers], self.output_path, self.settings)
        failures = []
        for pid, reader in children:
            records, failure = _collect(pid, reader)
            _replay(records)
            if failure:
                failures.append(failure)
        if failures:
            raise RuntimeError("pages could not be rendered:\n" + "\n".join(failures))


def _workers(count: int, asked: int) -> int:
    """Processes to render `count` pages: WARD_RENDER_PROCESSES, or one per core this process may use
    (at most four) for a site large enough to gain from it."""
    if not hasattr(os, "fork") or count == 0:
        return 1
    if asked:
        return min(asked, count)
    if count < MIN_PAGES_TO_FORK:
        return 1
    return max(1, min(len(os.sched_getaffinity(0)), 4))


def _render(pages: list[tuple[tuple, dict]], output_path: str, settings: dict) -> None:
    # A fresh writer per batch: the overwrite rules were applied when the pages were recorded.
    writer = Writer(output_path, settings=settings)
    for args, kwargs in pages:
        Writer.write_file(writer, *args, **kwargs)


def _fork_renderer(pages, output_path: str, settings: dict) -> tuple[int, int]:
    """A forked copy of this process renders `pages`, then sends (log records, failure) and exits."""
    reader, writer_fd = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid != 0:
        os.close(writer_fd)
        return pid, reader
    # The child: never returns into the build.
    status = 0
    try:
        os.close(reader)
        # What this build's log capture catches while these pages render goes back to the parent.
        capture = ensure_scope().capture
        if capture is not None:
            capture.take()
        failure = ""
        try:
            _render(pages, output_path, settings)
        except BaseException as exc:  # reported by the parent, which fails the build
            failure = f"{type(exc).__name__}: {exc}"
        taken = capture.take() if capture is not None else []
        records = [(r.name, r.levelno, r.getMessage()) for r in taken]
        data = pickle.dumps((records, failure))
        with os.fdopen(writer_fd, "wb") as out:
            out.write(data)
    except BaseException:
        status = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def _collect(pid: int, reader: int) -> tuple[list, str]:
    with os.fdopen(reader, "rb") as stream:
        data = stream.read()
    _, status = os.waitpid(pid, 0)
    if not data or os.waitstatus_to_exitcode(status) != 0:
        return [], f"page renderer {pid} ended with status {os.waitstatus_to_exitcode(status)}"
    # Our own child's bytes, over a pipe this process made.
    records, failure = pickle.loads(data)
    return records, failure


def _replay(records: list[tuple[str, int, str]]) -> None:
    """A child's warnings, into this build's capture (the child printed them already)."""
    capture = ensure_scope().capture
    if capture is None:
        return
    for name, level, message in records:
        fields = {"name": name, "levelno": level, "levelname": logging.getLevelName(level), "msg": message}
        capture.emit(logging.makeLogRecord(fields))


def flush_pages() -> None:
    """Render the recorded pages now, if this build defers them (every `finalized` receiver calls it)."""
    flush = ensure_scope().flush_pages
    if flush is not None:
        flush()


def provide_writer(pelican) -> type[Writer]:
    """Pelican's `get_writer` signal: the deferred writer for builds (the preview records pages itself)."""
    return DeferredWriter
