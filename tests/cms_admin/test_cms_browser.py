"""Staff edit through /admin/ in Debian chromium, against decap-server on a scratch copy of the site.

The files the CMS writes must pass `invoke check` unchanged and build into pages; editing a
bulletin's 特集 must change only that line. axe results on the CMS's screens are reported, not gated.
"""

from __future__ import annotations

import difflib
import json
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_support import axe_violations, chromium, serve
from conftest import BUILD_DATE, ROOT, soup
from PIL import Image
from playwright.sync_api import expect

from tools.cms_local import SERVER, start_backend
from tools.site_build import build_into, check_content, project_types
from ward_content.document import load_document

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not SERVER.is_file(), reason="decap-server is not installed: run `npm ci`"),
]
CONTENT = ROOT / "content"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def scratch_site(root: Path) -> Path:
    """A copy of the parts of content/ the flows touch: campaigns (for relations), history sites, one bulletin."""
    content = root / "content"
    shutil.copytree(CONTENT / "campaigns", content / "campaigns")
    shutil.copytree(CONTENT / "history" / "sites", content / "history" / "sites")
    (content / "bulletins").mkdir(parents=True)
    for name in ("2026-08.md", "2026-08.pdf"):
        shutil.copy(CONTENT / "bulletins" / name, content / "bulletins" / name)
    (content / "events").mkdir()
    return root


def build(content: Path, output: Path) -> Path:
    build_into(
        "pelicanconf.py", output, {"PATH": str(content), "WARD_BUILD_DATE": BUILD_DATE, "SITE_SEARCH_INDEX": False}
    )
    return output


@pytest.fixture(scope="module")
def cms(tmp_path_factory):
    """The scratch repository, the built site serving /admin/ with the config pointed at its own decap-server."""
    root = scratch_site(tmp_path_factory.mktemp("cms-repo"))
    output = build(root / "content", tmp_path_factory.mktemp("cms-admin") / "output")
    port = free_port()
    config = output / "admin" / "config.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("http://localhost:8081/api/v1", f"http://127.0.0.1:{port}/api/v1"),
        encoding="utf-8",
    )
    backend = start_backend(root, port)
    try:
        with serve(output) as base:
            yield root, output, base
    finally:
        backend.terminate()
        backend.wait(timeout=10)


def new_page(browser, seen: list[str]):
    """A page whose requests are all recorded; any request off this machine is refused."""
    context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})

    def route(route) -> None:
        seen.append(route.request.url)
        if urlsplit(route.request.url).hostname in ("127.0.0.1", None):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", route)
    return context.new_page()


def sign_in(page, base: str) -> None:
    page.goto(f"{base}/admin/")
    page.get_by_role("button", name="ログイン").click()
    page.get_by_role("link", name="イベント・教室").first.wait_for()


def open_screen(page, url: str) -> None:
    """A fresh load of a CMS screen: Decap keeps the last entry's draft across in-app hash changes."""
    page.goto(url)
    page.reload()
    page.locator('[id$="-field-1"]').first.wait_for()


def field(page, name: str, nth: int = 0):
    return page.locator(f'[id^="{name}-field-"]').nth(nth)


def saved(page, path: Path, before: str | None = None) -> None:
    """Wait until decap-server has written the file (or changed it from `before`).

    Waits through the page, not time.sleep: the request recorder is a Python callback that must keep running.
    """
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if path.is_file() and path.read_text(encoding="utf-8") != before:
            return
        page.wait_for_timeout(200)
    found = {p.name: p.read_text(encoding="utf-8")[:300] for p in path.parent.glob("*.md")}
    raise AssertionError(f"the CMS did not save {path.name}: {found}")


def publish_with_mouse(page, path: Path, before: str | None = None) -> None:
    page.get_by_role("button", name="公開", exact=True).click()
    page.get_by_role("menuitem", name="公開する").click()
    saved(page, path, before)


