"""One content set per build: every file read once, refused files never reach a generator, no state between builds."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from conftest import ROOT, article, build_site, check_tree, write_files

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "events"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "history_catalog"))

from event_fixtures import event_text
from history_fixtures import site_text

from ward_content import frontmatter
from ward_content.errors import WardBuildError

ALL_PLUGINS = [
    "ward_content",
    "bulletin_archive",
    "image_privacy",
    "events",
    "history_catalog",
    "site_search",
    "responsive_images",
]


def written(output: Path) -> set[str]:
    return {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()}


def test_every_file_is_decoded_once_per_build(tmp_path, monkeypatch):
    files = {
        "news/a.md": article("一つ目"),
        "news/b.md": article("二つ目"),
        "events/e.md": event_text(),
        "history/sites/s.md": site_text(),
    }
    decoded = []
    original = frontmatter.split

    def counting_split(text, shown):
        decoded.append(shown)
        return original(text, shown)

    monkeypatch.setattr(frontmatter, "split", counting_split)
    monkeypatch.setattr("ward_content.document.split", counting_split)
    build_site(tmp_path, files)
    assert sorted(decoded) == sorted(f"content/{rel}" for rel in files)


def test_every_body_is_rendered_once_per_build_checked_and_published_alike(tmp_path, monkeypatch):
    """The allow-list check and the page share one rendering (it was rendered twice: once to check)."""
    import markdown

    body = "[区のサイト](https://www.city.yokohama.lg.jp/kanazawa/) と <b>太字</b>・{ 記号 } & 句読点。"
    files = {f"news/{name}.md": article(f"記事{name}", body=body) for name in ("a", "b", "c")}
    files["news/plain.md"] = article("記号のない記事", body="ただの本文です。")
    rendered = []
    original = markdown.Markdown.convert

    def counting_convert(self, source):
        rendered.append(source)
        return original(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", counting_convert)
    output = build_site(tmp_path, files)
    bodies = [text for text in rendered if "区のサイト" in text]
    assert len(bodies) == 3
    page = (output / "news" / "a" / "index.html").read_text(encoding="utf-8")
    assert 'class="ward-external"' in page and "<b>太字</b>" in page


def test_a_refused_event_is_a_located_error_not_a_traceback(tmp_path):
    bad = event_text(recurrence={"frequency": "weekly", "until": "2026-11-01"}, start="2026-12-05 10:00")
    files = {"events/e.md": bad}
    expected = "content/events/e.md:"
    messages = [e.format() for e in check_tree(write_files(tmp_path / "check" / "content", files)).errors]
    assert any(m.startswith(expected) and "(recurrence ends before start)" in m for m in messages)
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path, files)
    assert [e.format() for e in caught.value.errors] == messages


def test_removing_a_plugin_removes_exactly_its_pages(tmp_path):
    common = {"news/a.md": article("お知らせ")}
    full = build_site(tmp_path / "full", {**common, "history/sites/s.md": site_text()}, PLUGINS=ALL_PLUGINS)
    without = build_site(tmp_path / "without", common, PLUGINS=[p for p in ALL_PLUGINS if p != "history_catalog"])
    removed = written(full) - written(without)
    assert written(without) <= written(full)
    assert removed and all(p.startswith(("history/", "opendata/141003_cultural_property")) for p in removed), removed


def test_a_second_build_in_the_same_process_runs_only_its_own_plugins(tmp_path):
    files = {"news/a.md": article("お知らせ"), "history/sites/s.md": site_text()}
    full = build_site(tmp_path / "full", files, PLUGINS=ALL_PLUGINS)
    assert (full / "history" / "index.html").is_file() and (full / "search" / "index.html").is_file()
    path_before = list(sys.path)
    alone = build_site(tmp_path / "alone", {"news/a.md": article("お知らせ")}, PLUGINS=["ward_content"])
    assert not (alone / "history").exists(), sorted(p.as_posix() for p in (alone / "history").rglob("*"))
    assert not (alone / "search").exists()
    assert not (alone / "events").exists()
    assert sys.path == path_before


def test_files_of_a_type_no_plugin_registered_are_errors(tmp_path):
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path, {"news/a.md": article(), "events/e.md": event_text()}, PLUGINS=["ward_content"])
    (error,) = caught.value.errors
    assert (error.path, error.code) == ("content/events/e.md", "file outside the content folders")


def test_a_changed_file_replaces_its_entry_and_rechecks_references(tmp_path):
    from tools.site_build import project_types
    from ward_content.content_set import load_content_set

    root = write_files(tmp_path / "content", {"events/e.md": event_text(campaign="happy"), "news/a.md": article()})
    content = load_content_set(root, project_types())
    assert [e.code for e in content.errors] == ["unknown campaign"]
    write_files(
        root,
        {
            "campaigns/happy.md": "---\ntitle: 歯っぴい\nsection: health\nstart: 2026-04-01\nend: 2027-03-31\n---\n本文\n"
        },
    )
    updated = content.with_file("campaigns/happy.md")
    assert updated.errors == ()
    assert updated.by_path["news/a.md"] is content.by_path["news/a.md"]  # not read again
    (root / "campaigns/happy.md").unlink()
    assert [e.code for e in updated.with_file("campaigns/happy.md").errors] == ["unknown campaign"]


def test_check_uses_the_configured_plugins_only(tmp_path):
    from tools.site_build import check_content

    root = write_files(tmp_path / "content", {"news/a.md": article(), "events/e.md": event_text()})
    assert check_content(root).errors == ()
    alone = check_content(root, overrides={"PLUGINS": ["ward_content"]})
    assert [e.code for e in alone.errors] == ["file outside the content folders"]
    assert ROOT.is_dir()


def test_a_changed_file_is_scanned_again_alone_and_the_result_equals_a_full_scan(tmp_path):
    """The preview scans only the saved file; after adds, fixes, links out and deleted folders, what it
    knows of content/ equals a scan of every file."""
    from tools.site_build import project_types
    from ward_content.content_set import load_content_set

    types = project_types()
    root = write_files(tmp_path / "content", {"news/a.md": article()})
    outside = tmp_path / "secret.txt"
    outside.write_text("秘密", encoding="utf-8")
    content = load_content_set(root, types)

    def changed(rel: str):
        nonlocal content
        content = content.with_file(rel)
        assert content.source_errors == load_content_set(root, types).source_errors, rel

    (root / "news" / "tool.exe").write_bytes(b"MZ")
    changed("news/tool.exe")
    assert [e.code for e in content.errors] == ["file type not allowed"]
    (root / "news" / "leak.md").symlink_to(outside)
    changed("news/leak.md")
    (root / "news" / "tool.exe").unlink()
    changed("news/tool.exe")
    (root / "files").mkdir()
    (root / "files" / "a.bat").write_bytes(b"echo")
    changed("files/a.bat")
    shutil.rmtree(root / "files")  # the watcher reports the folder
    changed("files")
    (root / "linked").symlink_to(tmp_path, target_is_directory=True)
    changed("linked")
    (root / "news" / "leak.md").unlink()
    changed("news/leak.md")
    (root / "linked").unlink()
    changed("linked")
    assert content.errors == ()


def test_a_photo_shown_by_many_articles_is_decoded_once_and_again_when_it_changes(tmp_path, monkeypatch):
    import io

    from PIL import Image

    from tools.site_build import project_types
    from ward_content import images
    from ward_content.content_set import load_content_set

    def jpeg(colour: str) -> bytes:
        buffer = io.BytesIO()
        Image.new("RGB", (64, 48), colour).save(buffer, "JPEG")
        return buffer.getvalue()

    files = {f"news/a{n}.md": article(f"記事{n}", body="![海の公園の写真](../images/umi.jpg)") for n in range(5)}
    root = write_files(tmp_path / "content", {**files, "images/umi.jpg": jpeg("blue")})
    decoded = []
    original = images._judge  # what decodes a photo

    def counting(path):
        decoded.append(path.name)
        return original(path)

    monkeypatch.setattr(images, "_judge", counting)
    content = load_content_set(root, project_types())
    assert content.errors == () and decoded == ["umi.jpg"]
    # The photo is replaced by a damaged file (the preview hears of the photo only): every article
    # showing it is read again and sees the new verdict, the photo decoded once more.
    (root / "images" / "umi.jpg").write_bytes(jpeg("red")[:200])
    content = content.with_file("images/umi.jpg")
    assert decoded == ["umi.jpg", "umi.jpg"]
    assert [(e.path, e.code) for e in content.errors] == [
        ("content/images/umi.jpg", "unreadable image"),  # the scan of the photo itself
        *((f"content/news/a{n}.md", "damaged image") for n in range(5)),
    ]
    # A good photo again: the articles that were refused come back without being saved.
    (root / "images" / "umi.jpg").write_bytes(jpeg("green"))
    content = content.with_file("images/umi.jpg")
    assert content.errors == () and len(content.documents) == 5
    # A folder of articles moved (the watcher names the folders only): its documents move with it.
    (root / "news").rename(root / "reading")
    moved = content.with_file("news").with_file("reading")
    assert moved.errors == ()
    assert [d.url for d in moved.documents] == [f"reading/a{n}/" for n in range(5)]


def test_a_folder_read_by_three_processes_gives_the_same_set_as_one(tmp_path):
    from tools.site_build import project_types
    from ward_content.content_set import load_content_set
    from ward_content.rendering import document_html

    files = {
        f"news/a{n}.md": article(f"記事{n}", body=f"[区役所](https://example.jp/{n}) の案内 {n}") for n in range(7)
    }
    files["news/bad.md"] = "---\ntitle: 日付なし\n---\n本文\n"
    files["events/e.md"] = event_text()
    files["history/sites/s.md"] = site_text()
    root = write_files(tmp_path / "content", files)
    types = project_types()
    one = load_content_set(root, types, processes=1)
    three = load_content_set(root, types, processes=3)
    assert [d.rel_path for d in three.documents] == [d.rel_path for d in one.documents]
    assert [d.meta for d in three.documents] == [d.meta for d in one.documents]
    assert three.errors == one.errors and [e.code for e in three.errors] == ["missing required field"]
    # Documents that came back from another process belong to this build's kinds, rendered once.
    assert all(doc.kind is types.by_name(doc.kind.name) for doc in three.documents)
    own = frozenset()
    assert [document_html(d, own) for d in three.documents] == [document_html(d, own) for d in one.documents]
