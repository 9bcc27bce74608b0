"""Nothing private published (a test per image format and for PDFs) and every limit a setting, applied alike."""

from __future__ import annotations

import io

import pytest
from bulletin_fixtures import issue_text
from conftest import BUILD_DATE, article, build_site, check_tree, write_files
from corpus_files import pdf, photo_with_gps
from pdf_privacy.core import strip_metadata
from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, StreamObject

from tools.output_hygiene import image_metadata
from tools.site_build import check_content
from ward_content.errors import ConfigurationError, WardBuildError
from ward_content.limits import Limits, read_limits

FAST = {"PLUGINS": ["ward_content", "image_privacy", "pdf_privacy"]}


def _gif_with_comment() -> bytes:
    frames = [Image.new("RGB", (8, 8), colour) for colour in ("red", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0, comment=b"GPS 35.3")
    return out.getvalue()


PHOTOS = {
    "jpg": photo_with_gps("JPEG"),
    "jpeg": photo_with_gps("JPEG"),
    "jfif": photo_with_gps("JPEG"),
    "jpe": photo_with_gps("JPEG"),
    "png": photo_with_gps("PNG"),
    "webp": photo_with_gps("WEBP"),
    "gif": _gif_with_comment(),
}


@pytest.mark.parametrize("suffix", sorted(PHOTOS))
def test_each_published_image_format_loses_its_metadata(tmp_path, suffix):
    source = tmp_path / "source"
    write_files(source, {f"images/photo.{suffix}": PHOTOS[suffix]})
    assert image_metadata(source / "images" / f"photo.{suffix}")  # the fixture does carry metadata
    # files/ is published as it is (cleaned by image_privacy); images/ only as responsive copies.
    output = build_site(tmp_path, {"news/a.md": article(), f"files/photo.{suffix}": PHOTOS[suffix]}, **FAST)
    published = output / "files" / f"photo.{suffix}"
    assert image_metadata(published) == []
    with Image.open(published) as image:
        assert image.size == Image.open(io.BytesIO(PHOTOS[suffix])).size
        assert getattr(image, "n_frames", 1) == (2 if suffix == "gif" else 1)


@pytest.mark.parametrize("suffix", ["tif", "tiff"])
def test_tiff_is_refused_with_a_located_message(tmp_path, suffix):
    image = io.BytesIO()
    Image.new("RGB", (4, 4)).save(image, "TIFF")
    write_files(tmp_path / "content", {f"images/scan.{suffix}": image.getvalue()})
    (error,) = check_tree(tmp_path / "content").errors
    assert error.format() == (
        f"content/images/scan.{suffix}:1: TIFF は位置情報などを消せないため公開できません。"
        "JPEG か PNG で保存し直してください (file type not allowed)"
    )


def _pdf_with_xmp() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf(Title="申請書", Author="金沢 花子", Producer="Word"))))
    xmp = StreamObject()
    xmp.set_data(
        b"<x:xmpmeta><dc:creator>hanako</dc:creator><pdf:Producer>C:\\Users\\hanako</pdf:Producer></x:xmpmeta>"
    )
    xmp[NameObject("/Type")] = NameObject("/Metadata")
    writer._root_object[NameObject("/Metadata")] = writer._add_object(xmp)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_loses_author_producer_and_xmp_but_keeps_its_title_and_pages():
    source = _pdf_with_xmp()
    cleaned = strip_metadata(source)
    assert cleaned == strip_metadata(source)  # the same bytes every build
    reader = PdfReader(io.BytesIO(cleaned))
    assert dict(reader.metadata or {}) == {"/Title": "申請書"}
    assert "/Metadata" not in reader.trailer["/Root"] and b"hanako" not in cleaned
    assert len(reader.pages) == 1
    assert strip_metadata(cleaned) is None  # nothing left to strip: published as it is


