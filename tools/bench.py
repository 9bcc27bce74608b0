"""`invoke bench`: build time and memory on a synthetic ward site of many Japanese articles."""

from __future__ import annotations

import resource
import shutil
import tempfile
import time
from pathlib import Path

from tools.site_build import build, load_settings

SECTIONS = ("news", "reading", "kosodate", "health", "bousai", "office", "history")
PARAGRAPH = (
    "金沢区では、地域の皆さまと共に考え、挑戦し、つくることを目標に、歴史資産や自然を生かしたまちづくりを進めています。"
    "8月22日には海の公園で金沢まつり花火大会を開きます。称名寺や金沢文庫をめぐる歴史散策もおすすめです。"
)


def make_content(root: Path, count: int) -> None:
    """`count` valid articles spread over the sections, with a heading, a list and a link each."""
    for number in range(count):
        section = SECTIONS[number % len(SECTIONS)]
        folder = root / section
        folder.mkdir(parents=True, exist_ok=True)
        month, day = number % 12 + 1, number % 28 + 1
        body = f"{PARAGRAPH}\n\n## 内容\n\n- 日時: 2026年{month}月{day}日\n- 会場: 金沢区役所\n\n{PARAGRAPH * 3}\n"
        text = f"---\ntitle: 金沢区のお知らせ 第{number}号\ndate: 2026-{month:02d}-{day:02d}\n---\n{body}"
        (folder / f"item-{number:05d}.md").write_text(text, encoding="utf-8")


def run(count: int = 2000) -> dict[str, float]:
    """Cold build, warm rebuild (nothing changed) and `check`, on a fresh temporary site."""
    from tools.site_build import check_content

    tmp = Path(tempfile.mkdtemp(prefix="ward-bench-"))
    try:
        content = tmp / "content"
        make_content(content, count)
        overrides = {"PATH": str(content), "WARD_BUILD_DATE": "2026-11-28", "PLUGINS": ["ward_content"]}
        load_settings("pelicanconf.py")  # import cost outside the timings
        results = {"documents": float(count)}
        start = time.perf_counter()
        check_content(content, overrides=overrides)
        results["check_s"] = time.perf_counter() - start
        start = time.perf_counter()
        build("pelicanconf.py", tmp / "output", overrides)
        results["cold_build_s"] = time.perf_counter() - start
        start = time.perf_counter()
        written, _ = build("pelicanconf.py", tmp / "output", overrides)
        results["rebuild_s"] = time.perf_counter() - start
        results["rebuild_files_written"] = float(written)
        results["ms_per_document"] = results["cold_build_s"] * 1000 / count
        results["peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return results
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
