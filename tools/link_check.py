"""Internal link check of a built site: every internal href/src must name a written file, and every #anchor an id on it."""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

# Attributes that make the browser fetch or navigate; `srcset` holds several URLs.
LINK_ATTRIBUTES = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "script": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
}
NOT_FETCHED = ("mailto:", "tel:", "data:", "javascript:", "about:")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
_CSS_URL = re.compile(r"""url\(\s*(['"]?)(?P<url>[^'")]*)\1\s*\)|@import\s+(['"])(?P<import>[^'"]*)\3""")


@dataclass(frozen=True, order=True)
class LinkProblem:
    """One broken internal link: the page (output-relative), its line, the link as written, what is wrong."""

    page: str
    line: int
    link: str
    message_ja: str
    code_en: str

    def format(self) -> str:
        """One line, like the content checker's: place, problem in Japanese, English code."""
        return f"output/{self.page}:{self.line}: リンク「{self.link}」: {self.message_ja} ({self.code_en})"


@dataclass(frozen=True)
class _Target:
    path: str
    fragment: str


class SiteIndex:
    """The written files of a site, with the links and ids of each page, every page parsed once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
        self.ids: dict[str, frozenset[str]] = {}
        self.links: dict[str, list[tuple[int, str]]] = {}
        for rel in sorted(self.files):
            if rel.endswith(".html"):
                self.links[rel], self.ids[rel] = _html_links_and_ids(root / rel)
            elif rel.endswith(".xml"):
                self.links[rel] = _xml_links(root / rel)
            elif rel.endswith(".css"):
                self.links[rel] = _css_links(root / rel)

    def resolve(self, path: str) -> str | None:
        """The file a URL path is served from (`a/` and `a` serve `a/index.html`), or None."""
        path = path.lstrip("/")
        if path in self.files:
            return path
        index = posixpath.join(path, "index.html") if path else "index.html"
        return index if index in self.files else None


def check_links(root: Path, site_urls: tuple[str, ...] = ()) -> list[LinkProblem]:
    """Every broken internal link of the site in `root`; `site_urls` are the site's own absolute addresses.

    A link is internal when it is relative, root-relative, or starts with one of `site_urls`
    (publishconf writes absolute links). Anchors are checked on HTML targets.
    """
    index = SiteIndex(root)
    bases = tuple(_base(url) for url in site_urls if url)
    problems: list[LinkProblem] = []
    for rel, links in sorted(index.links.items()):
        for line, link in links:
            problem = _check_one(index, rel, line, link, bases)
            if problem:
                problems.append(problem)
    return sorted(problems)


def _base(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    return parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/") + "/"


def _html_links_and_ids(path: Path) -> tuple[list[tuple[int, str]], frozenset[str]]:
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    links = []
    for tag in page.find_all(LINK_ATTRIBUTES):
        for attribute in LINK_ATTRIBUTES[tag.name]:
            value = tag.get(attribute)
            if value is None:
                continue
            if attribute == "srcset":
                urls = [item.strip().split()[0] for item in value.split(",") if item.strip()]
            else:
                urls = [value.strip()]
            links.extend((tag.sourceline or 1, url) for url in urls)
    # Legacy `<a name>` targets still work in browsers, so they count as anchors.
    ids = {tag["id"] for tag in page.find_all(id=True)} | {
        tag["name"] for tag in page.find_all("a", attrs={"name": True})
    }
    return links, frozenset(ids)


def _xml_links(path: Path) -> list[tuple[int, str]]:
    """Atom `<link href>` and sitemap `<loc>`: feed readers and crawlers follow them too."""
    try:
        tree = ET.parse(path)
    except ET.ParseError:
        return []
    links = [(1, element.get("href", "")) for element in tree.iter(f"{ATOM}link")]
    links += [(1, (element.text or "").strip()) for element in tree.iter(f"{SITEMAP}loc")]
    return [(line, link) for line, link in links if link]


def _css_links(path: Path) -> list[tuple[int, str]]:
    """`url(...)` and `@import "..."` of a stylesheet: a missing background image or font is a broken link too."""
    text = path.read_text(encoding="utf-8", errors="replace")
    links = []
    for match in _CSS_URL.finditer(text):
        url = (match.group("url") or match.group("import") or "").strip()
        if url:
            links.append((text.count("\n", 0, match.start()) + 1, url))
    return links


def _target(page: str, link: str, bases: tuple[tuple[str, str, str], ...]) -> _Target | None:
    """The output path and fragment an internal link points to; None for external links."""
    if link.lower().startswith(NOT_FETCHED):
        return None
    parts = urlsplit(link)
    if parts.scheme or parts.netloc:
        scheme = parts.scheme.lower() or "https"
        for base_scheme, base_netloc, base_path in bases:
            same_host = parts.netloc.lower() == base_netloc and scheme in (base_scheme, "http", "https")
            path = parts.path or "/"
            if same_host and (path + "/").startswith(base_path):
                return _Target(unquote(path[len(base_path) :]), unquote(parts.fragment))
        return None
    resolved = urlsplit(urljoin(f"/{page}", link))
    return _Target(unquote(resolved.path), unquote(resolved.fragment))


def _check_one(index: SiteIndex, page: str, line: int, link: str, bases) -> LinkProblem | None:
    target = _target(page, link, bases)
    if target is None:
        return None
    rel = index.resolve(target.path)
    if rel is None:
        return LinkProblem(page, line, link, "リンク先のページやファイルがありません", "broken internal link")
    if target.fragment and rel.endswith(".html") and target.fragment not in index.ids[rel]:
        return LinkProblem(
            page, line, link, f"リンク先のページに「#{target.fragment}」の場所（id）がありません", "missing anchor"
        )
    return None
