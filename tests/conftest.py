"""Shared fixtures: real Pelican builds of a tiny site or of the sample content, parsed with BeautifulSoup."""

from __future__ import annotations

import contextlib
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


# Tiers for `invoke test --fast` (unit and small builds, under a minute) and the whole suite.
TIER_MARKERS = ("unit", "build", "publish", "browser", "slow")


def pytest_collection_modifyitems(config, items):
    """Mark every test by what it needs, so tiers select by marker instead of by file lists."""
    for item in items:
        path = item.path.as_posix()
        fixtures = set(getattr(item, "fixturenames", ()))
        module = getattr(item, "module", None)
        uses_browser = item.get_closest_marker("browser") or (module and "browser_support" in vars(module))
        if uses_browser:
            item.add_marker(pytest.mark.browser)
        if "/tests/publishing/" in path:
            item.add_marker(pytest.mark.publish)
        if "sample_site" in fixtures or "/tests/site/" in path:
            item.add_marker(pytest.mark.slow)
        if not any(item.get_closest_marker(name) for name in ("browser", "publish", "slow")):
            item.add_marker(
                pytest.mark.build if "tmp_path" in fixtures or "tmp_path_factory" in fixtures else pytest.mark.unit
            )
