"""What indexing costs: time, peak memory and bundle sizes, measured in a process of its own.

`index_cost(output_dir)` is for `invoke bench`: it indexes an already built site into a temporary
folder (the site is left as it is) in a fresh Python process, so the time and memory figures are
those of indexing alone, the interpreter's start included (as in plain Pelican's figures).
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


def measure(output: Path, cache: Path) -> dict[str, float]:
    """Index `output` into a temporary bundle; run in the measuring child process.

    Pagefind's browser files come from `cache` (extracted before, outside the measurement: once per
    Pagefind version, not per build).
    """
    from site_search.indexer import section_names, write_index
    from site_search.records import site_records
    from site_search.settings import read_settings
    from tools.site_build import load_settings

    settings = load_settings("pelicanconf.py")
    search = read_settings({**settings, "SITE_SEARCH_CACHE_PATH": str(cache)})
    with tempfile.TemporaryDirectory(prefix="ward-search-cost-") as tmp:
        start = time.perf_counter()
        cpu = time.process_time()
        records = site_records(output, section_names(search, settings))
        read_s, read_cpu = time.perf_counter() - start, time.process_time() - cpu
        write_index(records, Path(tmp), search)
        total_s = time.perf_counter() - start
        sizes = bundle_sizes(Path(tmp))
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "index_pages": float(len(records)),
        "index_read_s": read_s,
        "index_read_cpu_s": read_cpu,
        "index_s": total_s,
        # The whole process (interpreter, imports, settings) as for plain Pelican's build below; CPU
        # seconds do not grow when other processes share the machine, unlike wall time.
        "index_cpu_s": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        "index_pagefind_cpu_s": children.ru_utime + children.ru_stime,
        "index_peak_mib": (own.ru_maxrss + children.ru_maxrss) / 1024,
        **sizes,
    }


def prepare_client(cache: Path) -> None:
    """Extract Pagefind's browser files into `cache` (what a first build does once per version)."""
    from site_search.client import client_files
    from site_search.settings import read_settings
    from tools.site_build import load_settings

    search = read_settings(load_settings("pelicanconf.py"))
    client_files(search.binary, cache, search.language)


def index_cost(output_dir: Path | str, cache: Path | str | None = None) -> dict[str, float]:
    """Time (s), CPU (s), peak memory (MiB) and bundle sizes (bytes) of indexing a built site, in a fresh process.

    `cache` holds Pagefind's browser files (a temporary one, filled first, by default).
    """
    if cache is None:
        with tempfile.TemporaryDirectory(prefix="ward-search-client-") as tmp:
            prepare_client(Path(tmp))
            return index_cost(output_dir, tmp)
    completed = subprocess.run(
        [sys.executable, "-m", "site_search.cost", str(output_dir), str(cache)],
        cwd=ROOT,
        env={"PYTHONPATH": f"{PLUGINS}:{ROOT}", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout)


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]), Path(sys.argv[2]))))
