"""Markdown to HTML for ward content: safe external links and Japanese heading anchors."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import TocExtension, TocTreeprocessor, slugify_unicode
from markdown.treeprocessors import Treeprocessor

from . import markdown_images
from .sanitize import sanitize

EXTENSIONS = ("extra", "sane_lists")


class HeadingIds(TocTreeprocessor):
    """Python-Markdown's `toc`: ids for the headings, and the table of contents where the text asks
    for one ([TOC]). Without the marker the table is not built: nothing shows it (our pages never
    read `Markdown.toc`), and building and serialising it was 5 % of converting a body."""

    def build_toc_div(self, toc_list: list) -> ET.Element:
        if self.marker and any(self.marker in line for line in self.md.lines):
            return super().build_toc_div(toc_list)
        return ET.Element("div", {"class": self.toc_class})


class WardToc(TocExtension):
    TreeProcessorClass = HeadingIds


class ExternalLinks(Treeprocessor):
    """External links get rel="noopener external" and a visible 「外部サイト」 note for every reader."""

    def __init__(self, md: markdown.Markdown, own_hosts: frozenset[str]):
        super().__init__(md)
        self.own_hosts = own_hosts

    def run(self, root: ET.Element) -> None:
        for link in root.iter("a"):
            parts = urlsplit(link.get("href", ""))
            if parts.scheme in ("http", "https") and parts.hostname not in self.own_hosts:
                link.set("rel", "noopener external")
                link.set("class", "ward-external")


class WardExtension(Extension):
    """Registers our processors; the logic lives in the processor classes."""

    def __init__(self, own_hosts: frozenset[str] = frozenset(), **kwargs):
        self.own_hosts = own_hosts
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.treeprocessors.register(ExternalLinks(md, self.own_hosts), "ward_external_links", 5)
        markdown_images.register(md)


def make_converter(own_hosts: frozenset[str] = frozenset()) -> markdown.Markdown:
    """A reusable converter (call .reset() between documents): building one per file costs ~9%."""
    return markdown.Markdown(
        extensions=[*EXTENSIONS, WardToc(slugify=slugify_unicode), WardExtension(own_hosts)],
        output_format="html",
    )


def render(converter: markdown.Markdown, body: str, document=None) -> str:
    """Convert one body and keep only what the allow-list allows; the converter is reset between documents.

    `document` (a ward_content Document) lets photo paths resolve relative to its Markdown file.
    What the allow-list removes was reported to the writer when the file was validated
    (`html_checks`); a page never carries it, whichever way it got into the HTML.
    """
    return sanitize(convert(converter, body, document))


def convert(converter: markdown.Markdown, body: str, document=None) -> str:
    """The body as HTML before the allow-list: what the writer asked for (checks compare it with `render`)."""
    converter.reset()
    converter.ward_document = document
    try:
        return converter.convert(body)
    finally:
        converter.ward_document = None
