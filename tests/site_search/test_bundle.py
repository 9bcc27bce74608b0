"""Our index files against Pagefind's own: the pinned binary indexes the same records, both are decoded."""

from __future__ import annotations

import gzip
import json

import cbor2
import pytest
from site_search import cbor, pagefind_service
from site_search.bundle import Limits, fold, index_files, sha1_hex, short_names
from site_search.client import CLIENT_FILES, client_files
from site_search.records import Record
from site_search.settings import SiteSearchSettings

from ward_content.errors import ConfigurationError

CHUNK = 500


def records() -> list[Record]:
    """Japanese with readings, diacritics (café under cafe), Hangul, an empty page, a repeated title."""
    pages = [
        Record("/news/a/", "称名寺の案内", "称名寺の案内 本文", "称名寺 しょうみょうじ の案内 本文 Pelican café cafè 2026 한국", "お知らせ", "news", "2026"),
        Record("/history/b/", "金沢文庫 金沢文庫 cafe", "金沢文庫 です", "金沢文庫 です 金沢 cafe naïve", "歴史", "history", None),
        Record("/empty/", "/empty/", "", "", None, None, None),
        Record("/quote/", 'a "quoted" \\ title', "tab\tand <b>", "x", None, None, None),
    ]  # fmt: skip
    for i in range(40):
        body = "".join(chr(0x4E00 + (i * 37 + k) % 500) for k in range(300)) + f" word{i % 7} 第{i}号 café"
        pages.append(Record(f"/p/{i:03d}/", f"お知らせ{i}", body[:100], body, "お知らせ", "news", str(2000 + i % 3)))
    return pages


def decode(data: bytes, suffix: str):
    raw = gzip.decompress(data)
    assert raw[:12] == b"pagefind_dcd"
    return json.loads(raw[12:]) if suffix == "pf_fragment" else cbor2.loads(raw[12:])


def decoded_bundle(files: dict[str, bytes]) -> dict:
    out = {}
    for name, data in files.items():
        suffix = name.rsplit(".", 1)[-1]
        if suffix.startswith("pf_"):
            out[name] = decode(data, suffix)
        elif name == "pagefind-entry.json":
            out[name] = json.loads(data)
    return out


def all_words(bundle: dict) -> list:
    meta = next(v for k, v in bundle.items() if k.endswith(".pf_meta"))
    return [word for _, _, name in meta[2] for word in bundle[f"index/{name}.pf_index"][0]]


def without_metadata_postings(words: list) -> list:
    """Pagefind's words as ours: metadata positions dropped, then pages and words left empty."""

    def pages(entries):
        return [[page, locs, []] for page, locs, _ in entries if locs]

    out = []
    for word, entries, variants in words:
        kept = [[form, pages(v)] for form, v in variants if pages(v)]
        if pages(entries) or kept:
            out.append([word, pages(entries), kept])
    return out


def absolute(entries: list) -> list[int]:
    numbers, page = [], 0
    for step, _, _ in entries:
        page += step
        numbers.append(page)
    return numbers


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    search = SiteSearchSettings(chunk_locations=CHUNK)
    folder = tmp_path_factory.mktemp("pagefind")
    pagefind_service.write_index(records(), folder, pagefind_service.binary_path("standard"), search)
    theirs = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    limits = Limits(max_pages=1000, max_tokens=100000, chunk_locations=CHUNK, excerpt_chars=3000, compression=6)
    ours = index_files(records(), "ja", "1.5.2", limits)
    return decoded_bundle(theirs), decoded_bundle(ours), ours


def fragments(bundle: dict) -> dict[str, dict]:
    return {v["url"]: v for k, v in bundle.items() if k.startswith("fragment/")}


def test_fragments_are_pagefinds_without_the_token_text(both):
    theirs, ours, _ = both
    assert len(fragments(ours)) == len(records())
    their_fragments = fragments(theirs)
    # Pagefind keeps the indexed text (our tokens) for excerpts our page does not show.
    assert their_fragments["/news/a/"]["content"].startswith("qjels74d qj74d8oq")
    assert fragments(ours) == {url: {**f, "content": ""} for url, f in their_fragments.items()}
    empty = fragments(ours)["/empty/"]
    assert (empty["content"], empty["word_count"]) == ("", 1)
    assert fragments(ours)["/quote/"]["meta"]["title"] == 'a "quoted" \\ title'


def test_metadata_index_lists_the_same_pages_and_fields(both):
    theirs, ours, files = both
    their_meta = next(v for k, v in theirs.items() if k.endswith(".pf_meta"))
    our_meta = next(v for k, v in ours.items() if k.endswith(".pf_meta"))
    assert our_meta[0] == their_meta[0] == "1.5.2"
    # [fragment hash, word count] per page, in the same order; the hash names our own fragment file.
    assert [count for _, count in our_meta[1]] == [count for _, count in their_meta[1]]
    urls = [ours[f"fragment/{name}.pf_fragment"]["url"] for name, _ in our_meta[1]]
    assert urls == [theirs[f"fragment/{name}.pf_fragment"]["url"] for name, _ in their_meta[1]]
    assert our_meta[3:] == their_meta[3:] == [[], [], ["section", "text", "title", "year"]]
    their_entry, our_entry = theirs["pagefind-entry.json"], ours["pagefind-entry.json"]
    assert our_entry["languages"]["ja"]["page_count"] == their_entry["languages"]["ja"]["page_count"] == 44
    assert f"pagefind.{our_entry['languages']['ja']['hash']}.pf_meta" in files
    del their_entry["languages"]["ja"]["hash"], our_entry["languages"]["ja"]["hash"]
    assert our_entry == their_entry


