"""What indexing costs: time, peak memory and bundle sizes, measured in a process of its own.

`index_cost(output_dir)` is for `invoke bench`: it indexes an already built site into a temporary
folder (the site is left as it is) in a fresh Python process, so the memory figure is that of
indexing alone (the process and Pagefind's, added up: an upper bound).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PLUGINS = Path(__file__).resolve().parent.parent
ROOT = PLUGINS.parent


def bundle_sizes(bundle: Path) -> dict[str, float]:
    """Bytes a browser fetches: the fixed part once per visit, then index chunks and fragments."""
    fixed = sum(
        path.stat().st_size
        for path in bundle.iterdir()
        if path.name == "pagefind.js" or path.suffix in (".pf_meta", ".pagefind") or path.name == "pagefind-entry.json"
    )
    chunks = [path.stat().st_size for path in sorted((bundle / "index").iterdir())]
    fragments = [path.stat().st_size for path in sorted((bundle / "fragment").iterdir())]
    return {
        "bundle_bytes": float(sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())),
        "fixed_bytes": float(fixed),
        "index_chunks": float(len(chunks)),
        "chunk_mean_bytes": sum(chunks) / max(len(chunks), 1),
        "fragment_mean_bytes": sum(fragments) / max(len(fragments), 1),
    }


def measure(output: Path, binary: str) -> dict[str, float]:
    """Index `output` into a temporary bundle; run in the measuring child process."""
    from site_search.indexer import binary_path, section_names, write_index
    from site_search.records import site_records
    from site_search.settings import read_settings
    from tools.site_build import load_settings

    settings = load_settings("pelicanconf.py")
    search = read_settings({**settings, "SITE_SEARCH_BINARY": binary})
    with tempfile.TemporaryDirectory(prefix="ward-search-cost-") as tmp:
        start = time.perf_counter()
        records = site_records(output, section_names(search, settings))
        read_s = time.perf_counter() - start
        write_index(records, Path(tmp), binary_path(search.binary), search)
        total_s = time.perf_counter() - start
        sizes = bundle_sizes(Path(tmp))
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    pagefind = children.ru_maxrss
    return {
        "index_pages": float(len(records)),
        "index_read_s": read_s,
        "index_s": total_s,
        # CPU seconds do not grow when other processes share the machine, unlike wall time.
        "index_cpu_s": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        "index_pagefind_cpu_s": children.ru_utime + children.ru_stime,
        "index_peak_mib": (own.ru_maxrss + pagefind) / 1024,
        "index_pagefind_peak_mib": pagefind / 1024,
        **sizes,
    }


def index_cost(output_dir: Path | str, binary: str = "standard") -> dict[str, float]:
    """Time (s), peak memory (MiB) and bundle sizes (bytes) of indexing a built site, in a fresh process."""
    completed = subprocess.run(
        [sys.executable, "-m", "site_search.cost", str(output_dir), binary],
        cwd=ROOT,
        env={"PYTHONPATH": f"{PLUGINS}:{ROOT}", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout)


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "standard")))
