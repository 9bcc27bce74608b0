"""Photos in real builds: paths as staff write them, <picture> markup, clean copies, the cache, located errors."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from conftest import article, build_site, check_tree, soup
from photo_fixtures import phone_photo, png_with_alpha
from PIL import ExifTags, Image

from ward_content.errors import WardBuildError

BODY = "![会場の写真](images/hanabi.jpg)\n\n![同じ写真をファイルからの場所で](../images/hanabi.jpg)\n\n![隣の写真](umi.jpg)\n"


def _files(**extra) -> dict[str, str | bytes]:
    return {
        "news/hanabi.md": article("花火大会", body=BODY),
        "news/umi.jpg": phone_photo(800, 600),
        "images/hanabi.jpg": phone_photo(2000, 1500),
        **extra,
    }


def test_photo_paths_relative_to_content_and_to_the_file_become_pictures(tmp_path):
    output = build_site(tmp_path, _files())
    page = soup(output, "news/hanabi/index.html")
    pictures = page.select(".ward-article__body picture")
    assert [p.img["alt"] for p in pictures] == ["会場の写真", "同じ写真をファイルからの場所で", "隣の写真"]
    first = pictures[0]
    assert [(s["type"], s["sizes"]) for s in first.select("source")] == [
        ("image/avif", "(min-width: 44rem) 42rem, calc(100vw - 2rem)"),
        ("image/webp", "(min-width: 44rem) 42rem, calc(100vw - 2rem)"),
    ]
    assert first.select_one("source[type='image/webp']")["srcset"] == (
        "../../images/hanabi-jpg-480w.webp 480w, ../../images/hanabi-jpg-960w.webp 960w, "
        "../../images/hanabi-jpg-1600w.webp 1600w"
    )
    img = first.img
    assert (img["width"], img["height"], img["src"]) == ("1600", "1200", "../../images/hanabi-jpg-960w.jpg")
    assert img["srcset"].endswith("../../images/hanabi-jpg-1600w.jpg 1600w")
    # The first photo of the page loads at once, every other one lazily.
    assert [p.img.get("loading") for p in pictures] == [None, "lazy", "lazy"]
    # A photo beside the Markdown file: 800 px wide, so never upscaled past 800.
    assert pictures[2].img["srcset"] == "../../news/umi-jpg-480w.jpg 480w, ../../news/umi-jpg-800w.jpg 800w"
    for picture in pictures:
        for candidate in [
            picture.img["src"],
            *(c.split()[0] for s in picture.select("[srcset]") for c in s["srcset"].split(", ")),
        ]:
            assert (output / "news/hanabi" / candidate).resolve().is_file(), candidate
    # Originals are never published.
    assert not (output / "images/hanabi.jpg").exists() and not (output / "news/umi.jpg").exists()


def test_copies_carry_no_metadata_and_have_their_width(tmp_path):
    output = build_site(tmp_path, _files())
    copies = sorted((output / "images").iterdir())
    assert len(copies) == 9  # 3 widths × AVIF, WebP, JPEG
    for path in copies:
        data = path.read_bytes()
        with Image.open(io.BytesIO(data)) as image:
            assert image.width == int(path.stem.rsplit("-", 1)[1].removesuffix("w")), path.name
            assert not len(image.getexif()), path.name
            assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo), path.name
        assert b"WardCam" not in data and b"Kanazawa Taro" not in data, path.name
    assert Image.open(tmp_path / "content/images/hanabi.jpg").getexif().get_ifd(ExifTags.IFD.GPSInfo)


def test_image_field_is_the_first_picture_and_body_photos_are_lazy(tmp_path):
    files = _files()
    files["news/hanabi.md"] = article(
        "花火大会", body=BODY, image="\n  src: images/hanabi.jpg\n  alt: 花火大会の会場を海から見た写真"
    )
    page = soup(output := build_site(tmp_path, files), "news/hanabi/index.html")
    figure = page.select_one(".ward-article__figure picture img")
    assert figure["alt"] == "花火大会の会場を海から見た写真" and figure.get("loading") is None
    assert [p.img.get("loading") for p in page.select(".ward-article__body picture")] == ["lazy"] * 3
    assert (output / "images/hanabi-jpg-480w.avif").is_file()


def test_a_photo_only_a_draft_shows_is_published_only_where_drafts_are(tmp_path):
    files = {
        "news/a.md": article("下書き", body="![まだ秘密の写真](images/himitsu.jpg)", status="draft"),
        "images/himitsu.jpg": phone_photo(600, 400),
    }
    (tmp_path / "preview").mkdir()
    (tmp_path / "production").mkdir()
    preview = build_site(tmp_path / "preview", files)
    assert soup(preview, "drafts/news/a/index.html").select_one("picture img")["alt"] == "まだ秘密の写真"
    assert (preview / "images/himitsu-jpg-480w.jpg").is_file()
    production = build_site(tmp_path / "production", files, DRAFT_SAVE_AS="", DRAFT_PAGE_SAVE_AS="")
    assert not (production / "images").exists()


def test_photo_turned_by_exif_is_published_upright(tmp_path):
    files = {
        "news/a.md": article(body="![縦の写真](images/tate.jpg)"),
        "images/tate.jpg": phone_photo(600, 400, orientation=6),
    }
    output = build_site(tmp_path, files)
    img = soup(output, "news/a/index.html").select_one("picture img")
    assert (img["width"], img["height"]) == ("400", "600")
    with Image.open(output / "images/tate-jpg-400w.jpg") as image:
        assert image.size == (400, 600)


def test_transparent_png_keeps_its_transparency(tmp_path):
    files = {"news/a.md": article(body="![区のロゴ](images/logo.png)"), "images/logo.png": png_with_alpha()}
    output = build_site(tmp_path, files)
    img = soup(output, "news/a/index.html").select_one("picture img")
    assert img["src"].endswith("images/logo-png-300w.png")
    with Image.open(output / "images/logo-png-300w.png") as image:
        assert image.mode == "RGBA" and image.getpixel((2, 2))[3] == 0


def test_second_build_encodes_nothing(tmp_path):
    """Every encode writes one cache entry per format: unchanged entries mean nothing was encoded."""
    cache = tmp_path / "cache"

    def entries():
        return {p.name: p.stat().st_mtime_ns for p in cache.iterdir()}

    for name in ("one", "two", "three"):
        (tmp_path / name).mkdir()
    files = _files()  # the grain is random: the same photos for every build
    first = build_site(tmp_path / "one", files, RESPONSIVE_IMAGES_CACHE_PATH=str(cache))
    encoded = entries()
    assert len(encoded) == 15  # hanabi at 3 widths, umi at 2, each in AVIF, WebP and JPEG
    second = build_site(tmp_path / "two", files, RESPONSIVE_IMAGES_CACHE_PATH=str(cache))
    assert entries() == encoded
    for path in sorted((first / "images").iterdir()):
        assert (second / "images" / path.name).read_bytes() == path.read_bytes()
    # Another quality is another copy: the settings are part of the cache key.
    build_site(
        tmp_path / "three", files, RESPONSIVE_IMAGES_CACHE_PATH=str(cache), RESPONSIVE_IMAGES_QUALITY={"webp": 60}
    )
    added = sorted(set(entries()) - set(encoded))
    assert len(added) == 5 and all(name.endswith("-webp-q60-v1.webp") for name in added)


def bomb_png(width: int = 20000, height: int = 20000) -> bytes:
    """A few hundred bytes that claim 400 megapixels: a decompression bomb."""
    buffer = io.BytesIO()
    Image.new("L", (1, 1)).save(buffer, "PNG")
    data = bytearray(buffer.getvalue())
    header = b"IHDR" + struct.pack(">II", width, height) + bytes(data[24:29])
    data[12:29] = header
    data[29:33] = struct.pack(">I", zlib.crc32(header))
    return bytes(data)


BROKEN = {
    "missing": (
        None,
        "画像「images/nai.jpg」が見つかりません。content/images/ に置いて ![説明](images/ファイル名) と書くか、"
        "この Markdown ファイルからの場所を書いてください (image file missing)",
    ),
    "corrupt": (
        phone_photo(800, 600)[:6000],
        "画像「images/nai.jpg」: 画像ファイルが壊れています（image file is truncated (",
    ),
    "not an image": (
        "これは写真ではありません",
        "画像「images/nai.jpg」: 画像として読めないファイルです。写真を JPEG・PNG・WebP で保存し直してから置いてください"
        " (not an image)",
    ),
    "bomb": (
        bomb_png(),
        "画像「images/nai.jpg」: 画像が大きすぎます（89 百万画素を超えています）。縮小してから置いてください"
        " (image too large (decompression bomb))",
    ),
    "huge": (
        bomb_png(10000, 9000),
        "画像「images/nai.jpg」: 画像が大きすぎます（10000×9000 ピクセル、90 百万画素）。"
        "89 百万画素以下に縮小してから置いてください (image too large (decompression bomb))",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_unusable_photo_is_a_located_error_in_check_and_build(tmp_path, case):
    data, message = BROKEN[case]
    files = {"news/a.md": article(body="本文です。\n\n![会場](images/nai.jpg)")}
    if data is not None:
        files["images/nai.jpg"] = data
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path, files)
    prefix = "content/news/a.md:7: 本文: "
    # The content scan (ward_content.sources) may also name the file itself; here the reference matters.
    built = [e.format() for e in caught.value.errors if e.path != "content/images/nai.jpg"]
    checked = [e.format() for e in check_tree(tmp_path / "content").errors if e.path != "content/images/nai.jpg"]
    assert built == checked
    assert len(built) == 1 and built[0].startswith(prefix + message.split("（image file")[0])
    if case != "corrupt":
        assert built[0] == prefix + message


def test_missing_image_field_is_located(tmp_path):
    files = {"news/a.md": article(image="\n  src: images/nai.jpg\n  alt: 会場")}
    with pytest.raises(WardBuildError) as caught:
        build_site(tmp_path, files)
    assert [e.format() for e in caught.value.errors] == [
        "content/news/a.md:5: image.src: 画像「images/nai.jpg」が見つかりません。content/images/nai.jpg に置くか、"
        "src を直してください (image file missing)"
    ]


def test_history_site_photo_and_its_card_are_pictures(tmp_path):
    from history_fixtures import site_text

    files = {
        "history/sites/tera.md": site_text(images=[{"src": "images/history/tera.jpg", "alt": "本堂の正面"}]),
        "images/history/tera.jpg": phone_photo(1200, 900),
    }
    output = build_site(tmp_path, files)
    figure = soup(output, "history/tera/index.html").select_one(".ward-history-site__figure picture img")
    assert (figure["alt"], figure.get("loading")) == ("本堂の正面", None)
    card = soup(output, "history/index.html").select_one(".ward-history-card picture img")
    assert card["class"] == ["ward-history-card__photo"] and card["loading"] == "lazy"
    # The card is a macro: its URLs are relative to the catalog page, like every other link on it.
    for candidate in card["srcset"].split(", "):
        assert (output / "history" / candidate.split()[0]).resolve().is_file(), candidate


def test_event_photo_is_the_first_picture(tmp_path):
    from event_fixtures import event_text

    files = {
        "events/hanabi.md": event_text(image={"src": "images/hanabi.jpg", "alt": "海の公園の夜空に上がる花火"}),
        "images/hanabi.jpg": phone_photo(1200, 900),
    }
    output = build_site(tmp_path, files)
    pages = sorted(p for p in (output / "events").rglob("index.html") if p.parent.name != "events")
    img = next(
        tag
        for page in pages
        for tag in soup(output, page.relative_to(output).as_posix()).select(".ward-event__photo picture img")
    )
    assert (img["alt"], img.get("loading"), img["width"]) == ("海の公園の夜空に上がる花火", None, "1200")


def test_marked_photos_anywhere_in_a_body_become_pictures_and_the_rest_is_kept(tmp_path):
    body = (
        '前の段落 <b>太字</b> & "引用"。\n\n'
        '![会場 > 海側の "見晴らし" & 花火](images/hanabi.jpg)\n\n'
        '<p>前に<a href="https://www.city.yokohama.lg.jp/kanazawa/">リンク</a></p>\n\n![リンクの後の写真](umi.jpg)\n\n'
        "文の途中の写真。\n\n![隣の写真](umi.jpg)\n\n後の段落。\n"
    )
    output = build_site(tmp_path, _files(**{"news/hanabi.md": article("花火大会", body=body)}))
    html = (output / "news/hanabi/index.html").read_text(encoding="utf-8")
    assert "data-ward-photo" not in html
    page = soup(output, "news/hanabi/index.html")
    body_element = page.select_one(".ward-article__body")
    assert [p.img["alt"] for p in body_element.select("picture")] == [
        '会場 > 海側の "見晴らし" & 花火',
        "リンクの後の写真",
        "隣の写真",
    ]
    assert [p.img.get("loading") for p in body_element.select("picture")] == [None, "lazy", "lazy"]
    assert body_element.select_one("a[href='https://www.city.yokohama.lg.jp/kanazawa/']").get_text() == "リンク"
    text = " ".join(body_element.get_text(" ").split())
    assert '前の段落 太字 & "引用"。' in text and "文の途中の写真。" in text and text.endswith("後の段落。")
