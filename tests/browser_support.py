"""Shared browser-test helpers: Debian chromium through Playwright, a local http server, axe-core.

Never downloads a browser: Playwright drives /usr/bin/chromium (installed by scripts/system-deps.sh).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from conftest import ROOT

# One launcher and one local server for tests and tools/screenshots.py.
from tools.screenshots import CHROMIUM, LAUNCH_ARGS, chromium, serve

__all__ = [
    "AXE",
    "CHROMIUM",
    "LAUNCH_ARGS",
    "WCAG_TAGS",
    "axe_violations",
    "chromium",
    "local_only",
    "open_details",
    "serve",
]

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
# WCAG 2.0 and 2.1, levels A and AA.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


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


def axe_at_widths(browser, site: Path, pages, widths: tuple[int, ...] = (375, 1280)) -> dict[str, list[str]]:
    """axe violations of each page of a built site, served over http, at each width: {"375px /x/": [...]}."""
    found: dict[str, list[str]] = {}
    with serve(site) as url:
        for width in widths:
            page = browser.new_page(viewport={"width": width, "height": 800})
            for rel in pages:
                page.goto(f"{url}/{rel}")
                violations = axe_violations(page)
                if violations:
                    found[f"{width}px /{rel}"] = violations
            page.close()
    return found
