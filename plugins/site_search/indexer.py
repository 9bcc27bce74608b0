"""Runs Pagefind over the written site: the index and its UI land in output/pagefind/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ward_content.errors import ConfigurationError

BUNDLE = "pagefind"


def index_site(output_path: Path, language: str) -> None:
    """Index every page that marks its content with data-pagefind-body (pages without it are skipped).

    Pagefind reads only HTML files, so this does not depend on the order of other `finalized`
    handlers (ward_content's sitemap lists HTML pages only and Pagefind writes none).
    """
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pagefind",
            "--site",
            str(output_path),
            "--output-subdir",
            BUNDLE,
            "--force-language",
            language,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )
    if completed.returncode != 0:
        raise ConfigurationError(
            "Pagefind could not index the site (install the pinned pagefind[extended] with `make build`):\n"
            + (completed.stderr or completed.stdout).strip()
        )
