"""Recall and precision of the site search, measured in chromium against what the built pages contain.

The pages that should be found are computed from the written HTML (the data-pagefind-body part,
ruby readings and data-search-only readings included), normalised independently of the code under
test (NFKC, lower case, jaconv's katakana to hiragana): a query is relevant to a page when every
space-separated part of it occurs in the page's text. `measure(site)` runs every query through
`/search/?q=…` in one chromium session; tests/site_search/test_recall.py asserts on its figures and
`invoke bench` can report them.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from urllib.parse import quote

import jaconv
from bs4 import BeautifulSoup

# Compounds, names, readings in both kana, mixed kanji-kana words, katakana words, one character,
# half-width kana, numbers.
QUERIES = [
    "金沢文庫",
    "称名寺",
    "海の公園",
    "瀬戸神社",
    "花火大会",
    "金沢まつり",
    "野島公園",
    "健康寿命",
    "子育て",
    "区役所",
    "認知症",
    "朝夷奈切通",
    "金沢八景",
    "北条実時",
    "伊藤博文",
    "広報よこはま",
    "しょうみょうじ",
    "ショウミョウジ",
    "かなざわぶんこ",
    "カナザワブンコ",
    "ｶﾅｻﾞﾜﾌﾞﾝｺ",
    "せとじんじゃ",
    "セトジンジャ",
    "のじまこうえん",
    "ウォーキング",
    "クリーンアップ",
    "エコアクション",
    "おはなし会",
    "花火",
    "歯科",
    "寺",
    "庫",
    "海",
    "2026",
    "金沢 花火",
    "称名寺 国宝",
]


def normalise(text: str) -> str:
    return jaconv.kata2hira(unicodedata.normalize("NFKC", text).lower())


def indexed_pages(site: Path) -> dict[str, str]:
    """URL -> normalised text of every page that marks content for the index."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        body = soup.select_one("[data-pagefind-body]")
        if body is None:
            continue
        for hidden in body.select("script, style, template, rp"):
            hidden.decompose()
        rel = path.relative_to(site).as_posix().removesuffix("index.html")
        pages["/" + rel] = normalise(body.get_text(" "))
    return pages


def history_sites(site: Path) -> list[tuple[str, str, str]]:
    """(url, name, reading) of every history-site page, read from its facts table."""
    sites = []
    for path in sorted((site / "history").glob("*/index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        cells = {th.get_text(strip=True): th.find_next_sibling("td") for th in soup.select("table th")}
        if "読み" in cells and "名称" in cells:
            url = "/" + path.parent.relative_to(site).as_posix() + "/"
            sites.append((url, cells["名称"].get_text(strip=True), cells["読み"].get_text(strip=True)))
    return sites


def event_readings(site: Path) -> list[tuple[str, str]]:
    """(url, reading) of every event page whose name has a reading (title_kana, indexed only)."""
    found = []
    for path in sorted((site / "events").glob("*/index.html")):
        reading = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("[data-search-only]")
        if reading is not None:
            found.append(("/" + path.parent.relative_to(site).as_posix() + "/", reading.get_text(strip=True)))
    return found


def relevant(pages: dict[str, str], query: str) -> set[str]:
    parts = normalise(query).split()
    return {url for url, text in pages.items() if all(part in text for part in parts)}


def found_urls(tab, base: str, query: str, address: bool = True) -> list[str]:
    """Every result the search page lists (pressing さらに表示 until all are shown).

    The query goes in through the address (/search/?q=…), or, when `address` is false, through
    the form of the page already open (no reload: quicker for the many name checks).
    """
    if address:
        tab.goto(f"{base}/search/?q={quote(query)}")
    else:
        tab.fill("#ward-search-q", query)
        tab.press("#ward-search-q", "Enter")
    tab.wait_for_function(
        "q => document.getElementById('ward-search').dataset.state === 'done'"
        " && new URLSearchParams(location.search).get('q') === q",
        arg=query,
        timeout=20000,
    )
    while tab.is_visible("#ward-search-more"):
        count = tab.locator(".ward-search__result").count()
        tab.click("#ward-search-more")
        tab.wait_for_function(f"document.querySelectorAll('.ward-search__result').length > {count}")
    return [a.get_attribute("href") for a in tab.query_selector_all(".ward-search__result-title a")]


def measure(site: Path) -> dict:
    """Per-query recall and precision, their means, every history-site/event reading query missed,
    and any request to another host, for the built site in `site`."""
    from tools.screenshots import chromium, serve

    pages = indexed_pages(site)
    reading_queries = [
        (url, q) for url, name, reading in history_sites(site) for q in (name, reading, jaconv.hira2kata(reading))
    ]
    reading_queries += [(url, q) for url, reading in event_readings(site) for q in (reading, jaconv.kata2hira(reading))]
    figures = {}
    missed = []
    outside: list[str] = []
    with serve(site) as base, chromium() as browser:
        context = browser.new_context()

        def route(route) -> None:
            if route.request.url.startswith(base):
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        tab = context.new_page()
        for query in QUERIES:
            want = relevant(pages, query)
            got = set(found_urls(tab, base, query))
            hits = len(want & got)
            figures[query] = {
                "recall": hits / len(want) if want else 1.0,
                "precision": hits / len(got) if got else 1.0,
                "pages": len(want),
                "found": len(got),
            }
        for url, query in reading_queries:
            if url not in found_urls(tab, base, query, address=False):
                missed.append((url, query))
    return {
        "queries": figures,
        "mean_recall": sum(f["recall"] for f in figures.values()) / len(figures),
        "mean_precision": sum(f["precision"] for f in figures.values()) / len(figures),
        "reading_queries": len(reading_queries),
        "readings_missed": missed,
        "outside_requests": outside,
    }


BYTES_QUERIES = ("金沢文庫", "しょうみょうじ", "花火", "庫")


def query_bytes(site: Path, queries: tuple[str, ...] = BYTES_QUERIES) -> dict[str, dict]:
    """Bytes a browser fetches for each query typed first on a cold visit, and for the next query.

    Per query: every response body of the visit (`all`), the index chunks (`index`), the fragments
    (`fragments`, one per result shown) and the results shown; `next` is what the following query
    of the list fetches in the same visit (the last query's `next` is the first query's).
    """
    from tools.screenshots import chromium, serve

    out: dict[str, dict] = {}
    with serve(site) as base, chromium() as browser:
        for number, query in enumerate(queries):
            context = browser.new_context()
            responses: list = []
            tab = context.new_page()
            tab.on("response", lambda response, responses=responses: responses.append(response))
            found = found_urls(tab, base, query)
            seen = len(responses)
            following = queries[(number + 1) % len(queries)]
            found_urls(tab, base, following, address=False)
            fetched = [(r.url, len(r.body()) if r.ok else 0) for r in responses]
            first = fetched[:seen]
            context.close()
            out[query] = {
                "all": sum(size for _, size in first),
                "index": sum(size for url, size in first if "/pagefind/index/" in url),
                "fragments": sum(size for url, size in first if "/pagefind/fragment/" in url),
                "results": len(found),
                "next": sum(size for _, size in fetched[seen:]),
                "next_query": following,
            }
    return out
