"""The archive's generator: reads content/bulletins/, checks the sequence, writes pages, covers, PDFs, feed."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

from pdf_privacy.core import PdfUnreadable
from pdf_privacy.plugin import cleaned_copy
from responsive_images.pipeline import picture_of, produce, tasks_for
from responsive_images.settings import read_settings as read_photo_settings

from ward_content.bounds import without_controls
from ward_content.build_scope import ensure_scope
from ward_content.document import display_path
from ward_content.errors import ContentError
from ward_content.folder_generator import WardFolderGenerator
from ward_content.forking import usable_cores
from ward_content.limits import read_limits
from ward_content.page_writer import KeptCopy
from ward_content.rendering import document_html
from ward_content.settings import read_settings as read_ward_settings
from ward_content.sources import file_problems, scan_tree

from .covers import CoverProblem, cover_for, cover_widths, inspect_bounded, master_for
from .feed import atom_feed
from .model import Issue, find_gaps, make_archive
from .pdf import PdfProblem, pages_without
from .schema import KIND
from .settings import read_settings


class BulletinGenerator(WardFolderGenerator):
    """Issue pages, fiscal-year pages and the 広報 landing page; never raises for a content mistake."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.bulletin = read_settings(self.settings)
        self.kind = KIND
        self.folder = self.kind.folders[0]
        self.archive = make_archive(())
        # Each published issue's PDF -> its kept copy without metadata, or None when it had none.
        self.published: dict[Path, Path | None] = {}

    def generate_context(self) -> None:
        # Issues whose PDF is missing or not a PDF are reported, not built into the archive.
        usable = self.read_documents(self.folder)
        published = [d for d in self.ward_documents if d.meta.status == "published"]
        self.ward_errors.extend(find_gaps(published, self.bulletin.not_published))
        issues = []
        own_hosts = read_ward_settings(self.settings).own_hosts
        limits = read_limits(self.settings)
        root = Path(self.settings["PATH"]).resolve()
        refused_files = _refused_files(root, limits)
        # A link out of content/ or a PDF beyond the limits never reaches pdfium; the foundation's
        # scan of content/ reports it, located on the PDF itself.
        readable = [
            (doc, path)
            for doc in usable
            if doc.meta.status == "published"
            for path in [doc.root / Path(doc.rel_path).parent / doc.meta.pdf]
            if display_path(doc.root, path.relative_to(doc.root).as_posix()) not in refused_files
        ]
        inspected = self._inspect_all(sorted({path for _, path in readable}), limits)
        for doc, path in readable:
            try:
                info = inspected[path]
                if isinstance(info, Exception):
                    raise info
                # The size shown and sent in the feed is that of the copy published, without metadata; the
                # text shown holds no control or text-direction character, whatever the PDF's text layer had.
                pages = pages_without(info.pages, without_controls)
                info = replace(info, size=self._keep_published(path), pages=pages)
            except CoverProblem:
                self.ward_errors.append(_no_cover(doc))
                continue
            except (PdfProblem, PdfUnreadable):
                self.ward_errors.append(_unreadable(doc))
                continue
            intro = document_html(doc, own_hosts)
            master = master_for(path, info.sha256, self.bulletin, limits)
            suffix = "jpg" if self.bulletin.cover_format == "jpeg" else "webp"
            issues.append(Issue(doc, info, suffix, intro, str(master), cover_widths(self.bulletin)))
        self.archive = make_archive(issues)
        self.context["bulletin_archive"] = self.archive
        if self.archive.latest is not None:
            self.context["latest_bulletin"] = self.archive.latest

    def _inspect_all(self, paths: list[Path], limits) -> dict[Path, object]:
        """Each PDF's PdfInfo, or the problem met reading it (PdfProblem, CoverProblem, PdfUnreadable).

        pdfium reads a PDF only in a process of its own under WARD_LIMITS' memory and time
        (`inspect_bounded`, cached by the PDF's hash); those not in the cache yet are read by one such
        process per core at once, the threads here only waiting for them.
        """

        def inspect(path: Path) -> object:
            try:
                return inspect_bounded(path, self.bulletin, limits)
            except (CoverProblem, PdfProblem, PdfUnreadable) as problem:
                return problem

        workers = min(read_ward_settings(self.settings).processes or usable_cores(), max(1, len(paths)))
        with ThreadPoolExecutor(max_workers=workers) as pool:
            return dict(zip(paths, pool.map(inspect, paths), strict=True))

    def generate_output(self, writer) -> None:
        section = read_ward_settings(self.settings).section(self.folder)
        root = Path(self.settings["PATH"]).resolve()
        output = Path(self.output_path)
        archive = self.archive
        self._write_cover_copies(output)
        for issue in archive.issues:
            # Files, not pages: made when the browser asks for them in the preview (write_bytes).
            kept = self.published.get(root / issue.source_pdf)
            if kept is not None:
                # Linked from the kept copy without metadata, which the PDF pass then need not read.
                self.write_bytes(issue.pdf_url, KeptCopy(kept))
                ensure_scope().clean_files.add(issue.pdf_url)
            else:  # nothing to strip (found above): the PDF as it is, which the PDF pass checks again
                self.write_bytes(issue.pdf_url, (root / issue.source_pdf).read_bytes)
            cover = cover_for(root / issue.source_pdf, issue.pdf.sha256, self.bulletin)
            self.write_bytes(issue.cover_url, KeptCopy(cover))
            self._write(
                writer,
                "bulletins/issue.html",
                f"{issue.url}index.html",
                section=section,
                issue=issue,
                previous_issue=archive.previous(issue),
                next_issue=archive.next(issue),
                year=next(y for y in archive.years if y.year == issue.fiscal_year),
            )
        for year in archive.years:
            self._write(writer, "bulletins/year.html", f"{year.url(self.folder)}index.html", section=section, year=year)
        self._write(writer, "bulletins/index.html", f"{self.folder}/index.html", section=section)
        if self.previews_drafts:
            self._write_drafts(writer, section, root, output)
        feed = atom_feed(
            archive.newest_first[: self.bulletin.feed_max_items],
            self.settings.get("WARD_PUBLIC_URL") or self.settings["SITEURL"],
            self.bulletin.feed_path,
            f"{self.folder}/",
            self.settings,
        )
        if feed is not None:  # none until the first issue
            self.write_bytes(self.bulletin.feed_path, feed)

    def _write_cover_copies(self, output: Path, issues=None) -> None:
        """Every cover at 1x, 2x and 3x in AVIF, WebP and JPEG, cached and encoded in parallel (responsive_images)."""
        photos = read_photo_settings(self.settings)
        tasks = []
        for issue in self.archive.issues if issues is None else issues:
            facts, picture = picture_of(issue.cover_picture, photos)
            tasks += tasks_for(issue.cover_picture, facts, picture, photos)
        outcome = produce(tasks, output, photos)
        if outcome.failures:  # our own PNG: a failure here is a bug, not a content mistake
            raise RuntimeError(f"bulletin covers could not be encoded: {outcome.failures}")

    def _write(self, writer, template: str, save_as: str, **values) -> None:
        self.write_page(
            writer, template, save_as, bulletin_folder=self.folder, bulletin_feed=self.bulletin.feed_path, **values
        )

    def _write_drafts(self, writer, section, root: Path, output: Path) -> None:
        """Draft issues whose PDF is in place, at /drafts/<URL> (preview builds only)."""
        own_hosts = read_ward_settings(self.settings).own_hosts
        limits = read_limits(self.settings)
        for doc in self.drafts_of(self.kind.name):
            path = root / Path(doc.rel_path).parent / doc.meta.pdf
            if not path.is_file() or file_problems(doc.root, path.relative_to(doc.root).as_posix(), limits):
                continue  # a draft may wait for its PDF; its page comes once the PDF is there
            try:
                info = inspect_bounded(path, self.bulletin, limits)
            except (PdfProblem, PdfUnreadable, CoverProblem):
                continue
            intro = document_html(doc, own_hosts)
            master = master_for(path, info.sha256, self.bulletin, limits)
            suffix = "jpg" if self.bulletin.cover_format == "jpeg" else "webp"
            issue = Issue(doc, info, suffix, intro, str(master), cover_widths(self.bulletin))
            # The page links the PDF and cover at their usual URLs; in the preview they are there.
            self._copy(path, output / issue.pdf_url)
            self._copy(cover_for(path, info.sha256, self.bulletin, limits), output / issue.cover_url)
            drafts_archive = make_archive((issue,))
            self._write_cover_copies(output, drafts_archive.issues)
            year = drafts_archive.years[0]
            self.write_draft(
                writer,
                "bulletins/issue.html",
                issue.url,
                section=section,
                issue=issue,
                previous_issue=None,
                next_issue=None,
                year=year,
                bulletin_folder=self.folder,
                bulletin_feed=self.bulletin.feed_path,
            )

    def _keep_published(self, path: Path) -> int:
        """The size of the PDF as published, without author, creator tool or XMP; its kept copy without
        them, if it had any, goes into `published` (read and hashed here once, not again when written)."""
        data = path.read_bytes()
        kept = cleaned_copy(data, self._pdf_cache())
        self.published[path] = kept
        return kept.stat().st_size if kept is not None else len(data)

    def _pdf_cache(self) -> Path:
        return Path(self.settings.get("PDF_PRIVACY_CACHE_PATH") or self.bulletin.cache_path.parent / "pdf_privacy")

    @staticmethod
    def _copy(source: Path, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def _refused_files(root: Path, limits) -> frozenset[str]:
    """Files under content/ that the build's scan refused (links out, limits): from the content set,
    which scanned every file once; scanned here only when no content set is in scope."""
    content = ensure_scope().content
    errors = content.source_errors if content is not None else scan_tree(root, limits)
    return frozenset(error.path for error in errors)


def _no_cover(doc) -> ContentError:
    return ContentError(
        doc.shown,
        doc.line_of("pdf"),
        "pdf",
        f"PDF「{doc.meta.pdf}」の表紙を決められた時間とメモリの中で描けませんでした。"
        "ページの大きさや画像の多さを確かめ、PDF を作り直して置いてください",
        "pdf cover not rendered",
    )


def _unreadable(doc) -> ContentError:
    return ContentError(
        doc.shown,
        doc.line_of("pdf"),
        "pdf",
        f"PDF「{doc.meta.pdf}」を開けません（壊れているか、パスワードが掛かっています）。PDF を作り直して置いてください",
        "pdf unreadable",
    )
