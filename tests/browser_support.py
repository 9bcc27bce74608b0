"""Shared browser-test helpers: Debian chromium through Playwright, a local http server, axe-core.

Never downloads a browser: Playwright drives /usr/bin/chromium (installed by scripts/system-deps.sh).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from conftest import ROOT

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ("--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run")
# WCAG 2.0 and 2.1, levels A and AA.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve a built site over http on 127.0.0.1 (a free port) in a thread; yields the base URL without a slash."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def local_only(context, seen: list[str] | None = None) -> None:
    """Abort every request to another host (nothing leaves the machine); record each request's URL in `seen`."""

    def route(route) -> None:
        if seen is not None:
            seen.append(route.request.url)
        if urlsplit(route.request.url).hostname in ("127.0.0.1", None):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", route)


def axe_violations(page, tags: tuple[str, ...] = WCAG_TAGS) -> list[str]:
    """Inject the vendored axe-core into the loaded page and return its violations as `id: selector, ...` lines."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(r => r.violations.map(v => v.id + ' (' + v.help + '): '"
        " + v.nodes.map(n => n.target.join(' ')).join(', ')))",
        list(tags),
    )


def open_details(page) -> None:
    """Open every <details>, so axe also checks what is folded away."""
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