def test_file_names_are_pagefinds_hashes_of_the_data(both):
    _, _, files = both
    for name, data in files.items():
        if name.startswith(("fragment/", "index/")):
            digest = sha1_hex(gzip.decompress(data)[12:])
            assert name.split("/")[1].split(".")[0] == f"ja_{digest[:7]}"


def test_word_postings_are_pagefinds_less_its_metadata_postings(both):
    theirs, ours, _ = both
    our_words = all_words(ours)
    assert our_words == without_metadata_postings(all_words(theirs))
    # What the comparison covers: title weights, page and position distances, diacritic variants.
    by_word = {word: (entries, variants) for word, entries, variants in our_words}
    bunko = by_word["qjjblbz6"][0]  # 金沢 on page 1: title positions 0 and 4, body 9 and 15
    assert bunko[0] == [1, [-25, 9, 6, -169, 0, 4], []]
    café = dict(by_word["cafe"][1])["café"]
    assert absolute(café) == [0, *range(4, 44)]
    assert [form for form, _ in by_word["cafe"][1]] == ["cafè", "café"]
    assert absolute(by_word["cafe"][0]) == [1]


def test_chunks_cover_the_sorted_words_and_stay_small(both):
    _, ours, _ = both
    meta = next(v for k, v in ours.items() if k.endswith(".pf_meta"))
    words = [w for w, _, _ in all_words(ours)]
    assert words == sorted(words) and len(meta[2]) > 3
    for low, high, name in meta[2]:
        chunk = [w for w, _, _ in ours[f"index/{name}.pf_index"][0]]
        # The browser loads the chunk whose bounds hold a query word's prefix.
        assert all(low <= w[: len(low)] and w[: len(high)] <= high for w in chunk)
    for _, _, name in meta[2][:-1]:
        entries = ours[f"index/{name}.pf_index"][0]
        sizes = [
            sum(len(locs) + 1 for _, locs, _ in pages + [p for v in variants for p in v[1]])
            for _, pages, variants in entries
        ]
        # Closed by the word that brought it to SITE_SEARCH_CHUNK_LOCATIONS positions, not later.
        assert sum(sizes) >= CHUNK > sum(sizes[:-1])


def test_same_records_same_bytes():
    limits = Limits(max_pages=1000, max_tokens=100000, chunk_locations=CHUNK, excerpt_chars=3000, compression=6)
    assert index_files(records(), "ja", "1.5.2", limits) == index_files(records(), "ja", "1.5.2", limits)


def test_too_many_pages_stop_the_build_with_a_message():
    limits = Limits(max_pages=3, max_tokens=100000, chunk_locations=CHUNK, excerpt_chars=3000, compression=6)
    with pytest.raises(ConfigurationError) as error:
        index_files(records(), "ja", "1.5.2", limits)
    assert str(error.value) == (
        "サイト内検索: 索引するページが上限の 3 を超えました。"
        "pelicanconf.py の SITE_SEARCH_MAX_PAGES を上げてください (too many pages to index)"
    )


@pytest.mark.parametrize("value", [0, 1, 23, 24, 255, 256, 65535, 65536, 2**32 - 1, 2**32, -1, -24, -25, -169, -257])
def test_integers_decode_as_cbor(value):
    assert cbor2.loads(cbor.integer(value)) == value
    assert cbor2.loads(cbor.array([cbor.text("語"), cbor.integer(value)])) == ["語", value]


def test_hashes_and_names_as_pagefind_writes_them():
    # SHA-1 of b"abc" is a9993e36 4706816a …: Pagefind writes 0x06 as "6", 0x0a as "a".
    assert sha1_hex(b"abc").startswith("a9993e364768") and len(sha1_hex(b"abc")) < 40
    first, second = short_names("ja", [sha1_hex(b"abc")] * 2)
    assert (first, second) == ("ja_a9993e3", "ja_a9993e36")
    assert fold("Café") == "Cafe" and fold("です") == "てす" and fold("ß") == "ß"


def test_client_files_are_extracted_once_and_renewed_when_changed(tmp_path):
    version, files = client_files("standard", tmp_path)
    assert version == "1.5.2" and sorted(files) == sorted(CLIENT_FILES)
    assert files["pagefind.js"].startswith(b"const pagefind_version") or b"pagefind_version" in files["pagefind.js"]
    folder = tmp_path / "pagefind-standard-1.5.2"
    (folder / "pagefind.js").write_bytes(b"changed")
    (folder / "wasm.unknown.pagefind").write_bytes(b"")
    assert client_files("standard", tmp_path) == (version, files)


def test_a_cache_folder_without_its_manifest_is_replaced(tmp_path):
    version, files = client_files("standard", tmp_path)
    folder = tmp_path / f"pagefind-standard-{version}"
    (folder / "manifest.json").unlink()
    (folder / "pagefind.js").write_bytes(b"")
    assert client_files("standard", tmp_path) == (version, files)
    assert sorted(p.name for p in tmp_path.iterdir()) == [folder.name]  # no staging folder left
