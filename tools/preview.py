"""The preview's site kept in memory: the content set, the generators' context, pages rendered when asked.

A full Pelican build renders every page; staff look at one. The preview keeps the build's content
set between saves (a saved file is read again, alone), runs the generators' `generate_context` with
the unchanged files' Pelican objects reused, records what each page would be written with instead of
rendering it, and renders a page only when the browser asks for it. What it serves is what a full
build writes (tests/preview/test_guard.py compares every file byte for byte).
"""

from __future__ import annotations

import fnmatch
import functools
import os
import shutil
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from pelican import Pelican, signals
from pelican.generators import ArticlesGenerator, PagesGenerator, StaticGenerator
from pelican.utils import sanitised_join
from pelican.writers import Writer

from tools.site_build import ROOT, load_settings, template_cache

if str(ROOT / "plugins") not in sys.path:  # as tasks.py does: the plugins are imported by name
    sys.path.insert(0, str(ROOT / "plugins"))
from ward_content.page_writer import PageRecorder

# Files that change what the generators produce but not the content set; a plugin's Python code needs a
# new process (see tools/preview_server.py).
THEME_SUFFIXES = (".html", ".css", ".js", ".svg", ".png", ".woff2")


class RecordingWriter(PageRecorder):
    """Records each page's `write_file` call instead of rendering it; feeds are made when asked for too."""

    def __init__(self, output_path: str, settings: dict):
        super().__init__(output_path, settings=settings)
        self.feeds: dict[str, object] = {}  # output-relative path -> callable writing the feed, returning its bytes

    def write_feed(
        self, elements, context, path=None, url=None, feed_type="atom", override_output=False, feed_title=None
    ):
        """Feeds are written when asked for, like pages.

        The feed object is made now, inside the build, so the plugins' `feed_generated` receivers
        (ids, titles, author: ward_content.feeds) still run; they are disconnected when the build ends.
        """
        if not path:
            return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)
        rel = os.path.relpath(sanitised_join(self.output_path, path), self.output_path).replace(os.sep, "/")
        feed = super().write_feed(elements, context, None, url or path, feed_type, override_output, feed_title)
        target = Path(self.output_path) / rel

        def make() -> bytes:
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "w", encoding="utf-8") as out:
                feed.write(out, "utf-8")
            return target.read_bytes()

        self.feeds[rel] = make
        return None


@dataclass
class Generation:
    """One consistent state of the site: its folder, the recorded pages and the URL of every document."""

    folder: Path
    pages: dict[str, tuple[tuple, dict]]
    files: dict[str, object]  # output-relative path -> callable giving the bytes (made when asked for)
    urls: dict[str, str]
    settings: dict
    rendered: set[str] = field(default_factory=set)


