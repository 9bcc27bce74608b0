"""A PDF's page count and page sizes, read by pypdf without rendering: what pdfium would be asked to draw."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import BinaryIO

from . import verdicts
from .limits import Limits


class PdfBoundsProblem(Exception):
    """The PDF is larger than the limits allow; `message_ja` says what and how to fix it.

    `lasting` is False when the file could not be read this time (an error of the system, not of its
    bytes): the answer may differ on the next try, so it is never kept as the file's verdict.
    """

    def __init__(self, message_ja: str, code: str, lasting: bool = True):
        super().__init__(code)
        self.message_ja = message_ja
        self.code = code
        self.lasting = lasting


class PdfNotRead(Exception):
    """pypdf could not read the file this time (the system's error or Python's stack, not its bytes);
    a file that need not open passes, and the pass is not kept."""


LOCKED_MESSAGE = (
    "PDF にパスワードが掛かっていて開けません。パスワードを掛けずに PDF を作り直して置いてください"
    "（作成者などの情報を消せないため公開しません）"
)
UNREADABLE_MESSAGE = (
    "PDF を開けません（壊れているか、途中で切れています）。元の文書から PDF を作り直して置いてください"
    "（作成者などの情報を消せないため公開しません）"
)


def checker_version() -> str:
    """pypdf's version and this module's source: a kept verdict (ward_content.verdicts) is asked again
    when either changes."""
    return verdicts.checker_version("pypdf", __file__)


def check_pdf_bounds(source: Path | BinaryIO, limits: Limits, must_open: bool = False) -> None:
    """Raise PdfBoundsProblem for too many pages or a page too large; a PDF pypdf cannot read passes
    (pdfium judges it later, in a process of its own), with PdfNotRead when the failure was the
    system's rather than the file's. With `must_open`, an encrypted or unreadable PDF
    is refused: a file nothing else checks is published through pdf_privacy, which reads it with pypdf
    and cannot clean such a one, so it would otherwise fail only the build, after every page was written."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs each repaired cross-reference table as a warning; the build would count it as a problem.
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        reader = PdfReader(source, strict=False)
        if must_open and reader.is_encrypted:
            raise PdfBoundsProblem(LOCKED_MESSAGE, "pdf unreadable")
        count = len(reader.pages)
        if count > limits.pdf_pages:
            raise PdfBoundsProblem(
                f"PDF のページが多すぎます（{count} ページ、{limits.pdf_pages} ページまで）。分けて置いてください",
                "pdf too many pages",
            )
        for number, page in enumerate(reader.pages, start=1):
            for box in (page.mediabox, page.cropbox):
                width, height = abs(float(box.width)), abs(float(box.height))
                if max(width, height) > limits.pdf_page_points or min(width, height) < 1:
                    raise PdfBoundsProblem(
                        f"PDF の {number} ページ目の大きさが普通ではありません（{width:.0f}×{height:.0f} ポイント、"
                        f"1辺 {limits.pdf_page_points:.0f} ポイントまで）。A4 などの大きさで作り直してください",
                        "pdf page size",
                    )
        active_content(reader)
    except PdfBoundsProblem:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError):
        # What the bytes are: the same answer every time.
        if must_open:
            raise PdfBoundsProblem(UNREADABLE_MESSAGE, "pdf unreadable") from None
        return
    except (OSError, RecursionError):
        # What this moment is (a file swapped or a drive gone while read, how deep the caller's stack
        # was): the answer of this try alone.
        if must_open:
            raise PdfBoundsProblem(UNREADABLE_MESSAGE, "pdf unreadable", lasting=False) from None
        raise PdfNotRead from None
    finally:
        quiet.setLevel(level)


# Objects visited when looking for active content; a 500-page PDF of text and photos holds far fewer.
MAX_PDF_OBJECTS = 2_000_000
# Actions that run code or load data by themselves: a script, another program, form data imported, rich media.
_RUNNING_ACTIONS = frozenset({"/JavaScript", "/Launch", "/ImportData", "/RichMediaExecute"})


def active_content(reader) -> None:
    """Raise PdfBoundsProblem for JavaScript, a launch action or an attached file anywhere in the document.

    Browsers' PDF viewers run a PDF's JavaScript; an attached file is published unseen. Word and the
    print dialog never write either, so a PDF holding one is refused rather than silently rewritten.
    """
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    stack: list = [reader.trailer]
    seen: set[tuple[int, int]] = set()
    visited = 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            raise PdfBoundsProblem(
                f"PDF の中身の数が多すぎます（{MAX_PDF_OBJECTS:,} 個まで）。分けて置いてください", "pdf too complex"
            )
        if isinstance(item, DictionaryObject):
            if "/JS" in item or item.get("/S") in _RUNNING_ACTIONS or "/JavaScript" in item:
                raise PdfBoundsProblem(
                    "PDF に、開くと動くプログラム（JavaScript など）が入っているため公開できません。"
                    "元の文書から「名前を付けて保存」で PDF にし直すか、印刷の画面から PDF に書き出してください",
                    "pdf with script",
                )
            if "/EmbeddedFiles" in item or "/EF" in item or item.get("/Type") == "/EmbeddedFile":
                raise PdfBoundsProblem(
                    "PDF にほかのファイルが添付されているため公開できません。添付を外した PDF にするか、"
                    "添付していたファイルを別に置いてください",
                    "pdf with attachment",
                )
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)
