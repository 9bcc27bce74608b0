"""Issues of 広報よこはま金沢区版: one Markdown file per monthly issue, next to its PDF.

The checks that need only the files (the PDF exists and is a PDF; one issue a month; one file a
number) run here, so `invoke check` reports them too. Gaps in the monthly sequence depend on the
BULLETIN_NOT_PUBLISHED setting, which a schema cannot see: the bulletin_archive plugin checks
them during the build (see plugins/bulletin_archive/model.py).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import AfterValidator, Field

from ward_content.errors import ContentError
from ward_content.files import is_file
from ward_content.kinds import Kind
from ward_content.schemas.base import JpDate, Text, WardModel, content_error

from .pdf_identity import read_identity

if TYPE_CHECKING:
    from ward_content.document import Document

PDF_MAGIC = b"%PDF-"


def _first_of_month(value):
    if value.day != 1:
        raise content_error(
            "issue date not the 1st",
            f"発行日は毎月1日です。{value.year}年{value.month}月号なら {value.year}-{value.month:02d}-01 と書いてください"
            f"（書かれていたのは {value.isoformat()}）",
        )
    return value


def _pdf_name(value: str) -> str:
    path = PurePosixPath(value)
    if path.is_absolute() or ".." in path.parts or "\\" in value or path.suffix.lower() != ".pdf":
        raise content_error(
            "invalid pdf path",
            f"「{value}」: この Markdown ファイルと同じフォルダにある PDF のファイル名を書いてください（例: 2026-08.pdf）",
        )
    return value


class ContentsEntry(WardModel):
    """One article of the issue and the page it starts on."""

    title: Text = Field(description="記事の見出し", examples=["金沢まつり花火大会"])
    page: int = Field(ge=1, description="記事が始まるページ（表紙が1ページ）", examples=[2])


class BulletinMeta(WardModel):
    """Front matter of one issue of 広報よこはま金沢区版."""

    issue_date: Annotated[JpDate, AfterValidator(_first_of_month)] = Field(
        description="発行日（毎月1日）。ファイル名は年-月にします（例: 2026-08.md）",
        examples=["2026-08-01"],
        json_schema_extra={"cms": {"file_name": "YYYY-MM"}},
    )
    number: int = Field(ge=1, description="号数（No. の数字）。毎月1ずつ増えます", examples=[346])
    pdf: Annotated[Text, AfterValidator(_pdf_name)] = Field(
        description="この号の PDF のファイル名。Markdown ファイルと同じフォルダに置きます",
        examples=["2026-08.pdf"],
        json_schema_extra={"cms": {"file": "beside"}},
    )
    headline: Text = Field(description="特集の見出し", examples=["金沢まつり花火大会"])
    contents: list[ContentsEntry] = Field(
        min_length=1,
        description="目次。記事ごとに title（見出し）と page（ページ）を書きます",
        examples=[[{"title": "金沢まつり花火大会", "page": 2}]],
    )
    status: Literal["published", "draft"] = Field(
        "published", description="published（公開）または draft（下書き、公開しない）", examples=["draft"]
    )


def pdf_problem(doc: Document) -> ContentError | None:
    """Missing, unreadable or not-a-PDF file for this issue (the PDF's inside is read by the plugin)."""
    name = doc.meta.pdf
    path = doc.root / PurePosixPath(doc.rel_path).parent / name
    line = doc.line_of("pdf")
    if not is_file(path):
        return ContentError(
            doc.shown,
            line,
            "pdf",
            f"PDF「{name}」が見つかりません。{PurePosixPath(doc.shown).parent}/ に置くか、ファイル名を直してください",
            "pdf file missing",
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as exc:
        return ContentError(
            doc.shown,
            line,
            "pdf",
            f"PDF「{name}」を読めません（{exc.strerror}）。ファイルを置き直してください",
            "pdf unreadable",
        )
    if PDF_MAGIC not in head:
        return ContentError(
            doc.shown,
            line,
            "pdf",
            f"「{name}」は PDF ではありません。PDF で保存したファイルを置いてください",
            "not a pdf",
        )
    return None


def pdf_identity_problems(doc: Document) -> list[ContentError]:
    """The PDF states another month or number than the Markdown file (rule: bulletin_archive.pdf_identity)."""
    name = doc.meta.pdf
    # Kept beside the other caches of derived files (.cache/ next to content/), by the PDF's hash.
    cache = doc.root.parent / ".cache" / "bulletin_identity"
    stated = read_identity(doc.root / PurePosixPath(doc.rel_path).parent / name, cache)
    issue_date, number = doc.meta.issue_date, doc.meta.number
    errors = []
    if stated.month is not None and (stated.year, stated.month) != (issue_date.year, issue_date.month):
        errors.append(
            ContentError(
                doc.shown,
                doc.line_of("issue_date"),
                "issue_date",
                f"PDF「{name}」は {stated.year}年{stated.month}月号です（PDF の題名か表紙による）が、"
                f"このファイルは {issue_date.year}年{issue_date.month}月号です。別の月の PDF を置いていないか、"
                "issue_date が正しいかを確かめてください",
                "pdf month differs from issue_date",
            )
        )
    if stated.number is not None and stated.number != number:
        errors.append(
            ContentError(
                doc.shown,
                doc.line_of("number"),
                "number",
                f"PDF「{name}」の号数は No.{stated.number} です（PDF の題名か表紙による）が、number は {number} です。"
                "別の号の PDF を置いていないか、number が正しいかを確かめてください",
                "pdf number differs from number",
            )
        )
    return errors


def check_issues(documents: Sequence[Document], everything: Sequence[Document] = ()) -> list[ContentError]:
    """One issue per month and per number, files named by their month, and a real PDF for every issue."""
    # A draft may wait for its PDF; a published issue may not.
    published = [doc for doc in documents if doc.meta.status == "published"]
    errors = []
    for doc in published:
        problem = pdf_problem(doc)
        errors += [problem] if problem else pdf_identity_problems(doc)
    for doc in documents:
        expected = f"{doc.meta.issue_date:%Y-%m}"
        if doc.slug != expected:
            errors.append(
                ContentError(
                    doc.shown,
                    1,
                    "",
                    f"ファイル名は発行月にします。{expected}.md に名前を変えてください（今は {PurePosixPath(doc.rel_path).name}）",
                    "file name is not the issue month",
                )
            )
    by_month: dict[tuple[int, int], list[Document]] = defaultdict(list)
    by_number: dict[int, list[Document]] = defaultdict(list)
    for doc in documents:
        by_month[(doc.meta.issue_date.year, doc.meta.issue_date.month)].append(doc)
        by_number[doc.meta.number].append(doc)
    for (year, month), docs in sorted(by_month.items()):
        if len(docs) > 1:
            names = "、".join(sorted(d.shown for d in docs))
            errors += [
                ContentError(
                    d.shown,
                    d.line_of("issue_date"),
                    "issue_date",
                    f"{year}年{month}月号が複数あります（{names}）。1か月に1つにしてください",
                    "two issues for the same month",
                )
                for d in docs
            ]
    for number, docs in sorted(by_number.items()):
        if len(docs) > 1:
            names = "、".join(sorted(d.shown for d in docs))
            errors += [
                ContentError(
                    d.shown,
                    d.line_of("number"),
                    "number",
                    f"号数 No.{number} が複数の号にあります（{names}）。号数を確かめてください",
                    "two issues with the same number",
                )
                for d in docs
            ]
    return errors + _numbering_problems(documents)


def _numbering_problems(documents: Sequence[Document]) -> list[ContentError]:
    """The bulletin's number rises by one each month: an issue of the next month must carry the next number."""
    by_date = sorted(documents, key=lambda d: d.meta.issue_date)
    errors = []
    for before, after in pairwise(by_date):
        gap = (after.meta.issue_date.year - before.meta.issue_date.year) * 12 + (
            after.meta.issue_date.month - before.meta.issue_date.month
        )
        expected = before.meta.number + 1
        if gap == 1 and after.meta.number != expected:
            errors.append(
                ContentError(
                    after.shown,
                    after.line_of("number"),
                    "number",
                    f"号数 No.{after.meta.number} は、前の号（{before.meta.issue_date.year}年{before.meta.issue_date.month}月号"
                    f" No.{before.meta.number}）の次の No.{expected} になっていません。号数を確かめてください",
                    "issue number out of sequence",
                )
            )
    return errors


def issue_urls(documents: Sequence[Document]) -> list[str]:
    """The archive's landing page, fiscal-year pages and each issue's cover."""
    from ward_content.dates import fiscal_year

    urls = ["bulletins/"]
    for doc in documents:
        urls += [f"bulletins/fy{fiscal_year(doc.meta.issue_date)}/", f"{doc.url}cover.webp", f"{doc.url}cover.jpg"]
    return urls


KIND = Kind(
    name="bulletin",
    label="広報よこはま金沢区版（各号）",
    folders=("bulletins",),
    schema=BulletinMeta,
    url="{folder}/{slug}/",
    title_field="headline",
    collection_check=check_issues,
    site_urls=issue_urls,
)
