"""Shared fixtures: real Pelican builds of a tiny site or of the sample content, parsed with BeautifulSoup."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "plugins"))

from tools.site_build import build_into  # noqa: E402

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
    source.mkdir(exist_ok=True)
    write_files(source, files or {})
    output = tmp_path / "output"
    # Pagefind takes seconds a build: only the sample site and the search tests index (opt in).
    overrides.setdefault("SITE_SEARCH_INDEX", False)
    build_into(settings, output, {"PATH": str(source), "WARD_BUILD_DATE": BUILD_DATE, **overrides})
    return output


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
