"""The preview serves the same photo copies and <picture> markup as a full build, and picks up a new photo."""

from __future__ import annotations

from conftest import BUILD_DATE, article, write_files
from photo_fixtures import phone_photo

from tools.preview import PreviewSite
from tools.site_build import build_into


def test_preview_serves_what_a_full_build_writes(tmp_path):
    content = write_files(
        tmp_path / "content",
        {
            "news/a.md": article("写真のお知らせ", body="![会場の写真](images/a.jpg)"),
            "images/a.jpg": phone_photo(900, 600),
        },
    )
    overrides = {"PATH": str(content), "WARD_BUILD_DATE": BUILD_DATE, "BULLETIN_CACHE_PATH": str(tmp_path / "covers")}
    site = PreviewSite(output=tmp_path / "preview", overrides=overrides)
    assert site.refresh() == ()
    write_files(content, {"images/b.jpg": phone_photo(700, 500)})
    changed = write_files(content, {"news/b.md": article("二枚目", body="![港の写真](images/b.jpg)")}) / "news/b.md"
    assert site.refresh({changed}) == ()
    full = tmp_path / "full"
    build_into("pelicanconf.py", full, {**site.overrides, "OUTPUT_PATH": str(full)})
    built = sorted(p.relative_to(full).as_posix() for p in full.rglob("*") if p.is_file())
    assert "images/b-jpg-700w.avif" in built
    assert site.all_paths() == built
    for rel in ("news/a/index.html", "news/b/index.html", "images/a-jpg-900w.webp", "images/b-jpg-480w.jpg"):
        assert site.read(rel) == (full / rel).read_bytes(), rel
