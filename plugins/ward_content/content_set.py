"""Every content file of a build, read, decoded and validated once; checks across files run on it in memory.

The build, `invoke check`, `invoke publish` and the preview all take this set: generators ask it for
their documents instead of reading the disk, and a file with a problem (its own or one found across
files) is never handed to a generator.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .data_files import check_data_files
from .document import CONTENT_SUFFIXES, Document, display_path, load_document
from .errors import ContentError, ContentErrors, split_warnings
from .forking import process_count, split_map
from .images import PhotoChecks
from .limits import DEFAULT_LIMITS, Limits
from .registry import ContentTypes
from .site_links import site_link_problems
from .sources import file_problems, is_ignored, scan_tree, walk_tree
from .verdicts import Verdicts

# Reading and checking a document costs about 1 ms (four times rendering a page), so loading gains
# from a second process from fewer files than rendering does (forking.MIN_ITEMS_TO_FORK).
DOCUMENTS_WORTH_FORKING = 50


def content_files(content_root: Path) -> list[str]:
    """Every Markdown file under the content folder, content-relative, sorted (never directory order)."""
    found = []
    for folder, dirs, files in os.walk(content_root):
        dirs[:] = sorted(d for d in dirs if not is_ignored(d))
        for name in files:
            # Editor, Office and OS lock and backup files (.#x.md, #x.md#) are never read.
            if name.endswith(CONTENT_SUFFIXES) and not is_ignored(name):
                found.append(Path(folder, name).relative_to(content_root).as_posix())
    return sorted(found)


@dataclass(frozen=True)
class ContentSet:
    """The valid documents of a content folder and every problem in it, located."""

    root: Path
    types: ContentTypes
    # Valid documents, by content-relative path; cross-file problems do not remove them from here.
    by_path: dict[str, Document] = field(default_factory=dict)
    # Per-file problems (the file did not load), by content-relative path.
    file_errors: dict[str, tuple[ContentError, ...]] = field(default_factory=dict)
    # Problems found across files (clashing URLs, unknown campaign...), computed from the above.
    cross_errors: tuple[ContentError, ...] = ()
    # Every valid document in path order, and the shown paths a cross-file check refused (derived).
    documents: tuple[Document, ...] = ()
    refused: frozenset[str] = frozenset()
    # The limits every file was read under, and what the scan of every file under the folder found
    # (links out of content/, refused file types, bombs), photos and PDFs included.
    limits: Limits = DEFAULT_LIMITS
    source_errors: tuple[ContentError, ...] = ()
    # The site's own hosts: bodies checked for the allow-list are rendered as the pages render them.
    own_hosts: frozenset[str] = frozenset()
    # Each photo's verdict by path, size and modification time: decoded once, not once per article.
    photo_checks: PhotoChecks = field(default_factory=PhotoChecks, compare=False, repr=False)
    # Warnings found across files: reported by `invoke check` and the build, refusing nothing.
    warnings: tuple[ContentError, ...] = ()
    # Where the verdicts of costly file checks (a PDF's, a photo's) are kept between builds; None keeps none.
    verdicts: Verdicts | None = field(default=None, compare=False, repr=False)

    @property
    def errors(self) -> tuple[ContentError, ...]:
        """Every problem of the set, sorted by file and line."""
        own = [e for errors in self.file_errors.values() for e in errors]
        return tuple(sorted(set(own) | set(self.cross_errors) | set(self.source_errors)))

    @property
    def paths(self) -> tuple[str, ...]:
        """Every content file, valid or not."""
        return tuple(sorted(set(self.by_path) | set(self.file_errors)))

    def errors_of(self, rel_path: str) -> tuple[ContentError, ...]:
        """The problems that keep this file out of the site (its own, or across files)."""
        shown = display_path(self.root, rel_path)
        own = self.file_errors.get(rel_path, ())
        return tuple(sorted({*own, *(e for e in self.cross_errors if e.path == shown)}))

    def usable(self, rel_path: str) -> Document | None:
        """The document, if it loaded and no check across files refused it."""
        doc = self.by_path.get(rel_path)
        if doc is None or doc.shown in self.refused:
            return None
        return doc

    def in_folders(self, *folders: str) -> tuple[Document, ...]:
        """Valid documents under any of these content-relative folders, in path order."""
        prefixes = tuple(f"{folder.strip('/')}/" for folder in folders)
        return tuple(doc for doc in self.documents if doc.rel_path.startswith(prefixes))

    def of_kind(self, name: str) -> tuple[Document, ...]:
        """Valid documents of one content type, in path order."""
        return tuple(doc for doc in self.documents if doc.kind.name == name)

    def with_file(self, rel_path: str) -> ContentSet:
        """A new set in which one file is read again (added, changed or deleted); checks across files rerun."""
        by_path = dict(self.by_path)
        file_errors = dict(self.file_errors)
        by_path.pop(rel_path, None)
        file_errors.pop(rel_path, None)
        name = Path(rel_path).name
        if name.endswith(CONTENT_SUFFIXES):
            again = [rel_path]
        else:
            # A photo added, replaced or removed: the files that failed (perhaps waiting for it) and
            # those that show it are read again. A folder moved away or in: what was inside goes,
            # what is inside now is read.
            inside = [p for p in (*by_path, *file_errors) if p.startswith(f"{rel_path}/")]
            folder = self.root / rel_path
            visible = not any(is_ignored(part) for part in Path(rel_path).parts)
            if visible and folder.is_dir() and not folder.is_symlink():
                inside += [f"{rel_path}/{p}" for p in content_files(self.root / rel_path)]
            again = sorted({*file_errors, *inside, *(p for p, d in by_path.items() if _shows(d, rel_path))})
        for path in again:
            by_path.pop(path, None)
            file_errors.pop(path, None)
            hidden = any(is_ignored(part) for part in Path(path).parts)  # as content_files() skips them
            if (self.root / path).is_file() and path.endswith(CONTENT_SUFFIXES) and not hidden:
                _load_into(
                    self.root, path, self.types, by_path, file_errors, self.limits, self.own_hosts, self.photo_checks
                )
        sources = self._sources_with(rel_path)
        return _checked(replace(self, by_path=by_path, file_errors=file_errors, source_errors=sources))

    def _sources_with(self, rel_path: str) -> tuple[ContentError, ...]:
        """The scan of content/ after one file changed: that file scanned again alone (a PDF's pages are
        counted by pypdf, so a scan of every file costs the preview a tenth of a second per save); a
        folder, a symbolic link or an ignored name changes what the walk sees, so the whole tree then."""
        path = self.root / rel_path
        parts = Path(rel_path).parts
        if path.is_dir() or path.is_symlink() or any(is_ignored(part) for part in parts):
            return tuple(scan_tree(self.root, self.limits, self.verdicts))
        if any(self.root.joinpath(*parts[:depth]).is_symlink() for depth in range(1, len(parts))):
            return tuple(scan_tree(self.root, self.limits, self.verdicts))
        shown = display_path(self.root, rel_path)
        # A deleted folder takes the problems of everything that was in it along.
        kept = [e for e in self.source_errors if e.path != shown and not e.path.startswith(f"{shown}/")]
        if path.is_file():
            kept += file_problems(self.root, rel_path, self.limits, self.verdicts)
        return tuple(sorted(kept))


def load_content_set(
    content_root: Path,
    types: ContentTypes,
    limits: Limits = DEFAULT_LIMITS,
    own_hosts: frozenset[str] = frozenset(),
    processes: int = 0,
    verdicts: Verdicts | None = None,
    prepare: Callable[[Document], object] | None = None,
) -> ContentSet:
    """Read every content file once, then run the checks across files on what loaded.

    Every file under the folder is scanned (`sources.file_problems`, a PDF's verdict kept in
    `verdicts`) and every Markdown file read, by this process and forked copies of it, each taking
    every n-th Markdown file and every n-th other file (`processes`: WARD_PROCESSES, 0 = one per core
    for a large folder); documents come back pickled. A build gives `prepare`, run on every valid
    document there, on every core (rendering its body, for one), instead of later in one process
    when a generator first asks for it.
    """
    files, folder_errors = walk_tree(content_root)
    paths = [p for p in files if p.endswith(CONTENT_SUFFIXES)]
    others = [p for p in files if not p.endswith(CONTENT_SUFFIXES)]

    def load(shares: Sequence[tuple[Sequence[str], Sequence[str]]]) -> tuple[dict, dict, dict, list]:
        by_path: dict[str, Document] = {}
        file_errors: dict[str, tuple[ContentError, ...]] = {}
        photo_checks = PhotoChecks(verdicts)
        scanned: list[ContentError] = []
        for markdown, rest in shares:
            for rel_path in markdown:
                # Scanned once: the scan's problems are also what stops the file from being read.
                problems = file_problems(content_root, rel_path, limits, verdicts)
                scanned += problems
                _load_into(
                    content_root, rel_path, types, by_path, file_errors, limits, own_hosts, photo_checks, problems
                )
                if prepare is not None and rel_path in by_path:
                    prepare(by_path[rel_path])
            for rel_path in rest:
                scanned += file_problems(content_root, rel_path, limits, verdicts)
        return by_path, file_errors, photo_checks, scanned

    count = process_count(len(paths), processes, DOCUMENTS_WORTH_FORKING)
    # One share per process: its Markdown files and its other files (photos and PDFs spread evenly).
    shares = [(paths[index::count], others[index::count]) for index in range(count)]
    parts = split_map(load, shares, count)
    by_path, file_errors, photo_checks, scanned = parts[0]
    for other_docs, other_errors, other_checks, other_scanned in parts[1:]:
        # A copy's documents were pickled: they take this build's kinds again (kinds compare by identity).
        for rel_path, doc in other_docs.items():
            object.__setattr__(doc, "kind", types.by_name(doc.kind.name))
            by_path[rel_path] = doc
        file_errors.update(other_errors)
        photo_checks.merge(other_checks)
        scanned += other_scanned
    sources = tuple(sorted(folder_errors + scanned))
    content = ContentSet(
        content_root, types, by_path, file_errors, limits=limits, source_errors=sources, verdicts=verdicts
    )
    return _checked(replace(content, own_hosts=own_hosts, photo_checks=photo_checks))


def _load_into(
    root: Path,
    rel_path: str,
    types: ContentTypes,
    by_path: dict,
    file_errors: dict,
    limits: Limits,
    own_hosts: frozenset[str] = frozenset(),
    photo_checks: PhotoChecks | None = None,
    refused: list[ContentError] | None = None,
) -> None:
    try:
        by_path[rel_path] = load_document(root, rel_path, types, limits, own_hosts, photo_checks, refused)
    except ContentErrors as exc:
        file_errors[rel_path] = exc.errors


def _shows(doc: Document, rel_path: str) -> bool:
    """Whether the document shows this content-relative photo (or anything inside this folder)."""
    return any(ref.resolved == rel_path or (ref.resolved or "").startswith(f"{rel_path}/") for ref in doc.photo_refs)


def _checked(content: ContentSet) -> ContentSet:
    documents = tuple(content.by_path[p] for p in sorted(content.by_path))
    kinds = content.types.kinds
    problems = url_clashes(documents) + reserved_url_clashes(documents, kinds) + kind_checks(documents, kinds)
    problems += site_link_problems(documents, kinds, content.root, content.types.data_checks)
    problems += check_data_files(content.root, content.types.data_checks, documents)
    cross, warnings = split_warnings(set(problems))
    return replace(
        content,
        cross_errors=tuple(cross),
        documents=documents,
        refused=frozenset(e.path for e in cross),
        warnings=tuple(warnings),
    )


def kind_checks(documents: Sequence[Document], kinds: Iterable) -> list[ContentError]:
    """Each kind's `collection_check` over its own documents, with every document for references."""
    errors: list[ContentError] = []
    for kind in kinds:
        if kind.collection_check:
            errors.extend(kind.collection_check([d for d in documents if d.kind is kind], documents))
    return errors


