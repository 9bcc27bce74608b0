"""sitemap.xml and robots.txt from the written site, built with ElementTree (escaped), sorted for byte-identical output."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
EXCLUDED = {"404.html"}


def page_urls(pages: Iterable[str], site_url: str) -> list[str]:
    """Absolute URLs of the written HTML pages (output-relative paths), `dir/index.html` written as `dir/`."""
    urls = []
    for rel in sorted(set(pages)):
        if not rel.endswith(".html") or rel in EXCLUDED or rel.startswith(("drafts/", "theme/", "admin/")):
            continue
        rel = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        urls.append(f"{site_url.rstrip('/')}/{rel}")
    return urls


def sitemap_xml(urls: list[str]) -> bytes:
    """The sitemap document."""
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(f"{{{NAMESPACE}}}urlset")
    for url in urls:
        ET.SubElement(ET.SubElement(root, f"{{{NAMESPACE}}}url"), f"{{{NAMESPACE}}}loc").text = url
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def robots_txt(site_url: str) -> str:
    """Everything may be crawled except drafts; the sitemap is named."""
    return f"User-agent: *\nDisallow: /drafts/\n\nSitemap: {site_url.rstrip('/')}/sitemap.xml\n"


def write_sitemap(output_path: Path, pages: Iterable[str], site_url: str) -> None:
    """Written last, after every generator, from the pages this build wrote (the output is not read
    again); in the preview, made when the browser asks for it (page_writer.output_bytes)."""
    from .page_writer import output_bytes

    pages = tuple(pages)
    output_bytes(output_path, "sitemap.xml", lambda: sitemap_xml(page_urls(pages, site_url)))
    output_bytes(output_path, "robots.txt", robots_txt(site_url).encode("utf-8"))
