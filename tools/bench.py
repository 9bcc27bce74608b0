"""`invoke bench`: our build side by side with plain Pelican 4.12 on the same corpus, in one run.

For each size, the corpus (tools/bench_corpus.py: the sample site plus synthetic articles, events
with recurrences, history sites, bulletins with PDFs and photos) is built `runs` times by plain
Pelican (default theme, no plugins) and by our site (every plugin and the search index, empty
caches; then with CI's derived-image cache, with and without the search index), each build in a
fresh process so its peak memory is its own. Then a no-change rebuild and the preview's
save-to-served latency. Medians and ratios are printed; method in docs/performance.md.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from tools.bench_corpus import make_corpus
from tools.site_build import ROOT


def measure(variant: str, corpus: Path, scratch: Path, caches: Path | None = None) -> dict:
    """One measurement in a child process (tools/bench_child.py), into `scratch`, a folder never used
    before; `caches`: the derived-image caches to keep (default: empty ones in `scratch`)."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    # The previous build's files go to disk first: otherwise the next build, whichever it is, pays for
    # their write-back (thousands of files; seconds on this machine's disk).
    os.sync()
    done = subprocess.run(
        [sys.executable, "-m", "tools.bench_child", variant, str(corpus), str(scratch), str(caches or scratch)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("BENCH ")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"bench {variant} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    return json.loads(lines[-1].removeprefix("BENCH "))


def run_size(count: int, runs: int, report, tmp: Path | None = None) -> dict:
    """Every measurement at one corpus size, in `tmp` (removed afterwards unless given)."""
    own = tmp is None
    tmp = Path(tempfile.mkdtemp(prefix=f"ward-bench-{count}-")) if own else tmp
    try:
        corpus = tmp / "corpus"
        composition = make_corpus(corpus, count)
        report(f"{count}: {composition}")
        plain, ours, ours_ci, unindexed = [], [], [], []
        warm = tmp / "warm"
        measure("prime", corpus, warm)  # fills the derived-image cache that `ours-ci` keeps
        for run in range(runs):
            # Alternated, so load on the machine affects all alike. Every build writes into a folder
            # of its own and nothing is deleted until the end: on this machine's ext4 (no journal) a
            # file created within a minute of thousands of deletions costs many times more
            # (docs/performance.md), which would charge one build for the previous one's removal.
            plain.append(measure("plain", corpus, tmp / f"plain-{run}"))
            ours_ci.append(measure("ours-ci", corpus, tmp / f"ours-ci-{run}", caches=warm))
            unindexed.append(measure("ours-ci-without-index", corpus, tmp / f"unindexed-{run}", caches=warm))
            report(
                f"  run {run + 1}: plain {plain[-1]['seconds']:.2f} s, "
                f"ours with CI's image cache {ours_ci[-1]['seconds']:.2f} s, "
                f"the same without the search index {unindexed[-1]['seconds']:.2f} s"
            )
        # The builds with empty caches after the builds compared above, not between them: each encodes
        # every photo for seconds and writes ten times the files, and the disk's work after it (write-back,
        # extent conversion) went on into the next build, whichever it was.
        for run in range(runs):
            ours.append(measure("ours", corpus, tmp / f"ours-{run}"))
            report(f"  run {run + 1}: ours with empty caches {ours[-1]['seconds']:.2f} s")
        rebuild = measure("rebuild", corpus, tmp / "rebuild")
        preview = measure("preview", corpus, tmp / "preview")
        plain_s = statistics.median(r["seconds"] for r in plain)
        ours_s = statistics.median(r["seconds"] for r in ours)
        ours_ci_s = statistics.median(r["seconds"] for r in ours_ci)
        unindexed_s = statistics.median(r["seconds"] for r in unindexed)
        return {
            "documents": composition["documents"],
            "composition": composition,
            "plain_s": plain_s,
            "ours_s": ours_s,
            "ratio": ours_s / plain_s,
            "ours_ci_s": ours_ci_s,
            "ci_ratio": ours_ci_s / plain_s,
            "unindexed_s": unindexed_s,
            # What the search index adds to a build (issue 16 wants at most 0.3 × plain Pelican).
            "index_s": ours_ci_s - unindexed_s,
            "index_ratio": (ours_ci_s - unindexed_s) / plain_s,
            "ours_ci_peak_mib": statistics.median(r["peak_mib"] for r in ours_ci),
            "plain_peak_mib": statistics.median(r["peak_mib"] for r in plain),
            "ours_peak_mib": statistics.median(r["peak_mib"] for r in ours),
            # The largest child: a forked copy that loads or renders (Pagefind no longer runs in a build).
            "children_peak_mib": statistics.median(r["children_peak_mib"] for r in ours),
            "rebuild_s": rebuild["seconds"],
            "rebuild_ratio": rebuild["seconds"] / ours_s,
            "rebuild_written": rebuild["written"],
            "preview_edit_median_s": preview["edit_median_s"],
            "preview_add_s": preview["add_s"],
            "preview_rename_s": preview["rename_s"],
            "preview_delete_s": preview["delete_s"],
            "preview_peak_mib": preview["peak_mib"],
            "runs": {
                "plain": plain,
                "ours": ours,
                "ours_ci": ours_ci,
                "ours_ci_without_index": unindexed,
                "rebuild": rebuild,
                "preview": preview,
            },
        }
    finally:
        if own:
            shutil.rmtree(tmp, ignore_errors=True)


def table(results: list[dict]) -> str:
    """The results as a Markdown table (pasted into docs/performance.md)."""
    head = (
        "| documents | plain Pelican | ours, empty caches | ratio | ours, CI's image cache | ratio | "
        "search index in it | peak ours / largest forked copy / plain | no-change rebuild | "
        "preview edit (median of 10) | add / rename / delete |\n|---|---|---|---|---|---|---|---|---|---|---|"
    )
    rows = [
        f"| {r['documents']} | {r['plain_s']:.2f} s | {r['ours_s']:.2f} s | {r['ratio']:.2f}× | "
        f"{r['ours_ci_s']:.2f} s | {r['ci_ratio']:.2f}× | {r['index_s']:.2f} s ({r['index_ratio']:.2f}×) | "
        f"{r['ours_peak_mib']:.0f} / {r['children_peak_mib']:.0f} / {r['plain_peak_mib']:.0f} MiB | "
        f"{r['rebuild_s']:.3f} s ({r['rebuild_ratio']:.3f}×, {r['rebuild_written']} written) | "
        f"{r['preview_edit_median_s'] * 1000:.0f} ms | "
        f"{r['preview_add_s'] * 1000:.0f} / {r['preview_rename_s'] * 1000:.0f} / {r['preview_delete_s'] * 1000:.0f} ms |"
        for r in results
    ]
    return "\n".join([head, *rows])


def run(sizes: tuple[int, ...] = (500, 2000, 8000), runs: int = 3, report=print) -> list[dict]:
    """Every size; the raw figures also go to tmp/bench.json. The sizes' folders are removed only at
    the end, for the reason given in run_size."""
    with tempfile.TemporaryDirectory(prefix="ward-bench-") as tmp:
        results = [run_size(count, runs, report, Path(tmp) / str(count)) for count in sizes]
    (ROOT / "tmp").mkdir(exist_ok=True)
    (ROOT / "tmp" / "bench.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return results
