"""Sample issues of 広報よこはま金沢区版: multi-page Japanese PDFs (reportlab) and their Markdown files.

The PDFs are committed like any staff PDF; this tool only re-creates them (`invoke sample-pdfs`).
It writes a PDF only where a sample month's PDF is missing, and never overwrites a file: a PDF in
content/bulletins/ may be a real issue that staff put there. `--markdown` writes the Markdown of
the sample months whose Markdown is missing. Text comes from the ward's plan
(tools/data/ward_plan.txt); the bytes are the same on every run (reportlab's invariant mode), so
a re-created PDF equals the committed one.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN_TEXT = Path(__file__).resolve().parent / "data" / "ward_plan.txt"
IPA_GOTHIC = Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf")
# Real numbering: 令和7年3月号 is No.329 and the number rises by one a month.
KNOWN_ISSUE = (date(2025, 3, 1), 329)
FIRST_MONTH = date(2025, 1, 1)
MONTHS = 24

MARGIN = 56
BODY_SIZE = 10.5
LEADING = 17


@dataclass(frozen=True)
class Article:
    """A ◆-headed item of the plan and its paragraphs."""

    title: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class IssuePlan:
    """What one sample issue contains: pages of articles, headline, table of contents."""

    issue_date: date
    number: int
    pages: tuple[tuple[Article, ...], ...]  # article pages after the cover

    @property
    def slug(self) -> str:
        """File name stem: 2025-01."""
        return f"{self.issue_date:%Y-%m}"

    @property
    def headline(self) -> str:
        """The feature (特集) is the lead article."""
        return self.pages[0][0].title

    @property
    def contents(self) -> list[tuple[str, int]]:
        """(title, page) for each article; the cover is page 1."""
        return [(a.title, index + 2) for index, page in enumerate(self.pages) for a in page]

    @property
    def page_count(self) -> int:
        """Cover, article pages and the back page."""
        return len(self.pages) + 2


def issue_number(month: date) -> int:
    """The real issue number of a month's issue."""
    known, number = KNOWN_ISSUE
    return number + (month.year - known.year) * 12 + (month.month - known.month)


def wareki_label(month: date) -> str:
    """令和7年3月号 (令和 only: the samples start in 2025)."""
    year = month.year - 2018
    return f"令和{'元' if year == 1 else year}年{month.month}月号"


def read_articles(text: str) -> list[Article]:
    """Every ◆ item of the plan with the paragraphs that follow it."""
    paragraphs = [re.sub(r"\s*\n\s*", "", p).strip() for p in re.split(r"\n\s*\n", text)]
    articles: list[Article] = []
    title, body = None, []
    for paragraph in paragraphs:
        if paragraph.startswith("◆"):
            if title and body:
                articles.append(Article(title, tuple(body)))
            title, body = paragraph.lstrip("◆ ").strip(), []
        elif title and paragraph and not re.match(r"^(\d+ |[IV]+ |【|★|\(|『)", paragraph):
            body.append(paragraph)
        elif title and re.match(r"^(\d+ |[IV]+ |★)", paragraph):
            if body:
                articles.append(Article(title, tuple(body)))
            title, body = None, []
    if title and body:
        articles.append(Article(title, tuple(body)))
    return articles


def plans(articles: list[Article]) -> list[IssuePlan]:
    """24 consecutive months from January 2025: 4, 6 or 8 pages, articles in rotation."""
    result = []
    cursor = 0
    for index in range(MONTHS):
        month = date(
            FIRST_MONTH.year + (FIRST_MONTH.month - 1 + index) // 12, (FIRST_MONTH.month - 1 + index) % 12 + 1, 1
        )
        article_pages = 2 + (index % 3) * 2
        pages = []
        for _ in range(article_pages):
            pages.append((articles[cursor % len(articles)], articles[(cursor + 1) % len(articles)]))
            cursor += 2
        result.append(IssuePlan(month, issue_number(month), tuple(pages)))
    return result


def register_font() -> str:
    """The embedded IPA Gothic when installed; otherwise a standard CID font, with a clear message."""
    from reportlab.pdfbase import pdfmetrics

    if IPA_GOTHIC.is_file():
        from reportlab.pdfbase.ttfonts import TTFont

        pdfmetrics.registerFont(TTFont("IPAGothic", str(IPA_GOTHIC)))
        return "IPAGothic"
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    print(
        f"{IPA_GOTHIC} がありません。フォントを埋め込まずに作ります（表紙画像の文字が欠けることがあります）。"
        " sudo bash scripts/system-deps.sh fonts で入れてください (IPA font missing: using a non-embedded CID font)",
        file=sys.stderr,
    )
    pdfmetrics.registerFont(UnicodeCIDFont("HeiseiKakuGo-W5"))
    return "HeiseiKakuGo-W5"


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Japanese wraps between any two characters; a line never starts with 。 or 、."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines, line = [], ""
    for char in text:
        if line and stringWidth(line + char, font, size) > width and char not in "。、」）":
            lines.append(line)
            line = ""
        line += char
    if line:
        lines.append(line)
    return lines


