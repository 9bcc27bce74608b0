"""A PDF's page count and page sizes, read by pypdf without rendering: what pdfium would be asked to draw."""

from __future__ import annotations

import logging
from pathlib import Path

from .limits import Limits


class PdfBoundsProblem(Exception):
    """The PDF is larger than the limits allow; `message_ja` says what and how to fix it."""

    def __init__(self, message_ja: str, code: str):
        super().__init__(code)
        self.message_ja = message_ja
        self.code = code


LOCKED_MESSAGE = (
    "PDF にパスワードが掛かっていて開けません。パスワードを掛けずに PDF を作り直して置いてください"
    "（作成者などの情報を消せないため公開しません）"
)
UNREADABLE_MESSAGE = (
    "PDF を開けません（壊れているか、途中で切れています）。元の文書から PDF を作り直して置いてください"
    "（作成者などの情報を消せないため公開しません）"
)


def check_pdf_bounds(path: Path, limits: Limits, must_open: bool = False) -> None:
    """Raise PdfBoundsProblem for too many pages or a page too large; a PDF pypdf cannot read passes
    (pdfium judges it later, in a process of its own). With `must_open`, an encrypted or unreadable PDF
    is refused: a file nothing else checks is published through pdf_privacy, which reads it with pypdf
    and cannot clean such a one, so it would otherwise fail only the build, after every page was written."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    # pypdf logs each repaired cross-reference table as a warning; the build would count it as a problem.
    quiet = logging.getLogger("pypdf")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        reader = PdfReader(path, strict=False)
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
    except PdfBoundsProblem:
        raise
    except (PyPdfError, OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        if must_open:
            raise PdfBoundsProblem(UNREADABLE_MESSAGE, "pdf unreadable") from None
        return
    finally:
        quiet.setLevel(level)