class PreviewSite:
    """The site in memory over a long-lived content set; thread-safe (one lock)."""

    def __init__(
        self, settings_file: str = "pelicanconf.py", output: Path | None = None, overrides: dict | None = None
    ):
        from tools.site_build import project_types
        from ward_content.content_set import load_content_set
        from ward_content.limits import read_limits
        from ward_content.settings import read_settings as read_ward_settings

        self.settings_file = settings_file
        self.output = (output or ROOT / ".cache" / "preview").resolve()
        # The search index is not rebuilt per edit: the preview's search page says so.
        self.overrides = {**(overrides or {}), "SITE_SEARCH_INDEX": False}
        self.lock = threading.RLock()
        # Notified when the version or the problems change: the browser's long poll wakes at once.
        self.changed = threading.Condition(self.lock)
        # Compiled templates: kept between saves in memory, between runs in .cache/templates/.
        self.bytecode = template_cache(load_settings(settings_file, self.overrides))
        settings = self._settings()
        self.root = Path(settings["PATH"]).resolve()
        self.types = project_types(settings_file, self.overrides)
        ward = read_ward_settings(settings)
        self.content = load_content_set(
            self.root, self.types, read_limits(settings), ward.own_hosts, ward.processes, verdicts=ward.verdicts
        )
        self.objects: dict[str, tuple[object, object]] = {}  # rel path -> (document, Pelican content object)
        # Pelican's generators' lists of content files, kept while saves only change files' contents.
        self.file_lists: dict[tuple, set[str]] = {}
        self.current: Generation | None = None
        self.errors: tuple[str, ...] = ()
        self.version = 0
        self.output.mkdir(parents=True, exist_ok=True)

    def _settings(self, folder: Path | None = None) -> dict:
        overrides = {**self.overrides, "OUTPUT_PATH": str(folder or self.output / "next")}
        settings = load_settings(self.settings_file, overrides)
        settings["JINJA_ENVIRONMENT"] = {**settings.get("JINJA_ENVIRONMENT", {}), "bytecode_cache": self.bytecode}
        return settings

    # -- changes -------------------------------------------------------------------------------

    def refresh(self, changed: set[Path] | None = None) -> tuple[str, ...]:
        """Take saved, added or deleted files into account; returns the problems (empty when all is well)."""
        with self.lock:
            for path in sorted(changed or ()):
                # Not resolved: a symbolic link saved into content/ is scanned (and refused) as itself.
                path = Path(os.path.abspath(path))
                if not path.is_relative_to(self.root):
                    continue  # a template or theme file: every change regenerates, reusing documents
                rel = path.relative_to(self.root).as_posix()
                # A photo or PDF is scanned again too (type, links out of content/, limits).
                self.content = self.content.with_file(rel)
                if not (rel in self.known_files and path.is_file() and not path.is_symlink()):
                    self.file_lists.clear()  # a file came or went: Pelican's lists of files are walked again
            if self.content.errors:
                self.errors = tuple(error.format() for error in self.content.errors)
                self.changed.notify_all()
                return self.errors
            try:
                self._generate()
            except Exception as exc:
                self.errors = _problem_lines(exc)
                self.changed.notify_all()
                return self.errors
            self.errors = ()
            self.version += 1
            self.changed.notify_all()
            return ()

    def _generate(self) -> None:
        from ward_content.build_scope import build_scope, forget_rendered_content

        urls = {doc.rel_path: doc.url for doc in self.content.documents}
        # Reusing Pelican's objects is safe while no URL moved: their rendered content links by URL.
        reuse = self.current is not None and self.current.urls == urls
        if not reuse:
            self.objects.clear()
            forget_rendered_content()
        # Each state gets a folder of its own, so a feed or file of a deleted page cannot linger; static
        # files are linked, not copied.
        folder = self.output / f"state-{self.version + 1}"
        shutil.rmtree(folder, ignore_errors=True)
        settings = self._settings(folder)
        settings["STATIC_CREATE_LINKS"] = True
        with build_scope(keep_memo=True) as scope:
            scope.types = self.types
            scope.content = self.content
            pelican = Pelican(settings)
            context = settings.copy()
            context["generated_content"] = {}
            context["static_links"] = set()
            context["static_content"] = {}
            context["localsiteurl"] = settings["SITEURL"]
            generators = [
                cls(
                    context=context,
                    settings=settings,
                    path=pelican.path,
                    theme=pelican.theme,
                    output_path=pelican.output_path,
                )
                for cls in pelican._get_generator_classes()
            ]
            for generator in generators:
                if isinstance(generator, ArticlesGenerator | PagesGenerator):
                    self._reuse_objects(generator)
                generator.get_files = functools.partial(self._files, generator.get_files)
                if isinstance(generator, StaticGenerator):
                    # The theme's files, linked instead of copied into every state (a hundred per save).
                    generator._copy_paths = functools.partial(_link_paths, generator.settings["IGNORE_FILES"])
            for generator in generators:
                if hasattr(generator, "generate_context"):
                    generator.generate_context()
                # Not Pelican's check_disabled_readers (a second walk of content/ per save, for a log
                # line): the content set already reports every file that is not published.
            signals.all_generators_finalized.send(generators)
            for generator in generators:
                if hasattr(generator, "refresh_metadata_intersite_links"):
                    generator.refresh_metadata_intersite_links()
            writer = RecordingWriter(pelican.output_path, settings)
            scope.lazy_files = {}
            for generator in generators:
                if hasattr(generator, "generate_output"):
                    generator.generate_output(writer)
            signals.finalized.send(pelican)
            files = {**writer.feeds, **scope.lazy_files}
        previous = self.current
        self.current = Generation(folder, writer.pages, files, urls, settings)
        if previous is not None:
            # Removing thousands of files takes a while; nobody waits for it.
            threading.Thread(target=shutil.rmtree, args=(previous.folder, True), daemon=True).start()

    @property
    def known_files(self) -> set[str]:
        """Every content-relative file in Pelican's kept lists."""
        return {path for files in self.file_lists.values() for path in files}

    def _files(self, walk, paths, exclude=None, extensions=None) -> set[str]:
        """Generator.get_files, walked once while no file comes or goes (a walk of content/ per save)."""
        key = (repr(paths), repr(exclude), repr(extensions))
        if key not in self.file_lists:
            self.file_lists[key] = set(walk(paths, exclude=exclude, extensions=extensions))
        return set(self.file_lists[key])

    def _reuse_objects(self, generator) -> None:
        """Pelican's generator cache hooks, answered from memory for documents that did not change."""
        objects, content, root = self.objects, self.content, self.root

        def cached(path, default=None):
            rel = Path(path).as_posix() if not os.path.isabs(path) else Path(path).relative_to(root).as_posix()
            hit = objects.get(rel)
            if hit is not None and hit[0] is content.by_path.get(rel):
                hit[1]._context = generator.context  # the new build's shared context
                return hit[1]
            return default

        def remember(path, data) -> None:
            doc = data.metadata.get("ward") if hasattr(data, "metadata") else None
            if doc is not None:
                objects[doc.rel_path] = (doc, data)

        generator.get_cached_data = cached
        generator.cache_data = remember

    # -- serving -------------------------------------------------------------------------------

    def read(self, rel: str) -> bytes | None:
        """The bytes of an output-relative file, rendering the page first if needed; None if absent."""
        with self.lock:
            current = self.current
            if current is None:
                return None
            if rel in current.pages and rel not in current.rendered:
                args, kwargs = current.pages[rel]
                # A fresh writer: its overwrite guard is per build, and this is one page of this build.
                Writer(str(current.folder), settings=current.settings).write_file(*args, **kwargs)
                current.rendered.add(rel)
            elif rel in current.files and rel not in current.rendered:
                data = current.files[rel]()
                target = current.folder / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                # Only into the state's own folders, never through a link into the theme or content.
                if not target.parent.resolve().is_relative_to(current.folder.resolve()) or target.is_symlink():
                    raise RuntimeError(f"{rel}: would be written outside the preview's folder")
                if not target.is_file():  # a feed writes itself
                    target.write_bytes(data)
                current.rendered.add(rel)
            path = current.folder / rel
            return path.read_bytes() if path.is_file() else None

    def all_paths(self) -> list[str]:
        """Every output-relative file the preview serves (pages and written files)."""
        with self.lock:
            if self.current is None:
                return []
            folder = self.current.folder
            files = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
            return sorted(set(self.current.pages) | set(self.current.files) | files)

    def clear_output(self) -> None:
        """Start from an empty preview folder (before the first generation)."""
        shutil.rmtree(self.output, ignore_errors=True)
        self.output.mkdir(parents=True)