def choose(page, name: str, text: str | re.Pattern, search: str = "") -> None:
    """A react-select (select and relation widgets), with the pointer; `search` narrows a long list."""
    field(page, name).click()
    if search:
        page.keyboard.type(search, delay=30)
    page.locator('[class*="option"]', has_text=text).first.click()


def upload(page, button: str, path: Path) -> None:
    """Decap's media library: open it from the field, upload the file (selected on upload), insert it."""
    page.get_by_role("button", name=button).click()
    with page.expect_file_chooser() as chooser:
        page.get_by_text("アップロードする", exact=True).first.click()
    chooser.value.set_files(str(path))
    page.get_by_text(path.name).first.wait_for()
    page.get_by_role("button", name="選択する").click()


class Keyboard:
    """Moves only with Tab, types, presses keys: no pointer at all."""

    def __init__(self, page):
        self.page = page
        self.keys = page.keyboard

    def tab_to(self, predicate: str, limit: int = 400) -> None:
        for _ in range(limit):
            self.keys.press("Tab")
            if self.page.evaluate(f"(el => {predicate})(document.activeElement)"):
                return
        raise AssertionError(f"Tab never reached {predicate}")

    def field(self, name: str) -> None:
        self.tab_to(f"el.id.startsWith('{name}-field-')")

    def fill(self, name: str, text: str) -> None:
        self.field(name)
        # Typed at full speed on a busy machine, Decap's controlled inputs drop characters (each
        # keystroke re-renders the preview); people type slower than this.
        self.keys.type(text, delay=120)
        expect(self.page.locator(f'[id^="{name}-field-"]').first).to_have_value(text)

    def option(self, name: str, text: str) -> None:
        """Open the list with ArrowDown and move down to the option whose text contains `text`."""
        self.field(name)
        self.keys.press("ArrowDown")
        for _ in range(40):
            active = self.page.evaluate(
                "(() => { const id = document.activeElement.getAttribute('aria-activedescendant');"
                " const el = id && document.getElementById(id); return el ? el.innerText : ''; })()"
            )
            if text in active:
                self.keys.press("Enter")
                return
            self.keys.press("ArrowDown")
        raise AssertionError(f"no option {text} in {name}")

    def date(self, name: str, month: str, day: str, year: str) -> None:
        # Drawn as mm/dd/yyyy by Debian chromium whatever the page's language; saved as YYYY-MM-DD.
        # Decap rewrites a complete date at each keystroke, so a year typed last after month and day
        # becomes 1906 (docs/cms.md); the year goes first, while the date is still incomplete.
        self.field(name)
        self.keys.press("Tab")
        self.keys.press("Tab")
        self.keys.type(year)
        self.keys.press("Shift+Tab")
        self.keys.press("Shift+Tab")
        self.keys.type(month + day)
        expect(self.page.locator(f'[id^="{name}-field-"]').first).to_have_value(f"{year}-{month}-{day}")

    def datetime(self, name: str, month: str, day: str, year: str, hour: str, minute: str) -> None:
        # Debian chromium draws datetime-local as mm/dd/yyyy, hh:mm AM/PM whatever the page's language.
        self.field(name)
        self.keys.type(month + day + year)
        self.keys.press("Tab")
        hour12 = int(hour) % 12 or 12
        self.keys.type(f"{hour12:02d}{minute}")
        self.keys.type("A" if int(hour) < 12 else "P")

    def publish(self, path: Path) -> None:
        self.tab_to("el.textContent.trim() === '公開'")
        self.keys.press("Enter")  # opens the menu with 公開する focused
        self.page.get_by_role("menuitem", name="公開する").wait_for()
        self.page.wait_for_function("document.activeElement.textContent.trim() === '公開する'")
        self.keys.press("Enter")
        saved(self.page, path)


