"""One search record per written page that marks its content with data-pagefind-body.

A record keeps the page's natural text (for titles and excerpts shown to residents) apart from
the text to index (the same, plus ruby readings), so results never show bigram tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

# Elements whose text is never indexed (as Pagefind's own HTML indexer skips them).
SKIPPED = frozenset({"script", "style", "template", "noscript", "svg", "rp"})
# Elements that end a run of text: their text never joins the next element's into one bigram.
BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
        "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul", "img",
    }
)  # fmt: skip
MARKER = "data-pagefind-body"
YEAR = re.compile(r"^(\d{4})-\d{2}-\d{2}")


@dataclass(frozen=True)
class Record:
    """What the index holds about one page: URL, natural title and text, indexed text, filters."""

    url: str
    title: str
    text: str
    indexed: str
    section: str | None  # the section's name, shown with the result (歴史)
    section_slug: str | None  # its slug, the filter's value (history)
    year: str | None


def _texts(element) -> tuple[list[str], list[str]]:
    """Text of an element in document order, natural and with readings; blocks separated by newlines.

    One walk for both: readings (ruby text, and hidden text a template marks for the index only,
    an event's カナ) go to the indexed text alone.
    """
    natural: list[str] = []
    indexed: list[str] = []
    to_natural, to_indexed = natural.append, indexed.append

    def walk(node, reading_above: bool) -> None:
        tag = node.tag
        if isinstance(tag, str):  # not a comment or processing instruction
            # .get rather than `in node.attrib`: no attribute proxy made per element.
            get = node.get
            reading = tag == "rt" or get("data-search-only") is not None
            if tag not in SKIPPED and get("data-pagefind-ignore") is None:
                block = reading or tag in BLOCKS
                text = node.text
                if reading_above or reading:  # the indexed text alone
                    if block:
                        to_indexed("\n")
                    if text:
                        to_indexed(text)
                    for child in node:
                        walk(child, True)
                    if block:
                        to_indexed("\n")
                else:
                    if block:
                        to_natural("\n")
                        to_indexed("\n")
                    if text:
                        to_natural(text)
                        to_indexed(text)
                    for child in node:
                        walk(child, False)
                    if block:
                        to_natural("\n")
                        to_indexed("\n")
        tail = node.tail
        if tail:
            to_indexed(tail)
            if not reading_above:
                to_natural(tail)

    text = element.text or ""
    natural.append(text)
    indexed.append(text)
    for child in element:
        walk(child, False)
    return natural, indexed


# Compiled once: a path given to .xpath() as text is compiled again on every page.
_DATED = etree.XPath(".//time[@datetime][not(ancestor::table)]")
# lxml's plain HTML parser: lxml.html's element classes (looked up per element) are not used here.
_PARSER = etree.HTMLParser()


def _document(html: str):
    """The parsed document; a text with nothing to parse gives an empty <html>."""
    root = etree.fromstring(html, _PARSER)
    return root if root is not None else etree.Element("html")


def clean(pieces: list[str]) -> str:
    """Whitespace (block boundaries included) collapsed to single spaces, trimmed (str.split splits
    on what the regular expression \\s matches: str.isspace)."""
    return " ".join("".join(pieces).split())


def page_record(html: str, url: str, sections: dict[str, tuple[str, str]]) -> Record | None:
    """The record of one written page, or None when the page marks nothing for the index.

    `sections` maps a URL's first folder to its section's slug and name (news -> news, お知らせ).
    The year is that of the first <time datetime> outside a table (a history site's table holds
    its designation date, which is not when the page was published).
    """
    # Only the part from the marked element on is parsed: what comes before (head, header, menus:
    # most of a page) is never indexed. The first occurrence of the marker is at or before the
    # element, so the element is always inside the part parsed.
    marker = html.find(MARKER)
    if marker < 0:
        return None
    start = max(html.rfind("<", 0, marker), 0)
    # Nor what comes after </main> (the footer) when the marked element lies inside <main>: no <main
    # opens between the marker and that end tag (a marked element holding <main> is parsed whole).
    end = html.find("</main>", marker)
    if end < 0 or html.find("<main", marker, end) >= 0:
        end = len(html)
    root = _document(html[start:end])
    body = root.find(f".//*[@{MARKER}]")
    if body is None:
        return None
    heading = body.find(".//h1")
    title_source = heading if heading is not None else _document(html[:start] or "<p>").find(".//title")
    title = clean(_texts(title_source)[0]) if title_source is not None else url
    year = None
    for time in _DATED(body):
        match = YEAR.match(time.get("datetime", ""))
        if match:
            year = match.group(1)
            break
    slug, name = sections.get(url.strip("/").split("/", 1)[0], (None, None))
    natural, indexed = _texts(body)
    return Record(
        url=url,
        title=title,
        text=clean(natural),
        indexed=clean(indexed),
        section=name,
        section_slug=slug,
        year=year,
    )


def page_url(output: Path, path: Path) -> str:
    """The URL Pagefind would give a written file: /a/b/ for a/b/index.html."""
    return rel_url(path.relative_to(output).as_posix())


def rel_url(rel: str) -> str:
    """page_url of an output-relative path with forward slashes."""
    if rel == "index.html":
        return "/"
    return "/" + rel.removesuffix("index.html")


def site_records(output: Path, sections: dict[str, tuple[str, str]]) -> list[Record]:
    """Records of every marked page under `output`, in URL order (deterministic index)."""
    records = []
    for path in sorted(output.rglob("*.html")):
        # Pelican writes UTF-8; decoding here spares lxml guessing from a <meta> it may not find.
        record = page_record(path.read_text(encoding="utf-8"), page_url(output, path), sections)
        if record is not None:
            records.append(record)
    return records
