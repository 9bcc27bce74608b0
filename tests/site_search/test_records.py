"""Records read from written pages, and the Pagefind bundle a real build writes from them (bundle.py)."""

from __future__ import annotations

import gzip
import json
import shutil

import cbor2
import pytest
from conftest import article, build_site
from site_search.bundle import page_tokens
from site_search.indexer import index_site
from site_search.postings import TITLE_WEIGHT
from site_search.records import page_record
from site_search.settings import read_settings
from site_search.text import encode, index_tokens

from tools.site_build import load_settings

SECTIONS = {"news": ("news", "お知らせ"), "history": ("history", "歴史")}

PAGE = """<!doctype html><html lang="ja"><head><title>題｜金沢区</title><script>var x = "金沢";</script></head>
<body><header><p>ヘッダーの言葉</p></header><main>
<article data-pagefind-body>
<h1><ruby>称名寺<rp>（</rp><rt>しょうみょうじ</rt><rp>）</rp></ruby>の案内</h1><span hidden data-search-only>アンナイ</span>
<table><tr><th>指定日</th><td><time datetime="1922-10-12">1922年</time></td></tr></table>
<p>公開 <time datetime="2026-04-01">2026年4月1日</time></p>
<p>金沢</p><p>文庫</p>
<div data-pagefind-ignore>無視する文</div><script>var y = "秘密";</script>
</article></main></body></html>"""


def test_a_page_gives_natural_title_and_text_and_indexed_readings():
    record = page_record(PAGE, "/history/shomyoji/", SECTIONS)
    assert record.title == "称名寺の案内"
    assert record.text == "称名寺の案内 指定日 1922年 公開 2026年4月1日 金沢 文庫"
    assert record.indexed.startswith("称名寺 しょうみょうじ の案内 アンナイ ")
    # Section from the first folder, year from the first date outside a table.
    assert (record.section, record.section_slug, record.year) == ("歴史", "history", "2026")


def test_blocks_never_join_into_one_bigram_and_ignored_parts_stay_out():
    record = page_record(PAGE, "/history/shomyoji/", SECTIONS)
    tokens = index_tokens(record.indexed)
    assert encode("金沢") in tokens and encode("文庫") in tokens
    assert encode("沢文") not in tokens
    assert "無視" not in record.indexed and "秘密" not in record.indexed and "ヘッダー" not in record.indexed


def test_pages_without_a_marked_body_and_unknown_folders():
    assert page_record("<html><body><p>text</p></body></html>", "/x/", SECTIONS) is None
    html = "<html><body><article data-pagefind-body><p>本文</p></article></body></html>"
    record = page_record(html, "/about/", SECTIONS)
    assert (record.title, record.section, record.year) == ("/about/", None, None)


def test_title_tokens_come_first_and_facets_last_within_the_token_bound():
    record = page_record(PAGE, "/history/shomyoji/", SECTIONS)
    tokens = page_tokens(record, 100000)
    assert TITLE_WEIGHT == 7
    assert tokens.title == index_tokens("称名寺の案内")
    assert tokens.rest == [*index_tokens(record.indexed), "qzshistory", "qzy2026"]
    # SITE_SEARCH_MAX_TOKENS cuts the body, never the title or the facets.
    cut = page_tokens(record, len(tokens.title) + 5)
    assert (cut.title, cut.rest) == (tokens.title, [*tokens.rest[:3], "qzshistory", "qzy2026"])