def test_staff_create_and_edit_through_the_cms(cms, tmp_path):
    root, _, base = cms
    content = root / "content"
    bulletin_before = (content / "bulletins" / "2026-08.md").read_text(encoding="utf-8")
    photo = tmp_path / "shiseki-mon.jpg"
    Image.new("RGB", (640, 400), (40, 110, 170)).save(photo, quality=85)
    pdf = tmp_path / "2026-09.pdf"
    # The real September issue: the check compares the PDF's own month and number with the front matter.
    shutil.copy(CONTENT / "bulletins" / "2026-09.pdf", pdf)
    seen: list[str] = []
    with chromium() as browser:
        page = new_page(browser, seen)
        sign_in(page, base)

        # An event, keyboard only.
        open_screen(page, f"{base}/admin/#/collections/event/new")
        keys = Keyboard(page)
        keys.fill("title", "キーボードで作った健康講座")
        keys.fill("slug", "keyboard-kenko-koza")
        keys.date("announced", "11", "20", "2026")
        keys.option("section", "健康")
        keys.datetime("start", "12", "05", "2026", "09", "30")
        keys.fill("name", "金沢地区センター")
        keys.fill("address", "横浜市金沢区寺前1-9-6")
        keys.fill("fee", "無料")
        keys.option("campaign", "healthy-life")
        keys.publish(content / "events" / "keyboard-kenko-koza.md")

        # A history site with a photo, with the pointer.
        open_screen(page, f"{base}/admin/#/collections/history/new")
        field(page, "name").fill("テスト史跡")
        field(page, "reading").fill("てすとしせき")
        field(page, "slug").fill("test-shiseki")
        choose(page, "designation", "未指定")
        choose(page, "category", "史跡")
        choose(page, "era", "鎌倉時代")
        field(page, "address").fill("金沢区金沢町")
        choose(page, "related", re.compile(r" shomyoji$"), search="称名寺")
        page.get_by_role("button", name="Add 写真（images）").click()
        field(page, "alt").fill("テスト史跡の山門")
        upload(page, "画像を選択", photo)
        # The preview draws the entry with the site's own stylesheet.
        preview = page.frame_locator("#preview-pane")
        expect(preview.locator("h1.ward-article__title")).to_have_text("テスト史跡")
        assert preview.locator('link[href$="/theme/css/site.css"]').count() == 1
        # A required list of objects starts with one empty row in Decap.
        if field(page, "kind").count() == 0:
            page.get_by_role("button", name="Add 出典（sources）").click()
        choose(page, "kind", "公式・行政")
        field(page, "title").fill("横浜市金沢区「テスト資料」")
        publish_with_mouse(page, content / "history" / "sites" / "test-shiseki.md")

        # A new bulletin issue with its PDF.
        open_screen(page, f"{base}/admin/#/collections/bulletin/new")
        field(page, "issue_date").fill("2026-09-01")
        field(page, "number").fill("347")
        field(page, "headline").fill("働く世代も歯っぴい事業")
        upload(page, "ファイルを選択", pdf)
        page.get_by_role("button", name="Add 目次（contents）").click()
        field(page, "title").fill("働く世代も歯っぴい事業")
        field(page, "page").fill("2")
        publish_with_mouse(page, content / "bulletins" / "2026-09.md")

        # The 特集 of an existing issue.
        open_screen(page, f"{base}/admin/#/collections/bulletin/entries/2026-08")
        expect(field(page, "headline")).to_have_value("金沢区総合庁舎の再整備事業")
        field(page, "headline").fill("金沢区総合庁舎の再整備事業（更新）")
        publish_with_mouse(page, content / "bulletins" / "2026-08.md", bulletin_before)

    assert sorted({urlsplit(url).hostname for url in seen}) == ["127.0.0.1"]

    types = project_types()
    event = load_document(content, "events/keyboard-kenko-koza.md", types)
    assert (event.meta.title, event.meta.section, event.meta.campaign) == (
        "キーボードで作った健康講座",
        "health",
        "healthy-life",
    )
    assert (event.front.data["announced"], event.front.data["start"]) == ("2026-11-20", "2026-12-05 09:30")
    assert list(event.front.data) == [
        "title",
        "slug",
        "announced",
        "sequence",
        "section",
        "start",
        "venue",
        "event_status",
        "fee",
        "campaign",
        "status",
    ]
    assert list(event.front.data["venue"]) == ["name", "address"]

    site = load_document(content, "history/sites/test-shiseki.md", types)
    assert site.meta.images[0].src == "images/history/shiseki-mon.jpg"
    assert list(site.front.data["images"][0]) == ["src", "alt"]
    assert site.meta.related == ["shomyoji"]
    assert (content / "images" / "history" / "shiseki-mon.jpg").read_bytes() == photo.read_bytes()

    issue = load_document(content, "bulletins/2026-09.md", types)
    assert (issue.meta.pdf, issue.meta.number) == ("2026-09.pdf", 347)
    assert (content / "bulletins" / "2026-09.pdf").read_bytes() == pdf.read_bytes()

    changed = [
        line
        for line in difflib.unified_diff(
            bulletin_before.splitlines(),
            (content / "bulletins" / "2026-08.md").read_text(encoding="utf-8").splitlines(),
            n=0,
        )
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert changed == ["-headline: 金沢区総合庁舎の再整備事業", "+headline: 金沢区総合庁舎の再整備事業（更新）"]

    result = check_content(content)
    assert [error.format() for error in result.errors] == []

    output = build(content, tmp_path / "output")
    assert soup(output, "events/keyboard-kenko-koza/index.html").h1.get_text(strip=True) == "キーボードで作った健康講座"
    assert "テスト史跡" in soup(output, "history/test-shiseki/index.html").h1.get_text()
    assert soup(output, "history/test-shiseki/index.html").select_one('img[alt="テスト史跡の山門"]') is not None
    assert "働く世代も歯っぴい事業" in soup(output, "bulletins/2026-09/index.html").get_text()


def test_admin_loads_nothing_from_another_host_before_sign_in(cms, tmp_path):
    """The production configuration (GitHub backend, no local server): the sign-in screen stays on this site."""
    _, output, _ = cms
    production = tmp_path / "output"
    shutil.copytree(output / "admin", production / "admin")
    shutil.copytree(output / "theme", production / "theme")
    config = (ROOT / "admin" / "config.yml").read_text(encoding="utf-8")
    start = config.index("local_backend:")
    end = config.index("locale:")
    (production / "admin" / "config.yml").write_text(config[:start] + config[end:], encoding="utf-8")
    seen: list[str] = []
    with serve(production) as base, chromium() as browser:
        page = new_page(browser, seen)
        page.goto(f"{base}/admin/")
        page.get_by_role("button", name="GitHub でログインする").wait_for()
        page.wait_for_load_state("networkidle")
    assert seen and sorted({urlsplit(url).hostname for url in seen}) == ["127.0.0.1"]


def test_axe_on_the_cms_screens_is_reported(cms, capsys):
    """Decap is a third-party UI: its axe violations are printed for docs/cms.md, not gated."""
    _, _, base = cms
    report: dict[str, list[str]] = {}
    with chromium() as browser:
        page = new_page(browser, [])
        page.goto(f"{base}/admin/")
        page.get_by_role("button", name="ログイン").wait_for()
        report["ログイン画面"] = axe_violations(page)
        page.get_by_role("button", name="ログイン").click()
        page.get_by_role("link", name="イベント・教室").first.wait_for()
        report["一覧画面"] = axe_violations(page)
        page.goto(f"{base}/admin/#/collections/event/new")
        field(page, "title").wait_for()
        report["編集画面（イベント）"] = axe_violations(page)
    with capsys.disabled():
        print("\naxe (WCAG 2.1 A/AA) on Decap CMS screens:")
        print(json.dumps(report, ensure_ascii=False, indent=1))
    assert set(report) == {"ログイン画面", "一覧画面", "編集画面（イベント）"}


def test_decap_server_is_pinned_in_the_lockfile():
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/decap-server"]["version"] == "3.11.3"
    assert json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"] == {
        "decap-server": "3.11.3"
    }
    assert subprocess.run(["node", "--version"], capture_output=True, check=True).stdout.startswith(b"v")
