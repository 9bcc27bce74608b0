"""The preview serves what a full build writes, byte for byte, after edits, adds, renames and deletes."""

from __future__ import annotations

import json
import threading
import urllib.request
from pathlib import Path

import pytest
from conftest import BUILD_DATE, ROOT, article, write_files
from event_fixtures import campaign_text, event_text
from history_fixtures import site_text

from tools.preview import PreviewSite
from tools.preview_server import CLIENT_TAG, make_server
from tools.site_build import build_into

PAGE = "---\ntitle: このサイトについて\n---\n区の広報サイトです。[お知らせ]({filename}/news/a.md)\n"


def start(tmp_path: Path, files: dict) -> tuple[PreviewSite, Path]:
    content = write_files(tmp_path / "content", files)
    overrides = {"PATH": str(content), "WARD_BUILD_DATE": BUILD_DATE, "BULLETIN_CACHE_PATH": str(tmp_path / "covers")}
    site = PreviewSite(output=tmp_path / "preview", overrides=overrides)
    assert site.refresh() == ()
    return site, content


def save(content: Path, rel: str, text: str | None) -> set[Path]:
    path = content / rel
    if text is None:
        path.unlink()
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return {path}


def fetch(base: str, rel: str) -> bytes:
    with urllib.request.urlopen(f"{base}/{rel}?raw") as response:
        return response.read()


@pytest.fixture
def served():
    servers = []

    def serve(site: PreviewSite) -> str:
        server = make_server(site, port=0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield serve
    for server in servers:
        server.shutdown()
        server.server_close()


def theme_files() -> dict[str, bytes]:
    """Every file of theme/ with its bytes (the preview links them into its states)."""
    return {p.relative_to(ROOT).as_posix(): p.read_bytes() for p in sorted((ROOT / "theme").rglob("*")) if p.is_file()}


def test_every_served_file_equals_a_full_build_after_a_series_of_changes(tmp_path, served):
    site, content = start(
        tmp_path,
        {
            "news/a.md": article("最初のお知らせ", "2026-11-01"),
            "news/b.md": article("二つ目のお知らせ", "2026-11-02", "本文です。[最初]({filename}/news/a.md)"),
            "health/walk.md": article("ウォーキング", "2026-10-01"),
            "pages/about.md": PAGE,
            "events/hanabi.md": event_text(campaign="happy"),
            "campaigns/happy.md": campaign_text(),
            "history/sites/tera.md": site_text(),
        },
    )
    theme_before = theme_files()
    base = served(site)
    fetch(base, "index.html")  # render a few pages of the first state, as a browser would
    fetch(base, "news/a/index.html")
    steps = [
        ("news/a.md", article("最初のお知らせ（更新）", "2026-11-01", "本文を直しました。")),
        ("news/c.md", article("三つ目のお知らせ", "2026-11-03")),
        ("events/hanabi.md", event_text(start="2026-12-06 19:00", campaign="happy")),
        ("news/b.md", None),  # renamed: deleted here, added below under a new name
        ("news/b2.md", article("二つ目のお知らせ", "2026-11-02", "本文です。[最初]({filename}/news/a.md)")),
        ("history/sites/jinja.md", site_text("テスト神社", "てすとじんじゃ")),
        ("health/walk.md", None),
        ("news/a.md", article("最初のお知らせ（再更新）", "2026-11-05", "もう一度直しました。")),
    ]
    for rel, text in steps:
        assert site.refresh(save(content, rel, text)) == (), rel
        fetch(base, "index.html")
    full = tmp_path / "full"
    build_into("pelicanconf.py", full, {**site.overrides, "OUTPUT_PATH": str(full)})
    built = sorted(p.relative_to(full).as_posix() for p in full.rglob("*") if p.is_file())
    assert site.all_paths() == built
    different = [rel for rel in built if fetch(base, rel) != (full / rel).read_bytes()]
    assert different == []
    # Serving everything (the CMS bundle under theme/vendor/ included) wrote nothing into the theme.
    assert theme_files() == theme_before


def test_a_content_error_keeps_the_last_good_page_and_is_reported(tmp_path, served):
    site, content = start(tmp_path, {"news/a.md": article("お知らせ", "2026-11-01")})
    base = served(site)
    good = fetch(base, "news/a/index.html")
    problems = site.refresh(save(content, "news/a.md", article("お知らせ", "2026/13/01")))
    assert problems == (
        "content/news/a.md:3: date: 「2026/13/01」は日付として読めません。2026-08-29 のように書いてください (invalid date)",
    )
    assert fetch(base, "news/a/index.html") == good
    with urllib.request.urlopen(f"{base}/__preview__/state") as response:
        state = json.loads(response.read())
    assert state["errors"] == list(problems)
    assert site.refresh(save(content, "news/a.md", article("お知らせ", "2026-11-02"))) == ()
    assert fetch(base, "news/a/index.html") != good


def test_pages_carry_the_reload_script_unless_raw(tmp_path, served):
    site, _ = start(tmp_path, {"news/a.md": article()})
    base = served(site)
    with urllib.request.urlopen(f"{base}/news/a/") as response:
        page = response.read()
    assert page.count(CLIENT_TAG) == 1
    assert CLIENT_TAG not in fetch(base, "news/a/index.html")
    with urllib.request.urlopen(f"{base}/__preview__/client.js") as response:
        assert b"location.reload" in response.read()


def test_the_watcher_applies_a_saved_file(tmp_path):
    import time

    from tools.preview_server import watch

    site, content = start(tmp_path, {"news/a.md": article("保存前")})
    reports: list[str] = []
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(site, reports.append, stop), daemon=True)
    watcher.start()
    try:
        time.sleep(0.5)  # the watcher is listening
        save(content, "news/a.md", article("保存後"))
        deadline = time.monotonic() + 20
        while site.version < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "保存後".encode() in site.read("news/a/index.html")
        assert reports and reports[-1].startswith("更新しました（a.md")
    finally:
        stop.set()


def test_the_search_page_says_the_preview_has_no_index(tmp_path, served):
    from bs4 import BeautifulSoup

    site, _ = start(tmp_path, {"news/a.md": article()})
    page = BeautifulSoup(fetch(served(site), "search/index.html"), "html.parser")
    assert "検索の索引を作り直していない" in page.select_one("[data-no-index]").get_text()
