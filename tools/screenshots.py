"""Screenshots of one page of every kind at phone and desktop widths, for people to look at.

`invoke screenshots` (after `invoke build`) writes PNGs into tmp/screenshots/ (git-ignored). The site
is served over http on 127.0.0.1 and shown in Debian's chromium (never a downloaded browser); any
request to another host is aborted, as on a resident's first visit with no map opened.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ("--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run")
WIDTHS = (375, 1280)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve a built site over http on 127.0.0.1 (a free port) in a thread; yields the base URL without a slash."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@contextlib.contextmanager
def chromium() -> Iterator:
    """A launched headless Debian chromium (a Playwright Browser), closed afterwards."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=list(LAUNCH_ARGS))
        try:
            yield browser
        finally:
            browser.close()


def first_url(content: Path, kind: str) -> str:
    """The URL of the first published content file of a kind (news, history, event, bulletin)."""
    from tools.site_build import check_content

    for doc in sorted(check_content(content).documents, key=lambda d: d.rel_path):
        if doc.kind.name != kind:
            continue
        if getattr(doc.meta, "status", None) != "draft" and getattr(doc.meta, "draft", False) is not True:
            return doc.url
    raise LookupError(f"no published {kind} in {content}")


def pages(content: Path) -> dict[str, str]:
    """Screenshot name -> URL path (without the leading slash)."""
    return {
        "home": "",
        "section-news": "news/",
        "article": first_url(content, "news"),
        "history": "history/",
        "history-site": first_url(content, "history"),
        "events": "events/",
        "event": first_url(content, "event"),
        "bulletins": "bulletins/",
        "bulletin": first_url(content, "bulletin"),
        "search": "search/",
        "search-hanabi": "search/?q=花火",
    }


def take(site: Path, content: Path, target: Path, widths: tuple[int, ...] = WIDTHS) -> list[Path]:
    """Full-page PNGs `<name>-<width>.png` of every page in `pages()`; returns the files written."""
    target.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as base, chromium() as browser:
        for width in widths:
            context = browser.new_context(viewport={"width": width, "height": 900}, locale="ja-JP")
            context.route(
                "**/*",
                lambda route: (
                    route.continue_() if urlsplit(route.request.url).hostname == "127.0.0.1" else route.abort()
                ),
            )
            page = context.new_page()
            for name, path in pages(content).items():
                page.goto(f"{base}/{path}", wait_until="networkidle")
                # A full-page shot shows what is below the fold: load lazy images as if scrolled to.
                page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
                page.wait_for_function("Array.from(document.images).every(i => i.complete)")
                if "?q=" in path:
                    page.wait_for_selector("#ward-search[data-state=done]", timeout=15000)
                out = target / f"{name}-{width}.png"
                page.screenshot(path=str(out), full_page=True)
                written.append(out)
            context.close()
    return written


def main() -> None:
    sys.path.insert(0, str(ROOT / "plugins"))
    site = ROOT / "output"
    if not (site / "index.html").is_file():
        raise SystemExit("output/ がありません。先に `invoke build` を実行してください。")
    for path in take(site, ROOT / "content", ROOT / "tmp" / "screenshots"):
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
