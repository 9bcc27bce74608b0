"""Site-absolute links in content (`/reading/kickoff/`) checked against the pages the site will have.

The known URLs come from one function, `known_urls`: every published document's URL, the URLs each
content type declares (`Kind.reserved_urls` and `Kind.site_urls`: list pages, calendars, open data),
the pages plugins write from data files (`DataCheck.site_urls`: the evacuation list), the foundation's
own pages, and every file under content/ (published where it sits). So `invoke check`
and the build report a dead link at its Markdown line, long before the publish stage's link check.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from .errors import ContentError

if TYPE_CHECKING:
    from .document import Document

# Pages written whatever the content: home, 404, sitemap, the site feed, /opendata/ (the foundation's)
# and /search/ (site_search, a plugin with no content type to declare it).
CORE_URLS = ("", "404.html", "robots.txt", "sitemap.xml", "feeds/all.atom.xml", "opendata/", "search/")
_MD_TARGET = re.compile(r"\]\(\s*<?(/[^)\s>]*)")
_HTML_TARGET = re.compile(r"""\b(?:href|src)\s*=\s*["']?(/[^"'\s>]*)""", re.I)
_FENCE = ("```", "~~~")
# Files plugins write where their settings say: open data, feeds, calendars.
_GENERATED_FILE = re.compile(r"^(opendata/[^/]+\.(csv|geojson)|feeds/[^/]+\.atom\.xml|[^?#]+\.ics)$")


def static_files(content_root: Path) -> set[str]:
    """Every non-Markdown file under content/ (photos, PDFs), content-relative: published where it sits."""
    found = set()
    for folder, dirs, files in os.walk(content_root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and not name.endswith((".md", ".markdown")):
                found.add(Path(folder, name).relative_to(content_root).as_posix())
    return found


def known_urls(
    documents: Sequence[Document], kinds: Iterable, content_root: Path | None = None, data_checks: Iterable = ()
) -> frozenset[str]:
    """Every URL (without the leading /) the site will have, for the documents and types of one build."""
    published = [doc for doc in documents if not doc.is_draft]
    urls = set(CORE_URLS)
    urls.update(doc.url for doc in published)
    for kind in kinds:
        urls.update(kind.reserved_urls)
        provide = getattr(kind, "site_urls", None)
        if provide is not None:
            urls.update(provide([doc for doc in published if doc.kind is kind]))
    if content_root is not None:
        urls.update(static_files(content_root))
        for data_check in data_checks:
            if getattr(data_check, "site_urls", None) is not None:
                urls.update(data_check.site_urls(content_root))
    return frozenset(urls)


def _normalised(link: str) -> str | None:
    """`/reading/x/#a` as `reading/x/`; None for protocol-relative links (another site)."""
    if link.startswith("//"):
        return None
    path = unquote(urlsplit(link).path).lstrip("/")
    return path.removesuffix("index.html")


def _exists(path: str, urls: frozenset[str]) -> bool:
    if _GENERATED_FILE.match(path):
        return True  # named by settings, written by the plugins; the publish link check sees them
    return path in urls or f"{path}/" in urls or (path.endswith("/") and path.rstrip("/") in urls)


def site_link_problems(
    documents: Sequence[Document], kinds: Iterable, content_root: Path | None = None, data_checks: Iterable = ()
) -> list[ContentError]:
    """A located error for each `/…` link in a body that names no page or file of the site."""
    kinds = tuple(kinds)
    urls = known_urls(documents, kinds, content_root, data_checks)
    drafts = {doc.url: doc for doc in documents if doc.is_draft}
    errors = []
    for doc in documents:
        for number, link in doc.site_links:
            path = _normalised(link)
            if path is None or _exists(path, urls):
                continue
            errors.append(
                ContentError(doc.shown, number, "本文", _message(link, path, urls, drafts), _code(path, drafts))
            )
    return errors


def body_links(body: str, first_line: int):
    """(line, target) of every `/…` link of a Markdown body, outside code."""
    in_code = False
    for offset, line in enumerate(body.split("\n")):
        if line.lstrip().startswith(_FENCE):
            in_code = not in_code
            continue
        if in_code:
            continue
        # Inline code (`/reading/`) is text, not a link.
        text = re.sub(r"`[^`]*`", "", line)
        for link in sorted(set(_MD_TARGET.findall(text)) | set(_HTML_TARGET.findall(text))):
            yield first_line + offset, link


def _code(path: str, drafts: dict) -> str:
    return "link to a draft" if path in drafts or f"{path}/" in drafts else "link to unknown page"


def _message(link: str, path: str, urls: frozenset[str], drafts: dict) -> str:
    draft = drafts.get(path) or drafts.get(f"{path}/")
    if draft is not None:
        return (
            f"リンク先「{link}」は下書き（status: draft）の {draft.shown} です。公開されないので、"
            "リンクを消すか、そのページを公開してから書いてください"
        )
    close = difflib.get_close_matches(path, sorted(u for u in urls if u.endswith("/")), n=1, cutoff=0.75)
    hint = f"「/{close[0]}」ですか？" if close else "ページなら /フォルダ名/ファイル名/ の形です（.md は付けません）"
    return f"リンク先「{link}」はこのサイトにありません。{hint}"
