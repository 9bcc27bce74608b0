"""§7 of the guide: `invoke livereload` updates the page on save and shows a content error over it, in Japanese.

The browser test drives the preview as a staff member does (save, look, fix); the others pin the two faults
the walk found: a browser showing problems asked again at once, in a loop, and a closed tab printed a
traceback into the terminal where the preview's messages are read.
"""

from __future__ import annotations

import json
import threading
import urllib.request
from pathlib import Path

import pytest
from conftest import BUILD_DATE, article, write_files

from tools.preview import PreviewSite
from tools.preview_server import make_server, problems_token, should_answer

BAD_DATE = (
    "content/news/a.md:3: date: 「2026/13/01」は日付として読めません。2026-08-29 のように書いてください (invalid date)"
)


@pytest.fixture
def preview(tmp_path):
    """A preview of a one-article site, served on a free port: (site, content folder, base URL)."""
    content = write_files(
        tmp_path / "content", {"news/a.md": article("お知らせ", "2026-11-01", body="最初の本文です。")}
    )
    overrides = {"PATH": str(content), "WARD_BUILD_DATE": BUILD_DATE}
    site = PreviewSite(output=tmp_path / "preview", overrides=overrides)
    assert site.refresh() == ()
    server = make_server(site, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site, content, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def save(site: PreviewSite, content: Path, text: str) -> tuple[str, ...]:
    """What the watcher does after a save: the file is read again."""
    path = content / "news" / "a.md"
    path.write_text(text, encoding="utf-8")
    return site.refresh({path})


def state(base: str, query: str = "") -> dict:
    with urllib.request.urlopen(f"{base}/__preview__/state{query}", timeout=60) as response:
        return json.loads(response.read())


@pytest.mark.parametrize(
    ("version", "errors", "after", "shown", "answers"),
    [
        (3, (), 3, "", False),  # nothing changed: wait
        (4, (), 3, "", True),  # saved and rebuilt: reload
        (3, ("x",), 3, None, True),  # the first poll: show the problems
        (3, ("x",), 3, problems_token(("x",)), False),  # already on screen: wait (it once answered at once)
        (3, ("y",), 3, problems_token(("x",)), True),  # other problems: show them
    ],
)
def test_the_long_poll_answers_only_for_something_new(version, errors, after, shown, answers):
    assert should_answer(version, errors, after, shown) is answers


def test_a_browser_showing_the_problems_waits_until_they_change(preview):
    site, content, base = preview
    assert save(site, content, article("お知らせ", "2026/13/01")) == (BAD_DATE,)
    shown = state(base, f"?after={site.version}")
    assert shown["errors"] == [BAD_DATE]
    answer = {}
    waiting = threading.Thread(
        target=lambda: answer.update(state(base, f"?after={shown['version']}&problems={shown['problems']}"))
    )
    waiting.start()
    waiting.join(0.5)
    assert waiting.is_alive() and not answer  # the same problems: no answer, no loop
    assert save(site, content, article("お知らせ", "2026-11-02")) == ()
    waiting.join(60)
    assert answer == {"version": shown["version"] + 1, "errors": [], "problems": ""}


def test_a_closed_tab_prints_nothing_in_the_terminal(preview, capsys):
    site, _, _ = preview
    server = make_server(site, port=0)
    try:
        try:
            raise BrokenPipeError(32, "Broken pipe")
        except BrokenPipeError:
            server.handle_error(None, ("127.0.0.1", 50000))
        try:
            raise ValueError("a fault of the preview")
        except ValueError:
            server.handle_error(None, ("127.0.0.1", 50000))
    finally:
        server.server_close()
    err = capsys.readouterr().err
    assert "BrokenPipeError" not in err
    assert "ValueError: a fault of the preview" in err  # real faults are still shown


@pytest.mark.browser
def test_a_save_updates_the_page_and_a_mistake_shows_over_it(preview, chromium_browser):
    site, content, base = preview
    context = chromium_browser.new_context()
    page = context.new_page()
    try:
        page.goto(f"{base}/news/a/")
        assert "最初の本文です。" in page.inner_text("main")
        with page.expect_navigation():
            save(site, content, article("お知らせ", "2026-11-01", body="書き換えた本文です。"))
        assert "書き換えた本文です。" in page.inner_text("main")

        token = problems_token((BAD_DATE,))
        # Once the problems are on screen, the browser waits with them instead of asking again at once.
        with page.expect_request(lambda request: f"problems={token}" in request.url):
            save(site, content, article("お知らせ", "2026/13/01", body="書き換えた本文です。"))
        alert = page.locator("[role=alert]")
        alert.wait_for()
        assert alert.get_attribute("lang") == "ja"
        assert "内容に問題があります" in alert.inner_text()
        assert BAD_DATE in alert.inner_text()
        assert "書き換えた本文です。" in page.inner_text("main")  # the last good page stays under it

        with page.expect_navigation():
            save(site, content, article("お知らせ", "2026-11-01", body="直した本文です。"))
        assert "直した本文です。" in page.inner_text("main")
        assert page.locator("[role=alert]").count() == 0
    finally:
        context.close()


def test_a_port_in_use_is_said_in_japanese(preview):
    """`invoke livereload` started twice (or beside `make cms`) printed an OSError traceback."""
    from tools.preview_server import PortInUse

    site, _, base = preview
    taken = int(base.rsplit(":", 1)[1])
    with pytest.raises(PortInUse) as caught:
        make_server(site, port=taken)
    assert str(caught.value) == (
        f"ポート {taken} はほかのプログラム（別のターミナルで動いているプレビューなど）が使っています。"
        f"そのターミナルで Ctrl と C を押して止めるか、--port {taken + 1} のように別の番号を指定してください"
        " (port in use)"
    )
