"""/admin/ is written by the build: noindex, outside the sitemap and the search index, local scripts only."""

from __future__ import annotations

import gzip
import subprocess

from conftest import ROOT, build_site, soup
from site_search.records import page_record

from tools.cms_vendor import TARGET, VERSION
from tools.output_hygiene import check_output, local_paths


def test_admin_page_is_noindex_local_and_kept_out_of_sitemap_and_search(tmp_path):
    output = build_site(tmp_path, {})
    page = soup(output, "admin/index.html")
    assert page.html["lang"] == "ja"
    assert page.select_one('meta[name="robots"]')["content"] == "noindex, nofollow"
    assert page.select("[data-pagefind-body]") == []
    assert page_record((output / "admin" / "index.html").read_text(encoding="utf-8"), "/admin/", {}) is None
    scripts = [s["src"] for s in page.select("script[src]")]
    assert scripts == ["../theme/vendor/decap-cms/decap-cms.js", "../theme/admin/admin.js"]
    assert page.select_one('link[rel="cms-config-url"]')["href"] == "config.yml"
    assert (output / "admin" / "config.yml").read_bytes() == (ROOT / "admin" / "config.yml").read_bytes()
    # The bundle is kept compressed in the repository and published whole.
    bundle = (output / "theme" / "vendor" / "decap-cms" / "decap-cms.js").read_bytes()
    assert bundle == gzip.decompress((ROOT / "plugins" / "cms_admin" / "vendor" / "decap-cms.js.gz").read_bytes())
    assert len(bundle) > 4_000_000 and b"DecapCms" in bundle[-500:]
    assert "/admin/" not in (output / "sitemap.xml").read_text(encoding="utf-8")
    # The publish checks accept the served config and the vendored bundle (two chunks carry Decap's own file:// build path).
    problems = check_output(output, local_paths(ROOT, tmp_path))
    assert [p for p in problems if p.path.startswith(("admin/", "theme/vendor/decap-cms/"))] == []


def test_vendored_cms_records_its_version_and_licence():
    record = (TARGET / "VERSION").read_text(encoding="utf-8")
    assert f"decap-cms {VERSION}" in record
    assert "license: MIT" in record
    assert "MIT License" in (TARGET / "LICENSE").read_text(encoding="utf-8")
    # No sources maps or the duplicate cms.js build: only what the page loads.
    assert sorted(p.name for p in TARGET.glob("*.map")) == []


def test_the_repository_tracks_no_file_over_two_mebibytes():
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    names = [name for name in tracked.decode().split("\0") if name]
    big = [name for name in names if (ROOT / name).is_file() and (ROOT / name).stat().st_size > 2 * 1024 * 1024]
    assert big == []


def test_the_decap_bundle_is_decompressed_once_and_kept(tmp_path, monkeypatch):
    from cms_admin import generator

    packed = tmp_path / "decap-cms.js.gz"
    packed.write_bytes(gzip.compress(b"window.DecapCms = 1;\n" * 1000))
    cache = tmp_path / "cache"
    first = generator.bundle_bytes(cache, packed)
    assert first == b"window.DecapCms = 1;\n" * 1000
    (kept,) = cache.iterdir()

    def no_gzip(*args, **kwargs):
        raise AssertionError("decompressed again")

    monkeypatch.setattr(generator.gzip, "GzipFile", no_gzip)
    assert generator.bundle_bytes(cache, packed) == first
    # Another bundle (a new Decap version) is another name: never the old copy.
    packed.write_bytes(gzip.compress(b"window.DecapCms = 2;\n"))
    monkeypatch.undo()
    assert generator.bundle_bytes(cache, packed) == b"window.DecapCms = 2;\n"
    # A kept copy over the bound is not ours: decompressed again, within the bound.
    kept.write_bytes(b"x" * (generator.BUNDLE_MAX_BYTES + 1))
    packed.write_bytes(gzip.compress(b"window.DecapCms = 1;\n" * 1000))
    assert generator.bundle_bytes(cache, packed) == first


def test_the_field_order_is_parsed_once_and_kept(tmp_path, monkeypatch):
    import json

    import yaml
    from cms_admin import generator
    from cms_admin.order import field_order

    config = (ROOT / "admin" / "config.yml").read_bytes()
    expected = field_order(yaml.safe_load(config))
    cache = tmp_path / "cache"
    assert generator.field_order_of(config, cache) == expected
    (kept,) = cache.iterdir()

    def no_yaml(*args, **kwargs):
        raise AssertionError("parsed again")

    monkeypatch.setattr(generator.yaml, "load", no_yaml)
    assert generator.field_order_of(config, cache) == expected
    # The page carries the same order whether it was parsed or read back.
    page_cache = tmp_path / "page-cache"
    pages = []
    for run in ("parsed", "kept"):
        if run == "parsed":
            monkeypatch.undo()
        output = build_site(tmp_path / run, {}, CMS_CACHE_PATH=str(page_cache))
        pages.append(json.loads(soup(output, "admin/index.html").select_one("#ward-cms-field-order").string))
        monkeypatch.setattr(generator.yaml, "load", no_yaml)
    assert pages == [expected, expected]
    monkeypatch.undo()
    # Another config is another name; a damaged or oversized kept order is made again.
    other = config.replace(b"name: title", b"name: title2", 1)
    assert generator.field_order_of(other, cache) == field_order(yaml.safe_load(other))
    assert len(list(cache.iterdir())) == 2
    kept.write_text("{not json", encoding="utf-8")
    assert generator.field_order_of(config, cache) == expected
    kept.write_bytes(b" " * (generator.FIELD_ORDER_MAX_BYTES + 1))
    assert generator.field_order_of(config, cache) == expected
    for damaged in (b"[" * 100_000, b"null", b'{"news": {"": [1, 2]}}'):  # too deep, other shapes
        kept.write_bytes(damaged)
        assert generator.field_order_of(config, cache) == expected
    # The name carries the code's source: a change to order.py is a new name.
    assert generator.FIELD_ORDER_CODE in kept.name
    assert json.loads(kept.read_bytes()) == expected
