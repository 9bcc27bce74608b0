"""Output hygiene: the published site holds no local paths, sources, drafts, private files or photo metadata."""

from __future__ import annotations

import tempfile

import pytest
from conftest import BUILD_DATE, ROOT, write_files
from PIL import Image
from publishing_site import DRAFT_TITLE, fast_settings, photo, write_tiny_content

from tools.output_hygiene import check_output, image_metadata, local_paths
from tools.publish import publish


@pytest.mark.parametrize(
    ("files", "line"),
    [
        ({"news/a.md": "x"}, "output/news/a.md: 原稿やプログラムのファイルは公開できません (source file published)"),
        ({"files/.env": "X=1"}, "output/files/.env: 「.」で始まる隠しファイルは公開できません (hidden file published)"),
        ({".git/config": "x"}, "output/.git/config: 「.」で始まる隠しファイルは公開できません (hidden file published)"),
        (
            {"files/key.pem": "x"},
            "output/files/key.pem: 非公開のファイルが公開されるところでした (private file published)",
        ),
        (
            {"files/list.csv~": "x"},
            "output/files/list.csv~: 非公開のファイルが公開されるところでした (private file published)",
        ),
        ({"drafts/a/index.html": "x"}, "output/drafts: 下書きのフォルダが公開されるところでした (draft published)"),
        (
            {"images/p.jpg": photo("JPEG")},
            "output/images/p.jpg: 画像に撮影情報（exif、GPS）が残っています (image metadata published)",
        ),
        (
            {"images/p.webp": photo("WEBP")},
            "output/images/p.webp: 画像に撮影情報（exif、GPS）が残っています (image metadata published)",
        ),
        (
            {"news/a/index.html": "<p>/work/secret/content/news/a.md</p>"},
            "output/news/a/index.html: このパソコンの場所「/work/secret」が書かれています (local path published)",
        ),
    ],
)
def test_each_problem_is_named(tmp_path, files, line):
    write_files(tmp_path, files)
    assert line in [p.format() for p in check_output(tmp_path, ("/work/secret",))]


def test_clean_site_has_no_problem(tmp_path):
    write_files(
        tmp_path,
        {
            "index.html": "<p>ok</p>",
            "theme/css/site.css": "a{}",
            "files/a.pdf": b"%PDF",
            ".well-known/security.txt": "Contact: mailto:kz-kocho@city.yokohama.lg.jp\n",
        },
    )
    Image.new("RGB", (4, 4)).save(tmp_path / "photo.jpg")
    assert check_output(tmp_path, ("/work/secret",)) == []


def test_local_paths_include_the_folders_and_the_temporary_folder(tmp_path):
    found = local_paths(ROOT, tmp_path)
    assert str(ROOT) in found
    assert str(tmp_path) in found
    assert tempfile.gettempdir().rstrip("/") + "/" in found
    assert "/" not in found


def test_published_tiny_site_is_clean(tmp_path):
    """Builds with publishconf.py and walks every file of output/."""
    content = write_tiny_content(tmp_path / "content")
    output = tmp_path / "output"
    publish("publishconf.py", output, {"PATH": str(content), "WARD_BUILD_DATE": BUILD_DATE, **fast_settings()})
    files = [p for p in output.rglob("*") if p.is_file()]
    rels = [p.relative_to(output).as_posix() for p in files]
    # Photos are published as resized copies only (responsive_images), never as the original.
    assert "images/hanabi.jpg" not in rels and "images/umi.webp" not in rels
    assert "images/hanabi-jpg-64w.jpg" in rels and "images/umi-webp-64w.webp" in rels
    assert not [r for r in rels if r.endswith(".md") or "/." in f"/{r}" or r.startswith("drafts/")]
    needles = (str(ROOT), str(tmp_path), str(content), tempfile.gettempdir() + "/", "SECRET_TOKEN", DRAFT_TITLE)
    for path in files:
        if path.suffix in (".html", ".xml", ".txt", ".css", ".js"):
            text = path.read_text(encoding="utf-8")
            assert not [n for n in needles if n in text], path
        if path.suffix in (".jpg", ".jpeg", ".webp", ".png"):
            assert image_metadata(path) == [], path
    assert check_output(output, local_paths(ROOT, tmp_path)) == []


@pytest.mark.slow
def test_published_sample_content_is_clean(tmp_path):
    """The real content/ folder, built with publishconf.py, walked for the same problems."""
    from tools.site_build import build_into

    output = tmp_path / "output"
    build_into("publishconf.py", output, {"WARD_BUILD_DATE": BUILD_DATE})
    assert check_output(output, local_paths(ROOT, tmp_path)) == []
