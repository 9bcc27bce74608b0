"""One benchmark measurement in a process of its own (so peak memory is this build's alone); prints JSON.

python -m tools.bench_child plain|ours|prime|ours-ci|ours-ci-without-index|rebuild|preview <corpus root> <scratch folder> [<cache folder>]

The scratch folder is new (nothing is deleted before a measurement); the derived-image caches are
in the cache folder (default: the scratch folder, so they start empty).
"""

from __future__ import annotations

import importlib
import json
import resource
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [p for p in (str(ROOT), str(ROOT / "plugins")) if p not in sys.path]

BUILD_DATE = "2026-11-28"


def _peaks() -> dict[str, float]:
    # ru_maxrss is in KiB on Linux; the children are Pagefind (and PDF renderers).
    return {
        "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children_peak_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def _our_overrides(corpus: Path, caches: Path) -> dict:
    caches = caches / "cache"
    return {
        "PATH": str(corpus / "ours"),
        "WARD_BUILD_DATE": BUILD_DATE,
        "BULLETIN_CACHE_PATH": str(caches / "bulletin_covers"),
        "IMAGE_PRIVACY_CACHE_PATH": str(caches / "image_privacy"),
        "RESPONSIVE_IMAGES_CACHE_PATH": str(caches / "responsive_images"),
        "PDF_PRIVACY_CACHE_PATH": str(caches / "pdf_privacy"),
        "WARD_CHECK_CACHE_PATH": str(caches / "content_checks"),
        "CMS_CACHE_PATH": str(caches / "cms_admin"),
    }


def plain(corpus: Path, scratch: Path, caches: Path) -> dict:
    """Plain Pelican 4.12: default theme, no plugins, the same documents."""
    from pelican import Pelican
    from pelican.settings import read_settings

    settings = read_settings(
        None,
        override={
            "PATH": str(corpus / "plain"),
            "OUTPUT_PATH": str(scratch / "out"),
            "PLUGINS": [],
            "STATIC_PATHS": ["images"],
            "TIMEZONE": "Asia/Tokyo",
            "DEFAULT_LANG": "ja",
            "SITEURL": "",
            "CACHE_CONTENT": False,
        },
    )
    started = time.perf_counter()
    Pelican(settings).run()
    return {"seconds": time.perf_counter() - started, **_peaks()}


def ours(corpus: Path, scratch: Path, caches: Path, index: bool = True) -> dict:
    """Our site, every plugin, the search index included (unless `index` is False), into a fresh
    folder with the caches in `caches` (empty unless `prime` filled them)."""
    from tools.site_build import build_into, load_settings

    # Imports outside the timing, as for plain Pelican (whose readers and writers `pelican` imports):
    # the settings file and the plugins' modules (0.13 s on this machine).
    for name in load_settings("pelicanconf.py")["PLUGINS"]:
        importlib.import_module(name)
    started = time.perf_counter()
    overrides = {**_our_overrides(corpus, caches), "SITE_SEARCH_INDEX": index}
    build_into("pelicanconf.py", scratch / "out", overrides)
    return {"seconds": time.perf_counter() - started, **_peaks()}


def prime(corpus: Path, scratch: Path, caches: Path) -> dict:
    """A build that fills the derived-image caches (covers, photo copies, cleaned PDFs) for `ours_ci`."""
    return ours(corpus, scratch, caches)


def ours_ci(corpus: Path, scratch: Path, caches: Path) -> dict:
    """A cold build as CI runs it: a fresh output folder and process, the derived-image cache kept
    (.github/workflows/site.yml restores .cache/ between runs; its entries are keyed by content hash)."""
    return ours(corpus, scratch, caches)


def ours_ci_without_index(corpus: Path, scratch: Path, caches: Path) -> dict:
    """The same without the search index: the difference is what the index costs inside a build."""
    return ours(corpus, scratch, caches, index=False)


def rebuild(corpus: Path, scratch: Path, caches: Path) -> dict:
    """`invoke build` twice: the second finds nothing changed."""
    from tools.site_build import build

    overrides = _our_overrides(corpus, caches)
    build("pelicanconf.py", scratch / "out", overrides)
    started = time.perf_counter()
    written, removed = build("pelicanconf.py", scratch / "out", overrides)
    return {"seconds": time.perf_counter() - started, "written": written, "removed": removed}


def _fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


class Browser:
    """Waits for a change as the preview's page script does: a long poll of the state, then the page.

    (Polling the page itself every few milliseconds from this process would compete with the
    preview for the interpreter and slow down what is measured.)
    """

    def __init__(self, base: str):
        self.base = base
        self.version = json.loads(_fetch(f"{base}/__preview__/state")[1])["version"]

    def until(self, url: str, check, limit: float = 30.0) -> float:
        """Seconds from now until `check(status, body)` holds for the page at `url`."""
        started = time.perf_counter()
        while True:
            status, body = _fetch(f"{self.base}{url}")
            if check(status, body):
                return time.perf_counter() - started
            if time.perf_counter() - started > limit:
                raise TimeoutError("the preview did not show the change")
            state = json.loads(_fetch(f"{self.base}/__preview__/state?after={self.version}")[1])
            self.version = state["version"]


def preview(corpus: Path, scratch: Path, caches: Path) -> dict:
    """Save-to-served latency through the real server and file watcher: edits, then add, rename, delete."""
    from tools.preview import PreviewSite
    from tools.preview_server import make_server, watch

    overrides = _our_overrides(corpus, caches)
    site = PreviewSite(output=scratch / "preview", overrides=overrides)
    assert site.refresh() == (), site.errors
    server = make_server(site, port=0)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stop = threading.Event()
    threading.Thread(target=watch, args=(site, lambda line: None, stop), daemon=True).start()
    time.sleep(1.0)
    browser = Browser(base)
    article = corpus / "ours" / "news" / "bench-00000.md"
    text = article.read_text(encoding="utf-8")
    edits = []
    for number in range(10):
        marker = f"編集{number}回目".encode()
        started = time.perf_counter()
        article.write_text(text.replace("## 内容", f"編集{number}回目\n\n## 内容", 1), encoding="utf-8")
        browser.until("/news/bench-00000/", lambda status, body, marker=marker: marker in body)
        edits.append(time.perf_counter() - started)
    added = corpus / "ours" / "news" / "bench-new.md"
    started = time.perf_counter()
    added.write_text("---\ntitle: 新しいお知らせ\ndate: 2026-11-27\n---\n本文です。\n", encoding="utf-8")
    browser.until("/news/bench-new/", lambda status, body: status == 200)
    add = time.perf_counter() - started
    started = time.perf_counter()
    added.rename(added.with_name("bench-renamed.md"))
    browser.until("/news/bench-renamed/", lambda status, body: status == 200)
    rename = time.perf_counter() - started
    started = time.perf_counter()
    added.with_name("bench-renamed.md").unlink()
    browser.until("/news/bench-renamed/", lambda status, body: status == 404)
    delete = time.perf_counter() - started
    stop.set()
    article.write_text(text, encoding="utf-8")
    return {
        "edit_median_s": statistics.median(edits),
        "edits_s": edits,
        "add_s": add,
        "rename_s": rename,
        "delete_s": delete,
        **_peaks(),
    }


def main() -> None:
    variant, corpus, scratch = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    # `ours-ci` is given the caches that `prime` filled; every other measurement starts from nothing.
    caches = Path(sys.argv[4]) if len(sys.argv) > 4 else scratch
    scratch.mkdir(parents=True, exist_ok=True)
    variants = {
        "plain": plain,
        "ours": ours,
        "prime": prime,
        "ours-ci": ours_ci,
        "ours-ci-without-index": ours_ci_without_index,
        "rebuild": rebuild,
        "preview": preview,
    }
    result = variants[variant](corpus, scratch, caches)
    print("BENCH " + json.dumps(result))


if __name__ == "__main__":
    main()
