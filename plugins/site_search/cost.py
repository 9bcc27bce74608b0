"""What indexing costs: time, peak memory and bundle sizes, measured in a process of its own.

`index_cost(output_dir)` is for `invoke bench`: it indexes an already built site into a temporary
folder (the site is left as it is) in a fresh Python process, so the time and memory figures are
those of indexing alone, the interpreter's start included (as in plain Pelican's figures).
"""

from __future__ import annotations

import json
import os
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
        if path.name in ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json")
        or path.suffix in (".pf_meta", ".pagefind")
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
    from site_search.indexer import limits, page_parts, section_names, write_index
    from site_search.settings import read_settings
    from tools.site_build import load_settings

    settings = load_settings("pelicanconf.py")
    search = read_settings({**settings, "SITE_SEARCH_CACHE_PATH": str(cache)})
    with tempfile.TemporaryDirectory(prefix="ward-search-cost-") as tmp:
        start = time.perf_counter()
        cpu = time.process_time()
        pages = write_index(
            page_parts(output, section_names(search, settings), limits(search), search.processes), Path(tmp), search
        )
        total_s = time.perf_counter() - start
        sizes = bundle_sizes(Path(tmp))
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    # The indexing step's CPU: this process since the start, and its forked page workers.
    total_cpu = time.process_time() - cpu + children.ru_utime + children.ru_stime
    return {
        "index_pages": float(len(pages)),
        "index_s": total_s,
        # CPU seconds do not grow when other processes share the machine, unlike wall time. The step
        # is what a build spends on indexing (it runs inside Pelican's process); the process adds
        # the interpreter's start, imports and settings.
        "index_cpu_s": total_cpu,
        "index_process_cpu_s": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        "index_workers_cpu_s": children.ru_utime + children.ru_stime,
        # System time, most of it creating files (one per page): it varies with the disk's state.
        "index_process_system_s": own.ru_stime + children.ru_stime,
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


def index_cost(
    output_dir: Path | str, cache: Path | str | None = None, scratch: Path | None = None
) -> dict[str, float]:
    """Time (s), CPU (s), peak memory (MiB) and bundle sizes (bytes) of indexing a built site, in a fresh process.

    `cache` holds Pagefind's browser files (a temporary one, filled first, by default); the bundle
    is written into a temporary folder under `scratch` (the system's by default).
    """
    if cache is None:
        with tempfile.TemporaryDirectory(prefix="ward-search-client-") as tmp:
            prepare_client(Path(tmp))
            return index_cost(output_dir, tmp, scratch)
    env = {"PYTHONPATH": f"{PLUGINS}:{ROOT}", "PATH": "/usr/bin:/bin"}
    if scratch is not None:
        env["TMPDIR"] = str(scratch)
    completed = subprocess.run(
        [sys.executable, "-m", "site_search.cost", str(output_dir), str(cache)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(completed.stdout)


def _plain_build(corpus: Path, scratch: Path) -> dict[str, float]:
    """Plain Pelican (tools/bench_child.py `plain`) in a child: its wall time, CPU and peak memory."""
    with subprocess.Popen(
        [sys.executable, "-m", "tools.bench_child", "plain", str(corpus), str(scratch)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as process:
        out = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    lines = [line for line in out.splitlines() if line.startswith("BENCH ")]
    if process.returncode != 0 or not lines:
        raise RuntimeError(f"plain Pelican failed:\n{out[-2000:]}")
    bench = json.loads(lines[-1].removeprefix("BENCH "))
    return {
        "s": bench["seconds"],
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "system_s": usage.ru_stime,
        "peak_mib": usage.ru_maxrss / 1024,
    }


def side_by_side(count: int = 2000, runs: int = 5, report=print, scratch: Path | None = None) -> dict:
    """Plain Pelican's build and our indexing of the same corpus (tools/bench_corpus.py), alternated.

    Our site is built once without an index; then each run builds plain Pelican and indexes our
    output, each in a fresh process. Medians of `runs`, and the ratios the issue sets (≤ 0.3×).
    Everything is written under `scratch` (the system's temporary folder by default): creating a
    file costs far more on some disks than on a RAM disk (/dev/shm), for both builds alike.
    """
    import shutil
    import statistics

    tmp = Path(tempfile.mkdtemp(prefix=f"ward-search-cost-{count}-", dir=scratch))
    try:
        # Corpus and our site (without index) are made in a child: a child process starts with its
        # parent's peak memory as its own (Linux), so this process stays small.
        prepared = subprocess.run(
            [sys.executable, "-m", "site_search.cost", "--prepare", str(tmp), str(count)],
            cwd=ROOT,
            env={**os.environ, "PYTHONPATH": f"{PLUGINS}:{ROOT}"},
            capture_output=True,
            text=True,
            check=True,
        )
        composition = json.loads(prepared.stdout.strip().splitlines()[-1])
        report(f"corpus: {composition['corpus']}")
        output, cache, corpus = tmp / "ours", tmp / "cache" / "site_search", tmp / "corpus"
        client_cpu = composition["client_cpu_s"]
        plain, ours = [], []
        for run in range(runs):
            shutil.rmtree(tmp / "scratch", ignore_errors=True)
            plain.append(_plain_build(corpus, tmp / "scratch"))
            ours.append(index_cost(output, cache, tmp))
            report(
                f"run {run + 1}: plain {plain[-1]['s']:.2f} s / {plain[-1]['cpu_s']:.2f} CPU s / "
                f"{plain[-1]['peak_mib']:.0f} MiB (system {plain[-1]['system_s']:.2f} s); "
                f"index {ours[-1]['index_s']:.2f} s / {ours[-1]['index_cpu_s']:.2f} CPU s "
                f"(process {ours[-1]['index_process_cpu_s']:.2f}, system {ours[-1]['index_process_system_s']:.2f}) / "
                f"{ours[-1]['index_peak_mib']:.0f} MiB"
            )

        def median(rows: list[dict], key: str) -> float:
            return statistics.median(row[key] for row in rows)

        result = {
            "documents": count,
            "pages_indexed": ours[0]["index_pages"],
            "plain_s": median(plain, "s"),
            "plain_cpu_s": median(plain, "cpu_s"),
            "plain_peak_mib": median(plain, "peak_mib"),
            "index_s": median(ours, "index_s"),
            "index_cpu_s": median(ours, "index_cpu_s"),
            "index_process_cpu_s": median(ours, "index_process_cpu_s"),
            "index_peak_mib": median(ours, "index_peak_mib"),
            "plain_process_system_s": median(plain, "system_s"),
            "index_process_system_s": median(ours, "index_process_system_s"),
            "client_extract_cpu_s": client_cpu,
            **{key: ours[0][key] for key in ("bundle_bytes", "fixed_bytes", "index_chunks", "chunk_mean_bytes")},
            "fragment_mean_bytes": ours[0]["fragment_mean_bytes"],
            "runs": {"plain": plain, "index": ours},
        }
        # Best of the runs too: on a shared machine other processes only ever add time.
        for side, rows, keys in (("plain", plain, ("s", "cpu_s")), ("index", ours, ("index_s", "index_cpu_s"))):
            for key in keys:
                result[f"{side}_{key.removeprefix('index_')}_best"] = min(row[key] for row in rows)
        result["ratio_cpu_best"] = result["index_cpu_s_best"] / result["plain_cpu_s_best"]
        result["ratio_wall_best"] = result["index_s_best"] / result["plain_s_best"]
        # User time alone (the work itself): system time here is mostly creating files and taking
        # memory, and on this machine it varies several-fold from run to run for both sides.
        result["plain_user_s"] = statistics.median(row["cpu_s"] - row["system_s"] for row in plain)
        result["index_user_s"] = statistics.median(row["index_cpu_s"] - row["index_process_system_s"] for row in ours)
        result["ratio_user"] = result["index_user_s"] / result["plain_user_s"]
        result["ratio_wall"] = result["index_s"] / result["plain_s"]
        result["ratio_cpu"] = result["index_cpu_s"] / result["plain_cpu_s"]
        result["ratio_process_cpu"] = result["index_process_cpu_s"] / result["plain_cpu_s"]
        return result
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _prepare(tmp: Path, count: int) -> dict:
    """The corpus, our site built from it without an index, and Pagefind's browser files."""
    from tools.bench_corpus import make_corpus
    from tools.site_build import build_into

    corpus = make_corpus(tmp / "corpus", count)
    overrides = {
        "PATH": str(tmp / "corpus" / "ours"),
        "WARD_BUILD_DATE": "2026-11-28",
        "BULLETIN_CACHE_PATH": str(tmp / "cache" / "bulletin_covers"),
        "IMAGE_PRIVACY_CACHE_PATH": str(tmp / "cache" / "image_privacy"),
        "SITE_SEARCH_INDEX": False,
    }
    build_into(str(ROOT / "pelicanconf.py"), tmp / "ours", overrides)
    started = time.process_time() + _children_cpu()
    prepare_client(tmp / "cache" / "site_search")
    return {"corpus": corpus, "client_cpu_s": time.process_time() + _children_cpu() - started}


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    if sys.argv[1] == "--prepare":
        print(json.dumps(_prepare(Path(sys.argv[2]), int(sys.argv[3]))))
    elif sys.argv[1] == "--side-by-side":
        outcome = side_by_side(
            int(sys.argv[2]) if len(sys.argv) > 2 else 2000, report=lambda line: print(line, file=sys.stderr)
        )
        print(json.dumps({k: v for k, v in outcome.items() if k != "runs"}, indent=1))
    else:
        print(json.dumps(measure(Path(sys.argv[1]), Path(sys.argv[2]))))
