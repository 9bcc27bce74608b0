"""Reading an issue's PDF: size, pages, content hash, and its text with the bookmarked headings."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import pypdfium2

# Japanese paragraphs open with an ideographic space; a line ending like this closes one.
_PARAGRAPH_END = "。」）！？"


class PdfProblem(Exception):
    """The file could not be opened as a PDF (damaged, encrypted, truncated)."""


@dataclass(frozen=True)
class TextBlock:
    """A heading (level 0, 1...) or a paragraph (level None) of the extracted text."""

    text: str
    level: int | None = None

    @property
    def is_heading(self) -> bool:
        """True for text the PDF bookmarks as a heading."""
        return self.level is not None


@dataclass(frozen=True)
class PdfPage:
    """One page's text, in reading order."""

    number: int
    blocks: tuple[TextBlock, ...]


def pages_without(pages: tuple[PdfPage, ...], clean) -> tuple[PdfPage, ...]:
    """The pages with `clean` applied to every block's text (this module runs alone in a worker, so the
    cleaning, which is the foundation's, is handed in by the build)."""
    return tuple(
        PdfPage(page.number, tuple(TextBlock(clean(block.text), block.level) for block in page.blocks))
        for page in pages
    )


@dataclass(frozen=True)
class PdfInfo:
    """What the archive shows about a PDF without opening it in a reader."""

    size: int
    page_count: int
    sha256: str
    pages: tuple[PdfPage, ...]


def inspect_pdf(path: Path) -> PdfInfo:
    """Size, page count, hash and text of a PDF; PdfProblem if pdfium cannot open it."""
    data = path.read_bytes()
    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        raise PdfProblem(str(exc)) from None
    try:
        headings: dict[int, list[tuple[str, int]]] = {}
        for bookmark in document.get_toc():
            dest = bookmark.get_dest()
            title = (bookmark.get_title() or "").strip()
            if dest is not None and title:
                headings.setdefault(dest.get_index(), []).append((title, bookmark.level))
        pages = []
        for index in range(len(document)):
            text = page_text(document, index)
            pages.append(PdfPage(index + 1, tuple(blocks_of(text, headings.get(index, [])))))
        return PdfInfo(len(data), len(document), hashlib.sha256(data).hexdigest(), tuple(pages))
    finally:
        document.close()


def page_text(document: pypdfium2.PdfDocument, index: int) -> str:
    """The text of one page (pdfium's text layer), its handles closed again."""
    page = document[index]
    textpage = page.get_textpage()
    try:
        return textpage.get_text_range()
    finally:
        textpage.close()
        page.close()


def _squash(text: str) -> str:
    return "".join(text.split())


def blocks_of(text: str, headings: list[tuple[str, int]]) -> list[TextBlock]:
    """Lines joined into paragraphs where the PDF only wrapped them; bookmarked titles become headings.

    A heading may be wrapped over several lines, so runs of lines are compared without spaces.
    """
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line.strip()]
    wanted = [(_squash(title), title, level) for title, level in headings]
    blocks: list[TextBlock] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(TextBlock("".join(paragraph).strip()))
            paragraph.clear()

    index = 0
    while index < len(lines):
        match = _heading_at(lines, index, wanted)
        if match:
            flush()
            title, level, used = match
            blocks.append(TextBlock(title, level))
            wanted = [w for w in wanted if w[1] != title]
            index += used
            continue
        line = lines[index]
        if line.startswith("\u3000") or (paragraph and paragraph[-1].endswith(tuple(_PARAGRAPH_END))):
            flush()
        paragraph.append(line.strip() if not paragraph else line)
        if index + 1 < len(lines) and len(line) < 0.8 * max(len(x) for x in lines):
            flush()
        index += 1
    flush()
    return blocks


def _heading_at(lines: list[str], index: int, wanted: list[tuple[str, str, int]]) -> tuple[str, int, int] | None:
    for squashed, title, level in wanted:
        joined = ""
        for used, line in enumerate(lines[index:], start=1):
            joined += _squash(line)
            if joined == squashed:
                return title, level, used
            if not squashed.startswith(joined):
                break
    return None