def test_limits_are_settings_with_defaults_and_wrong_ones_are_named():
    assert read_limits({}) == Limits()
    assert read_limits({"WARD_LIMITS": {"pdf_pages": 3}}).pdf_pages == 3
    with pytest.raises(ConfigurationError, match="unknown limits \\['pages'\\]"):
        read_limits({"WARD_LIMITS": {"pages": 3}})
    with pytest.raises(ConfigurationError, match="expected a positive number, received 0"):
        read_limits({"WARD_LIMITS": {"nesting": 0}})


def test_check_and_build_apply_the_same_limits(tmp_path):
    files = {"news/a.md": article(body="> > > 三段の引用"), "files/thick.pdf": pdf(pages=3)}
    limits = {"pdf_pages": 2, "nesting": 2}
    write_files(tmp_path / "content", files)
    checked = [e.code for e in check_content(tmp_path / "content", overrides={"WARD_LIMITS": limits}).errors]
    assert checked == ["pdf too many pages", "nesting too deep"]
    with pytest.raises(WardBuildError) as caught:
        (tmp_path / "b").mkdir()
        build_site(tmp_path / "b", files, WARD_LIMITS=limits, **FAST)
    assert [e.code for e in caught.value.errors] == checked


def test_bulletin_pdf_with_an_enormous_page_never_reaches_pdfium(tmp_path):
    files = {
        "bulletins/2026-03.md": issue_text("2026-03", 341),
        "bulletins/2026-03.pdf": pdf(width=200, height=14_000_000),
    }
    with pytest.raises(WardBuildError) as caught:
        build_site(
            tmp_path, files, PLUGINS=["ward_content", "bulletin_archive"], BULLETIN_CACHE_PATH=str(tmp_path / "c")
        )
    assert [(e.path, e.code) for e in caught.value.errors] == [("content/bulletins/2026-03.pdf", "pdf page size")]


def test_cover_rendering_beyond_its_memory_is_a_located_error_not_a_crash(tmp_path):
    files = {"bulletins/2026-03.md": issue_text("2026-03", 341), "bulletins/2026-03.pdf": pdf()}
    with pytest.raises(WardBuildError) as caught:
        build_site(
            tmp_path,
            files,
            PLUGINS=["ward_content", "bulletin_archive"],
            BULLETIN_CACHE_PATH=str(tmp_path / "c"),
            WARD_LIMITS={"render_memory_bytes": 20_000_000},  # too little for the renderer even to start
        )
    (error,) = caught.value.errors
    assert (error.path, error.line, error.field, error.code) == (
        "content/bulletins/2026-03.md",
        4,
        "pdf",
        "pdf cover not rendered",
    )
    assert "表紙を決められた時間とメモリの中で描けませんでした" in error.message
    assert BUILD_DATE


def test_a_static_link_out_of_content_is_reported_and_never_copied(tmp_path):
    (tmp_path / "secret.txt").write_text("秘密", encoding="utf-8")
    files = {"news/a.md": article(body="[秘密]({static}/../secret.txt)")}
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path, files, **FAST)
    assert [(e.path, e.line, e.code) for e in caught.value.errors] == [("content/news/a.md", 5, "link outside content")]
    assert not (tmp_path / "output").exists() and not any(tmp_path.glob("*/secret.txt"))


def test_pelican_never_copies_a_link_out_of_content_even_unchecked():
    from types import SimpleNamespace

    from ward_content.containment import drop_outside_links, escapes

    links = {"images/a.jpg", "../secret.txt", "/etc/passwd", "images/../../x"}
    drop_outside_links(SimpleNamespace(context={"static_links": links}))
    assert links == {"images/a.jpg"}
    assert escapes("..") and not escapes("files/x.pdf")


def test_a_theme_file_linked_from_outside_is_refused(tmp_path):
    import shutil

    from conftest import ROOT

    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    (theme / "static" / "passwd.txt").symlink_to("/etc/passwd")
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path, {"news/a.md": article()}, THEME=str(theme), **FAST)
    assert [(e.path, e.code) for e in caught.value.errors] == [
        ("theme/static/passwd.txt", "symlink out of source folder")
    ]