def draw_issue(plan: IssuePlan, target: Path, font: str) -> None:
    """Write one issue's PDF: cover with contents, article pages with bookmarked headings, back page."""
    from reportlab.lib.colors import HexColor, white
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    width, height = A4
    canvas = Canvas(str(target), pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle(f"広報よこはま金沢区版 {wareki_label(plan.issue_date)} No.{plan.number}")
    canvas.setAuthor("横浜市金沢区役所")
    canvas.setSubject(plan.headline)
    blue = HexColor("#00508c")

    canvas.setFillColor(blue)
    canvas.rect(0, height - 170, width, 170, stroke=0, fill=1)
    canvas.setFillColor(white)
    canvas.setFont(font, 34)
    canvas.drawString(MARGIN, height - 90, "広報よこはま 金沢区版")
    canvas.setFont(font, 16)
    canvas.drawString(MARGIN, height - 130, f"{wareki_label(plan.issue_date)}　No.{plan.number}　毎月1日発行")
    canvas.setFillColor(HexColor("#1a1a1a"))
    canvas.bookmarkPage("cover")
    canvas.addOutlineEntry("特集", "cover", level=0)
    canvas.setFont(font, 13)
    canvas.drawString(MARGIN, height - 220, "特集")
    y = height - 255
    canvas.setFont(font, 22)
    for line in wrap(plan.headline, font, 22, width - 2 * MARGIN):
        canvas.drawString(MARGIN, y, line)
        y -= 32
    canvas.setFont(font, BODY_SIZE)
    for line in wrap(plan.pages[0][0].paragraphs[0], font, BODY_SIZE, width - 2 * MARGIN):
        canvas.drawString(MARGIN, y, line)
        y -= LEADING
    y -= 20
    canvas.setFont(font, 14)
    canvas.drawString(MARGIN, y, "この号の内容")
    y -= 24
    canvas.setFont(font, BODY_SIZE)
    for title, page in plan.contents:
        canvas.drawString(MARGIN + 10, y, f"{title}　……　{page}ページ")
        y -= LEADING
    canvas.setFont(font, 9)
    canvas.drawString(
        MARGIN, 40, "編集・発行　金沢区役所区政推進課広報相談係　〒236-0021 金沢区泥亀2-9-1　電話 045-788-7722"
    )
    canvas.showPage()

    for number, page in enumerate(plan.pages, start=2):
        y = height - MARGIN - 20
        for article in page:
            key = f"p{number}-{article.title}"
            canvas.bookmarkPage(key, fit="XYZ", top=y + 20)
            canvas.addOutlineEntry(article.title, key, level=0)
            canvas.setFont(font, 16)
            for line in wrap(article.title, font, 16, width - 2 * MARGIN):
                canvas.drawString(MARGIN, y, line)
                y -= 24
            canvas.setFont(font, BODY_SIZE)
            for paragraph in article.paragraphs:
                for line in wrap("　" + paragraph, font, BODY_SIZE, width - 2 * MARGIN):
                    canvas.drawString(MARGIN, y, line)
                    y -= LEADING
                y -= 6
            y -= 24
        canvas.setFont(font, 9)
        canvas.drawCentredString(width / 2, 30, f"広報よこはま金沢区版　{wareki_label(plan.issue_date)}　{number}")
        canvas.showPage()

    y = height - MARGIN - 20
    key = "back"
    canvas.bookmarkPage(key)
    canvas.addOutlineEntry("区役所からのお知らせ", key, level=0)
    canvas.setFont(font, 16)
    canvas.drawString(MARGIN, y, "区役所からのお知らせ")
    y -= 28
    canvas.setFont(font, BODY_SIZE)
    notices = [
        "今月11日以降の記事を掲載しています。",
        "金沢区役所の所在地は〒236-0021 横浜市金沢区泥亀2-9-1です。",
        "広報に関するお問合せは区政推進課広報相談係（電話 045-788-7722）へ。",
        "「広報よこはま金沢区版」は毎月1日に発行しています。",
    ]
    for notice in notices:
        canvas.drawString(MARGIN, y, notice)
        y -= LEADING
    canvas.showPage()
    canvas.save()


def markdown_for(plan: IssuePlan) -> str:
    """The issue's Markdown file: front matter matching the PDF, and a short introduction."""
    from tools.cms_yaml import dump_front

    front = {
        "issue_date": plan.issue_date.isoformat(),
        "number": plan.number,
        "pdf": f"{plan.slug}.pdf",
        "headline": plan.headline,
        "contents": [{"title": title, "page": page} for title, page in plan.contents],
    }
    dumped = dump_front(front)  # as Decap CMS writes it, so an edit in /admin/ changes only its own line
    intro = f"{wareki_label(plan.issue_date)}（No.{plan.number}）の特集と、この号の内容です。"
    return f"---\n{dumped}---\n{intro}\n"


def ensure_pdfs(content_root: Path, markdown: bool = False) -> list[Path]:
    """Write the sample months' PDFs (and, if asked, Markdown files) that are missing; return what was written.

    An existing file is never touched, whatever it holds: it may be staff's real issue.
    """
    folder = content_root / "bulletins"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    font = None
    for plan in plans(read_articles(PLAN_TEXT.read_text(encoding="utf-8"))):
        pdf = folder / f"{plan.slug}.pdf"
        if not pdf.exists():
            font = font or register_font()
            draw_issue(plan, pdf, font)
            written.append(pdf)
        text = folder / f"{plan.slug}.md"
        if markdown and not text.exists():
            text.write_text(markdown_for(plan), encoding="utf-8")
            written.append(text)
    return written


def main(argv: list[str] | None = None) -> None:
    """Command line: `python -m tools.sample_bulletins [--markdown] [--content DIR]`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--markdown", action="store_true", help="write missing Markdown files as well")
    args = parser.parse_args(argv)
    written = ensure_pdfs(args.content, markdown=args.markdown)
    if written:
        print(f"広報のサンプルを {len(written)} 件作りました (content/bulletins/)")
    else:
        print("サンプルの月のファイルはすべてあります。既にあるファイルは書き換えません")


if __name__ == "__main__":
    main()