def url_clashes(documents: Iterable[Document]) -> list[ContentError]:
    """Two files of any types that would be written at the same URL, each named."""
    errors: list[ContentError] = []
    by_url: dict[str, list[Document]] = defaultdict(list)
    for doc in documents:
        by_url[doc.url].append(doc)
    for url, clashing in sorted(by_url.items()):
        if len(clashing) < 2:
            continue
        names = "、".join(sorted(d.shown for d in clashing))
        for doc in clashing:
            errors.append(
                ContentError(
                    doc.shown,
                    doc.line_of("slug") if "slug" in doc.front.lines else 1,
                    "slug",
                    f"URL /{url} が複数のファイルで同じです（{names}）。どちらかのファイル名か slug を変えてください",
                    "two files produce the same URL",
                )
            )
    return errors


def reserved_url_clashes(documents: Iterable[Document], kinds: Iterable) -> list[ContentError]:
    """A file of one type at a URL another type's plugin writes itself (a 歴史 article at /history/map/)."""
    owners = {url: kind for kind in kinds for url in kind.reserved_urls}
    errors = []
    for doc in documents:
        owner = owners.get(doc.url)
        if owner is None or owner is doc.kind:
            continue
        folder = owner.reserved_urls[0]
        names = ", ".join(sorted(u.removeprefix(folder).strip("/") or "index" for u in owner.reserved_urls))
        errors.append(
            ContentError(
                doc.shown,
                doc.line_of("slug") if "slug" in doc.front.data else 1,
                "slug",
                f"URL /{doc.url} は{owner.reserved_label or owner.label}のページが使います。ファイル名か slug を変えてください"
                f"（{folder} の下で使えない名前: {names}）",
                "reserved slug",
            )
        )
    return errors
