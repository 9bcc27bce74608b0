"""Site-wide checks of the real sample site (content/ built once): every page, every feed, every content file.

Generic on purpose: each check holds for every page the site has, whichever plugin wrote it.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

from tools.link_check import check_links
from tools.publish import group_link_problems, validate_html

# pelicanconf.py: WARD_PUBLIC_URL and SITEURL (feeds, canonical links and 404 links use it).
OWN_HOSTS = {"localhost:8000"}
OWN_URLS = ("http://localhost:8000",)
JP_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日（[月火水木金土日]）$")
FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"


@pytest.fixture(scope="module")
def pages(sample_site) -> dict[str, BeautifulSoup]:
    """Every written HTML page residents read, parsed once, by output-relative path.

    /admin/ is the CMS's shell, drawn by Decap CMS at run time; tests/cms_admin checks it.
    """
    return {
        path.relative_to(sample_site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(sample_site.rglob("*.html"))
        if not path.relative_to(sample_site).as_posix().startswith("admin/")
    }


def report(problems: dict[str, list[str]] | list[str]) -> str:
    """An assertion message listing every problem, page by page."""
    if isinstance(problems, dict):
        return "\n".join(f"{page}: {problem}" for page, found in sorted(problems.items()) for problem in found)
    return "\n".join(problems)


def external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) and parts.netloc not in OWN_HOSTS


def test_the_sample_site_has_many_pages(pages):
    # A guard: the checks below would pass trivially on an empty build.
    assert len(pages) > 50
    assert "index.html" in pages and "search/index.html" in pages


def test_every_page_passes_the_nu_html_checker(sample_site):
    # One Java run for every page; vnu's own messages (page:line.col: error: ...) on failure.
    messages = validate_html(sample_site)
    assert messages == [], "\n" + report(messages)


def test_no_broken_internal_link_or_anchor(sample_site):
    problems = group_link_problems(check_links(sample_site, OWN_URLS))
    assert problems == [], "\n" + report(problems)


def test_feeds_and_sitemap_parse_as_xml(sample_site):
    files = [*sorted((sample_site / "feeds").glob("*.xml")), sample_site / "sitemap.xml"]
    assert len(files) > 3
    broken = []
    for path in files:
        try:
            ET.parse(path)
        except ET.ParseError as exc:
            broken.append(f"{path.relative_to(sample_site)}: {exc}")
    assert broken == [], report(broken)


def test_every_page_has_exactly_one_h1(pages):
    found = {
        rel: [f"{len(page.find_all('h1'))} 個の h1"] for rel, page in pages.items() if len(page.find_all("h1")) != 1
    }
    assert not found, report(found)


def test_every_page_has_a_unique_non_empty_title(pages):
    by_title = defaultdict(list)
    for rel, page in pages.items():
        by_title[page.title.get_text(strip=True) if page.title else ""].append(rel)
    assert "" not in by_title, f"no title: {by_title['']}"
    shared = {title: rels for title, rels in by_title.items() if len(rels) > 1}
    assert not shared, "\n".join(f"「{title}」: {', '.join(rels)}" for title, rels in shared.items())


def test_every_page_is_in_japanese(pages):
    assert [rel for rel, page in pages.items() if page.html.get("lang") != "ja"] == []


def test_skip_link_is_the_first_focusable_element_and_reaches_main(pages):
    found = {}
    for rel, page in pages.items():
        first = page.body.select_one(FOCUSABLE)
        problems = []
        if first is None or first.name != "a" or first.get("href") != "#main":
            problems.append(f"first focusable element is {first}")
        if page.find(id="main") is None or page.find(id="main").name != "main":
            problems.append("no <main id='main'>")
        if problems:
            found[rel] = problems
    assert not found, report(found)


def test_no_duplicate_ids(pages):
    found = {}
    for rel, page in pages.items():
        ids = [tag["id"] for tag in page.find_all(id=True)]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            found[rel] = duplicates
    assert not found, report(found)


def test_every_image_has_an_alt_attribute(pages):
    found = {rel: [str(img)] for rel, page in pages.items() for img in page.find_all("img") if not img.has_attr("alt")}
    assert not found, report(found)


def test_no_skipped_heading_level(pages):
    found = {}
    for rel, page in pages.items():
        previous = 0
        for heading in page.find_all(re.compile(r"^h[1-6]$")):
            level = int(heading.name[1])
            if level > previous + 1:
                found.setdefault(rel, []).append(f"h{previous} → {heading.name}「{heading.get_text(strip=True)}」")
            previous = level
    assert not found, report(found)


def test_no_link_text_is_only_kochira(pages):
    found = {
        rel: [str(a)]
        for rel, page in pages.items()
        for a in page.find_all("a")
        if a.get_text(strip=True).strip("。") in ("こちら", "ここ", "こちらをクリック")
    }
    assert not found, report(found)


def test_external_links_open_without_opener(pages):
    found = defaultdict(list)
    for rel, page in pages.items():
        for a in page.find_all("a", href=True):
            if external(a["href"]) and "noopener" not in (a.get("rel") or []):
                found[rel].append(a["href"])
    assert not found, report(found)


def test_no_page_loads_anything_from_another_host(pages):
    """No third-party request on page load: scripts, stylesheets, icons, images and frames come from the site."""
    found = defaultdict(list)
    for rel, page in pages.items():
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
            for element in page.find_all(tag):
                url = element.get(attribute) or ""
                if tag == "link" and set(element.get("rel") or []) & {"canonical", "alternate"}:
                    continue  # addresses, not fetched on load
                if external(url):
                    found[rel].append(f"<{tag} {attribute}={url}>")
            if tag == "iframe" and page.find("iframe"):
                found[rel].append("<iframe>")
    assert not found, report(found)


def test_every_content_file_has_a_page(sample_site):
    from conftest import check_tree

    result = check_tree(ROOT / "content")
    assert result.errors == ()
    published = [doc for doc in result.documents if not is_draft(doc)]
    assert len(published) > 50
    missing = [f"{doc.shown} → /{doc.url}" for doc in published if not (sample_site / doc.url / "index.html").is_file()]
    assert missing == [], report(missing)


def is_draft(doc) -> bool:
    return getattr(doc.meta, "status", None) == "draft" or getattr(doc.meta, "draft", False) is True


def test_article_pages_show_japanese_dates(sample_site):
    from conftest import check_tree

    articles = [doc for doc in check_tree(ROOT / "content").documents if doc.kind.name == "news" and not is_draft(doc)]
    assert articles
    found = {}
    for doc in articles:
        page = BeautifulSoup((sample_site / doc.url / "index.html").read_text(encoding="utf-8"), "html.parser")
        dates = [t.get_text(strip=True) for t in page.select("main time")]
        if not dates or not all(JP_DATE.match(text) for text in dates):
            found[doc.url] = dates
    assert not found, report({url: [repr(dates)] for url, dates in found.items()})


def test_every_listed_article_has_a_summary(pages):
    items = [(rel, item) for rel, page in pages.items() for item in page.select(".ward-list__item")]
    assert len(items) > 10
    found = defaultdict(list)
    for rel, item in items:
        summary = item.select_one(".ward-list__summary")
        if summary is None or not summary.get_text(strip=True):
            found[rel].append(item.select_one(".ward-list__title").get_text(strip=True))
    assert not found, report(found)


def test_no_page_shows_escaped_markup_as_text(pages):
    """Text escaped twice shows residents 「Let&#x27;s」 instead of 「Let's」."""
    entity = re.compile(r"&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);")
    found = defaultdict(list)
    for rel, page in pages.items():
        for match in entity.finditer(page.get_text()):
            found[rel].append(page.get_text()[max(0, match.start() - 20) : match.end() + 5].strip())
    assert not found, report(found)


def test_list_dates_are_japanese(pages):
    found = defaultdict(list)
    for rel, page in pages.items():
        for time in page.select(".ward-list__meta time"):
            if not JP_DATE.match(time.get_text(strip=True)):
                found[rel].append(time.get_text(strip=True))
    assert not found, report(found)


def test_sample_site_output_folder_is_not_the_project_output(sample_site):
    assert Path(sample_site) != ROOT / "output"