def read_fragment_bytes(path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    assert data[:12] == b"pagefind_dcd"
    return data[12:]


def read_fragment(path):
    return json.loads(read_fragment_bytes(path))


def test_a_build_writes_one_record_per_marked_page_with_natural_metadata(tmp_path):
    output = build_site(
        tmp_path,
        files={
            "news/a.md": article(title="カナザワブンコの催し", body="神奈川県立金沢文庫で講座を開きます。"),
            "news/b.md": article(title="花火のお知らせ", date="2027-08-01", body="海の公園で花火大会。"),
        },
        SITE_SEARCH_INDEX=True,
    )
    entry = json.loads((output / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    marked = [p for p in output.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert list(entry["languages"]) == ["ja"]
    # Only what our search page loads is published: none of Pagefind's ready-made interfaces.
    assert sorted(p.name for p in (output / "pagefind").iterdir() if p.is_file() and "ui" in p.name) == []
    assert not (output / "pagefind" / "pagefind-highlight.js").exists()
    assert entry["languages"]["ja"]["page_count"] == len(marked) >= 2
    fragments = {f["url"]: f for f in map(read_fragment, (output / "pagefind" / "fragment").iterdir())}
    first = next(f for url, f in fragments.items() if "カナザワブンコ" in f["meta"]["title"])
    assert first["meta"]["title"] == "カナザワブンコの催し"
    assert "神奈川県立金沢文庫で講座を開きます。" in first["meta"]["text"]
    assert (first["meta"]["section"], first["meta"]["year"], first["filters"]) == ("お知らせ", "2026", {})
    # What is indexed is the token text: かなざわ (hiragana) stands for the katakana title; the
    # fragment does not repeat it (our page shows meta.text).
    words = [
        w[0] for chunk in (output / "pagefind" / "index").iterdir() for w in cbor2.loads(read_fragment_bytes(chunk))[0]
    ]
    assert encode("かな") in words and not [w for w in words if "カ" in w]
    assert first["content"] == ""
    assert sorted(f["meta"]["year"] for f in fragments.values()) == ["2026", "2027"]
    # The filters' choices, beside the search page.
    facets = json.loads((output / "search" / "facets.json").read_text(encoding="utf-8"))
    assert facets == {"sections": {"news": 2}, "years": [{"year": "2027", "pages": 1}, {"year": "2026", "pages": 1}]}


def test_the_bundle_is_byte_identical_across_builds_and_numbers_of_processes(tmp_path, monkeypatch):
    import site_search.indexer
    import site_search.postings

    files = {f"news/n{i}.md": article(title=f"お知らせ{i}", body="称名寺と金沢文庫。" * i) for i in range(1, 6)}
    bundles = []
    # The parts made by the process or processes that render the pages (WARD_PROCESSES), kept as they
    # are or compressed (a large site's, PACK_ABOVE), or read back from the written pages by several
    # forked processes (SITE_SEARCH_PROCESSES, below): the same index.
    # A large site's fragment files are written by a forked copy while the index is merged ("forked").
    runs = (
        ("one", {"WARD_PROCESSES": 1}, 4000, 1),
        ("rendered", {"WARD_PROCESSES": 3}, 4000, 1),
        ("packed", {}, 0, 1),
        ("forked", {}, 4000, 2),
    )
    for name, settings, pack_above, writers in runs:
        monkeypatch.setattr(site_search.indexer, "PACK_ABOVE", pack_above)
        monkeypatch.setattr(site_search.indexer, "process_count", lambda items, asked=0, n=writers: n)
        # Small groups of words, so that the forked copy also encodes some (site_search.postings).
        monkeypatch.setattr(site_search.postings, "GROUP", 8 if writers > 1 else 1 << 18)
        (tmp_path / name).mkdir()
        output = build_site(tmp_path / name, files=files, SITE_SEARCH_INDEX=True, **settings)
        bundle = output / "pagefind"
        bundles.append({p.relative_to(bundle).as_posix(): p.read_bytes() for p in bundle.rglob("*") if p.is_file()})
    # And indexed again from the written pages alone, outside any build (every page read back).
    copy = tmp_path / "again"
    shutil.copytree(tmp_path / "one" / "output", copy)
    shutil.rmtree(copy / "pagefind")
    settings = load_settings("pelicanconf.py", {"SITE_SEARCH_INDEX": True, "SITE_SEARCH_PROCESSES": 2})
    assert index_site(copy, read_settings(settings), settings) == 5
    bundles.append(
        {
            p.relative_to(copy / "pagefind").as_posix(): p.read_bytes()
            for p in (copy / "pagefind").rglob("*")
            if p.is_file()
        }
    )
    for other in bundles[1:]:
        assert sorted(bundles[0]) == sorted(other)
        assert [name for name in bundles[0] if bundles[0][name] != other[name]] == []


def test_the_chunk_size_setting_reaches_the_index(tmp_path):
    body = "".join(chr(0x4E00 + i) for i in range(3000))  # 3,000 distinct kanji: 3,000 positions
    files = {"news/a.md": article(title="長い記事", body=body)}
    counts = []
    for locations in (500, 20000):
        (tmp_path / str(locations)).mkdir()
        output = build_site(
            tmp_path / str(locations), files=files, SITE_SEARCH_INDEX=True, SITE_SEARCH_CHUNK_LOCATIONS=locations
        )
        counts.append(len(list((output / "pagefind" / "index").iterdir())))
    assert counts[0] > 2 and counts[1] == 1


def test_the_title_falls_back_to_the_head_and_a_marker_in_a_script_is_no_body():
    html = (
        '<html><head><title>題｜金沢区</title><script>var s = "data-pagefind-body";</script></head>'
        "<body><div data-pagefind-body><p>本文</p></div></body></html>"
    )
    record = page_record(html, "/x/", SECTIONS)
    assert (record.title, record.text) == ("題｜金沢区", "本文")
    assert (
        page_record('<html><body><script>"data-pagefind-body"</script><p>x</p></body></html>', "/y/", SECTIONS) is None
    )


def test_html_files_lists_pages_as_sorted_rglob_without_following_links_out(tmp_path):
    from site_search.indexer import html_files

    site = tmp_path / "site"
    for rel in ("index.html", "a/index.html", "a-b/index.html", "a/b/c.html", "news/x.html", "style.css"):
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text("<p>x</p>", encoding="utf-8")
    (site / "folder.html").mkdir()  # a folder whose name ends like a page
    outside = tmp_path / "secret.html"
    outside.write_text("<main data-pagefind-body>秘密</main>", encoding="utf-8")
    (site / "link.html").symlink_to(outside)
    (site / "linked").symlink_to(tmp_path, target_is_directory=True)
    expected = [
        p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html")) if p.is_file() and not p.is_symlink()
    ]
    assert html_files(site) == expected == ["a/b/c.html", "a/index.html", "a-b/index.html", "index.html", "news/x.html"]


def test_a_failed_merge_leaves_the_bundle_there_was(tmp_path, monkeypatch):
    import site_search.indexer

    files = {"news/n1.md": article(title="お知らせ", body="称名寺と金沢文庫。")}
    output = build_site(tmp_path, files=files, SITE_SEARCH_INDEX=True)
    before = {p.relative_to(output).as_posix(): p.read_bytes() for p in (output / "pagefind").rglob("*") if p.is_file()}

    def broken(*args, **kwargs):
        raise RuntimeError("merge failed")

    monkeypatch.setattr(site_search.indexer, "index_files_of", broken)
    settings = load_settings("pelicanconf.py", {"SITE_SEARCH_INDEX": True})
    with pytest.raises(RuntimeError):
        index_site(output, read_settings(settings), settings)
    after = {p.relative_to(output).as_posix(): p.read_bytes() for p in (output / "pagefind").rglob("*") if p.is_file()}
    assert after == before and before
    assert not (output / ".pagefind-new").exists()


def test_the_footer_after_main_is_never_read_yet_a_marked_element_holding_main_is_read_whole():
    footer = '<footer><p>お問合せ 電話</p><a href="/about/">このサイトについて</a></footer>'
    with_footer = PAGE.replace("</main></body>", f"</main>{footer}</body>")
    assert page_record(with_footer, "/history/shomyoji/", SECTIONS) == page_record(PAGE, "/history/shomyoji/", SECTIONS)
    # The marked element holds <main> and the footer: its text after </main> is the page's too.
    body = "<html><body data-pagefind-body><main><h1>題</h1><p>本文</p></main><footer><p>足元の文</p></footer></body></html>"
    assert page_record(body, "/x/", SECTIONS).text == "題 本文 足元の文"
    # A marked element after <main> (none of our templates) is read as before.
    after = "<html><body><main><p>前</p></main><aside data-pagefind-body><h1>題</h1><p>横の文</p></aside></body></html>"
    assert page_record(after, "/x/", SECTIONS).text == "題 横の文"
