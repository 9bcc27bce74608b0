"""The attack corpus: each hostile input has its safe outcome in `invoke check`, the build and `invoke publish`.

`corpus/refused/` (plus the bombs and links of corpus_files.py) must be refused, each with a located
Japanese message and never a traceback; `corpus/survivors/` is valid content full of markup in text
fields, photos and PDFs with metadata and every kind of lock file: it must build, inert and clean.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import BUILD_DATE, check_tree
from corpus_files import CORPUS, IGNORED, refused_content, survivors_content
from PIL import Image
from pypdf import PdfReader

from tools.link_check import check_links
from tools.output_hygiene import check_output, image_metadata, local_paths
from tools.publish import PublishFailed, publish
from tools.site_build import build_into
from ward_content.errors import WardBuildError

# (file, line, field, English code): the one outcome of each refused input.
EXPECTED = [
    ("files/huge-page.pdf", 1, "", "pdf page size"),
    ("files/linked-dir", 1, "", "symlink out of content"),
    ("files/many-pages.pdf", 1, "", "pdf too many pages"),
    ("files/tool.exe", 1, "", "file type not allowed"),
    ("images/bomb.png", 1, "", "image too large"),
    ("images/dangling.png", 1, "", "dangling symlink"),
    ("images/evil.svg", 1, "", "file type not allowed"),
    ("images/page.html", 1, "", "file type not allowed"),
    ("images/passwd.jpg", 1, "", "symlink out of content"),
    ("images/photo.tif", 1, "", "file type not allowed"),
    ("news/attr-list.md", 5, "本文", "inline event handler in content"),
    ("news/billion-laughs.md", 4, "", "YAML alias"),
    ("news/deep-list.md", 25, "本文", "nesting too deep"),
    ("news/deep-quote.md", 25, "本文", "nesting too deep"),
    ("news/deep-emphasis.md", 5, "本文", "too much markup in a paragraph"),
    ("news/deep-html.md", 25, "本文", "nesting too deep"),
    ("news/many-brackets.md", 5, "本文", "too much markup in a paragraph"),
    ("news/entity-scheme.md", 5, "本文", "javascript: URL in content"),
    ("news/long-slug.md", 4, "slug", "slug too long"),
    ("news/nul-title-escaped.md", 2, "title", "control character"),
    ("news/old-page.htm", 1, "", "file type not allowed"),
    ("news/nul-title.md", 2, "title", "control character"),
    ("news/object-embed.md", 5, "本文", "raw <object> in content"),
    ("news/object-embed.md", 7, "本文", "raw <embed> in content"),
    ("news/outside.md", 1, "", "symlink out of content"),
    ("news/reference-link.md", 7, "本文", "javascript: URL in content"),
    ("news/split-tag.md", 8, "本文", "inline event handler in content"),
    ("news/traversal.md", 5, "本文", "link outside content"),
    ("news/vt-body.md", 5, "本文", "control character"),
]
OUTCOMES = sorted((f"content/{rel}", line, field, code) for rel, line, field, code in EXPECTED)


def _build(content, output):
    """A real build of the folder as it is (copying it would follow or drop its links)."""
    build_into(
        "pelicanconf.py", output, {"PATH": str(content), "WARD_BUILD_DATE": BUILD_DATE, "SITE_SEARCH_INDEX": False}
    )
    return output


def _outcomes(errors):
    return sorted((e.path, e.line, e.field, e.code) for e in errors)


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("refused")
    return tmp, refused_content(tmp)


def test_check_refuses_each_input_with_its_located_message(refused):
    _, content = refused
    errors = check_tree(content).errors
    assert _outcomes(errors) == OUTCOMES
    assert all(e.message and not e.message.isascii() for e in errors)  # Japanese, for staff


def test_build_refuses_the_same_inputs_before_writing(refused):
    tmp, content = refused
    with pytest.raises(WardBuildError) as caught:
        _build(content, tmp / "build" / "output")
    assert _outcomes(caught.value.errors) == OUTCOMES
    assert not (tmp / "build" / "output").exists()
    assert "Traceback" not in caught.value.report()


def test_publish_refuses_them_at_its_content_check_and_writes_nothing(refused):
    tmp, content = refused
    output = tmp / "publish-output"
    with pytest.raises(PublishFailed) as caught:
        publish("publishconf.py", output, {"PATH": str(content), "WARD_BUILD_DATE": BUILD_DATE})
    assert caught.value.stage == "content"
    assert sorted({line.split(":", 1)[0] for line in caught.value.lines}) == sorted({o[0] for o in OUTCOMES})
    assert not output.exists()


@pytest.fixture(scope="module")
def survivors(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("survivors")
    content = survivors_content(tmp)
    return content, _build(content, tmp / "output")


def test_survivors_pass_the_check(survivors):
    content, _ = survivors
    assert check_tree(content).errors == ()


def test_survivors_build_inert_and_pass_the_publish_hygiene_and_link_checks(survivors):
    content, output = survivors
    assert check_output(output, local_paths(content, output)) == []
    # The search index is not built here (SITE_SEARCH_INDEX off), so its files are the only missing links.
    broken = [(p.page, p.link) for p in check_links(output, ("http://localhost:8000",)) if "pagefind" not in p.link]
    assert broken == []
    page = BeautifulSoup((output / "news" / "payload" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one("h1").get_text() == "<script>alert('title')</script>"
    body_scripts = [s for s in page.find_all("script") if "alert" in (s.string or "")]
    assert body_scripts == []
    assert not any(name.startswith("on") for tag in page.find_all(True) for name in tag.attrs)


def test_lock_and_backup_files_are_never_published(survivors):
    _, output = survivors
    published = {p.name for p in output.rglob("*")}
    for rel in [*IGNORED, "news/.#kiji.md"]:
        assert rel.rsplit("/", 1)[-1] not in published


@pytest.mark.parametrize("name", ["files/camera.jfif", "files/camera.jpe"])
def test_photos_are_published_without_camera_or_place(survivors, name):
    _, output = survivors
    with Image.open(output / name) as image:
        assert not image.getexif() and "exif" not in image.info


def test_the_photo_a_page_shows_is_published_only_as_clean_copies(survivors):
    _, output = survivors
    copies = [p for p in output.rglob("*") if p.is_file() and p.name.startswith("ok") and p.suffix != ".html"]
    assert copies and not (output / "images" / "ok.png").exists()
    assert all(image_metadata(p) == [] for p in copies)


def test_pdf_is_published_without_author_creator_or_paths(survivors):
    _, output = survivors
    data = (output / "files" / "form.pdf").read_bytes()
    assert b"hanako" not in data and "金沢 花子".encode("utf-16-be") not in data
    info = PdfReader(output / "files" / "form.pdf").metadata or {}
    assert not {"/Author", "/Creator", "/Producer"} & set(info)


def _attack_pages(folder):
    """Each hostile body of the corpus and of test_sanitize, as the build renders it, in a page of its own."""
    from test_sanitize import ATTACKS

    from ward_content.markdown_render import make_converter, render

    bodies = [body for body, _, _ in ATTACKS]
    # Bodies refused before rendering (too deep, too much markup) are never rendered by the build either.
    unrendered = {rel for rel, _, _, code in EXPECTED if code in ("nesting too deep", "too much markup in a paragraph")}
    for path in sorted((CORPUS / "refused" / "news").glob("*.md")):
        if f"news/{path.name}" in unrendered:
            continue
        text = path.read_text(encoding="utf-8")
        if "---\n" in text[4:]:
            bodies.append(text.split("---\n", 2)[2])
    folder.mkdir(parents=True, exist_ok=True)
    converter = make_converter()
    for number, body in enumerate(bodies):
        html = render(converter, body)
        page = f'<!doctype html><html lang="ja"><meta charset="utf-8"><title>{number}</title><body>{html}</body></html>'
        (folder / f"{number:03d}.html").write_text(page, encoding="utf-8")


@pytest.mark.browser
def test_no_dialog_fires_on_any_built_page_or_sanitised_attack(survivors, tmp_path):
    from browser_support import chromium, local_only, serve

    _, output = survivors
    _attack_pages(output.parent / "attacks")
    root = output.parent
    # The control: an unsanitised page, so the test is known to see a dialog when one fires.
    (root / "control.html").write_text("<!doctype html><script>alert('control')</script>", encoding="utf-8")
    pages = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html") if "pagefind" not in p.parts)
    assert len([p for p in pages if p.startswith("attacks/")]) >= len(EXPECTED) // 2
    fired: list[str] = []
    with serve(root) as base, chromium() as browser:
        context = browser.new_context()
        local_only(context)
        page = context.new_page()
        page.on("dialog", lambda dialog: (fired.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        for rel in pages:
            page.goto(f"{base}/{rel}", wait_until="load")
            page.evaluate("() => new Promise(r => setTimeout(r, 20))")  # let onerror/onload handlers run
        context.close()
    assert fired == [f"{base}/control.html: control"]