def _link_paths(ignores, paths, source, destination, output_path, final_path=None) -> None:
    """StaticGenerator._copy_paths with a symbolic link per theme file instead of a copy (same
    destinations and ignore patterns as Pelican's `copy`). Folders stay real folders of the state, so
    a file the preview writes later (the CMS bundle under theme/vendor/) never lands in theme/."""

    def ignored(name: str) -> bool:
        return any(fnmatch.fnmatch(name, pattern) for pattern in ignores)

    for path in paths:
        source_path = Path(source, path).resolve()
        if ignored(source_path.name):
            continue
        if final_path:
            name = source_path.name if source_path.is_file() else ""
            target = Path(output_path, destination, final_path, name)
        else:
            target = Path(output_path, destination, path)
        if source_path.is_file():
            files = [(source_path, target)]
        else:
            files = []
            for folder, dirs, names in os.walk(source_path):
                dirs[:] = sorted(d for d in dirs if not ignored(d))
                for name in sorted(n for n in names if not ignored(n)):
                    file = Path(folder, name)
                    files.append((file, target / file.relative_to(source_path)))
        for file, link in files:
            link.parent.mkdir(parents=True, exist_ok=True)
            if not link.exists():
                link.symlink_to(file)


def _problem_lines(exc: Exception) -> tuple[str, ...]:
    """Located content problems as staff read them; anything else in one line (the terminal has the rest)."""
    errors = getattr(exc, "errors", None)
    if errors:
        return tuple(error.format() for error in errors)
    return (f"{type(exc).__name__}: {exc}",)
