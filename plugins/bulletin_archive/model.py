"""The pure core of the archive: issues, fiscal-year groups, neighbours, gaps, the PDF label."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path, PurePosixPath

from responsive_images.plan import PhotoSource

from ward_content.dates import fiscal_year, fiscal_year_label, wareki
from ward_content.document import Document
from ward_content.errors import ContentError

from .pdf import PdfInfo


@dataclass(frozen=True)
class Issue:
    """One published issue with what its PDF told us."""

    doc: Document
    pdf: PdfInfo
    cover_suffix: str = "webp"
    intro_html: str = ""  # the Markdown body, rendered
    cover_master: str = ""  # the cached full-size cover image its responsive copies are made from
    cover_widths: tuple[int, ...] = ()

    @property
    def issue_date(self) -> date:
        """The 1st of the issue's month."""
        return self.doc.meta.issue_date

    @property
    def number(self) -> int:
        """No. 329."""
        return self.doc.meta.number

    @property
    def headline(self) -> str:
        """The feature (特集)."""
        return self.doc.meta.headline

    @property
    def contents(self) -> tuple:
        """ContentsEntry items in page order."""
        return tuple(sorted(self.doc.meta.contents, key=lambda entry: entry.page))

    @property
    def slug(self) -> str:
        """2026-08."""
        return self.doc.slug

    @property
    def url(self) -> str:
        """bulletins/2026-08/."""
        return self.doc.url

    @property
    def label(self) -> str:
        """令和8年8月号, as the paper's masthead writes it."""
        return issue_label(self.issue_date)

    @property
    def fiscal_year(self) -> int:
        """年度 of the issue, named by its starting year."""
        return fiscal_year(self.issue_date)

    @property
    def source_pdf(self) -> str:
        """Content-relative path of the PDF (also its output path)."""
        return str(PurePosixPath(self.doc.rel_path).parent / self.doc.meta.pdf)

    @property
    def pdf_url(self) -> str:
        """Where the PDF is published, same place as in content/."""
        return self.source_pdf

    @property
    def cover_url(self) -> str:
        """The cover thumbnail, next to the issue page."""
        return f"{self.url}cover.{self.cover_suffix}"

    @property
    def cover_picture(self) -> PhotoSource:
        """The cover for the `picture` filter: copies at 1x, 2x, 3x named bulletins/2026-08/cover-240w.webp."""
        return PhotoSource(
            Path(self.cover_master),
            f"{self.url}cover",
            alt=f"{self.label}の表紙。特集「{self.headline}」",
            widths=self.cover_widths,
            fallback=self.cover_url,
        )

    @property
    def pdf_label(self) -> str:
        """「PDF 2.3MB・8ページ」: type, size and pages before anyone downloads it (JIS X 8341-3)."""
        return f"PDF {size_label(self.pdf.size)}・{self.pdf.page_count}ページ"


@dataclass(frozen=True)
class FiscalYear:
    """A 年度 of issues, newest first."""

    year: int
    issues: tuple[Issue, ...]

    @property
    def label(self) -> str:
        """令和8年度."""
        return fiscal_year_label(self.year)

    @property
    def period(self) -> str:
        """2026年4月〜2027年3月."""
        return f"{self.year}年4月〜{self.year + 1}年3月"

    def url(self, folder: str) -> str:
        """bulletins/fy2026/."""
        return f"{folder}/fy{self.year}/"


@dataclass(frozen=True)
class Archive:
    """Every published issue, oldest first, with fiscal-year groups and neighbours."""

    issues: tuple[Issue, ...]

    @property
    def newest_first(self) -> tuple[Issue, ...]:
        """For lists and the feed."""
        return tuple(reversed(self.issues))

    @property
    def latest(self) -> Issue | None:
        """The newest issue, for the home page."""
        return self.issues[-1] if self.issues else None

    @property
    def years(self) -> tuple[FiscalYear, ...]:
        """Fiscal years, newest first."""
        return group_by_fiscal_year(self.issues)

    def previous(self, issue: Issue) -> Issue | None:
        """The issue before, or None for the first."""
        index = self.issues.index(issue)
        return self.issues[index - 1] if index > 0 else None

    def next(self, issue: Issue) -> Issue | None:
        """The issue after, or None for the latest."""
        index = self.issues.index(issue)
        return self.issues[index + 1] if index + 1 < len(self.issues) else None


def make_archive(issues: Iterable[Issue]) -> Archive:
    """Issues sorted by date (duplicate months are refused earlier by the schema's check)."""
    return Archive(tuple(sorted(issues, key=lambda issue: (issue.issue_date, issue.doc.rel_path))))


def group_by_fiscal_year(issues: Iterable[Issue]) -> tuple[FiscalYear, ...]:
    """年度 groups (April to March), newest year first, issues newest first within a year."""
    groups: dict[int, list[Issue]] = {}
    for issue in issues:
        groups.setdefault(issue.fiscal_year, []).append(issue)
    return tuple(
        FiscalYear(year, tuple(sorted(groups[year], key=lambda i: i.issue_date, reverse=True)))
        for year in sorted(groups, reverse=True)
    )


def issue_label(month: date) -> str:
    """令和8年8月号."""
    return f"{wareki(month)}{month.month}月号"


def size_label(size: int) -> str:
    """2.3MB or 850KB (1KB = 1024 bytes, as Windows shows file sizes to staff and residents)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f}MB"
    return f"{max(1, round(size / 1024))}KB"


def _months_between(first: date, last: date) -> list[date]:
    """Months strictly between two firsts of the month."""
    months = []
    year, month = first.year, first.month
    while True:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        if (year, month) >= (last.year, last.month):
            return months
        months.append(date(year, month, 1))


def find_gaps(docs: Sequence[Document], not_published: frozenset[tuple[int, int]]) -> list[ContentError]:
    """Months missing between the first and the latest issue, reported on the issue after the gap."""
    ordered = sorted(docs, key=lambda d: d.meta.issue_date)
    errors = []
    for before, after in pairwise(ordered):
        for month in _months_between(before.meta.issue_date, after.meta.issue_date):
            if (month.year, month.month) in not_published:
                continue
            errors.append(
                ContentError(
                    after.shown,
                    after.line_of("issue_date"),
                    "issue_date",
                    f"{month.year}年{month.month}月号がありません（{before.shown} の次が {after.shown} です）。"
                    f"{month.year}-{month.month:02d}.md を作るか、発行しなかった月なら pelicanconf.py の "
                    f'BULLETIN_NOT_PUBLISHED に "{month.year}-{month.month:02d}" を加えてください',
                    "gap in the monthly sequence",
                )
            )
    return errors
