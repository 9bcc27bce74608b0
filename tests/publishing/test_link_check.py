"""The internal link check: every internal href/src names a written file, every #anchor an id on it."""

from __future__ import annotations

import pytest
from conftest import write_files

from tools.link_check import LinkProblem, check_links

# Pure checks on hand-written files: in the fast tier, unlike the rest of tests/publishing/.
pytestmark = pytest.mark.unit

SITE = "https://kanazawa-ward.example/ward"


def page(body: str) -> str:
    return f'<!doctype html>\n<html lang="ja"><head><title>t</title></head>\n<body>\n{body}\n</body></html>\n'


@pytest.fixture
def site(tmp_path):
    return write_files(
        tmp_path,
        {
            "index.html": page('<h2 id="top-news">新着</h2>'),
            "news/a/index.html": page('<h2 id="会場">会場</h2><a name="old">古い</a>'),
            "theme/css/site.css": "body{}",
            "images/photo.jpg": b"jpeg",
            "feeds/all.atom.xml": "<feed/>",
        },
    )


@pytest.mark.parametrize(
    "link",
    [
        "/",
        "/news/a/",
        "/news/a",
        "/news/a/index.html",
        "news/a/",
        "./news/a/#会場",
        "/news/a/#%E4%BC%9A%E5%A0%B4",
        "/news/a/#old",
        "/#top-news",
        "#here",
        "#",
        "/theme/css/site.css?v=1",
        f"{SITE}/news/a/#会場",
        f"{SITE}/",
        SITE,
        "https://www.city.yokohama.lg.jp/missing/",
        "https://kanazawa-ward.example/elsewhere/",
        "mailto:kz-kocho@city.yokohama.lg.jp",
        "tel:045-788-7721",
        "javascript:void(0)",
    ],
)
def test_working_and_external_links_pass(site, link):
    write_files(site, {"check.html": page(f'<a id="here" href="{link}">x</a>')})
    assert check_links(site, (SITE,)) == []


@pytest.mark.parametrize(
    ("markup", "link", "code"),
    [
        ('<a href="/news/b/">x</a>', "/news/b/", "broken internal link"),
        ('<a href="news/b/">x</a>', "news/b/", "broken internal link"),
        (f'<a href="{SITE}/news/b/">x</a>', f"{SITE}/news/b/", "broken internal link"),
        (
            '<a href="//kanazawa-ward.example/ward/nai/">x</a>',
            "//kanazawa-ward.example/ward/nai/",
            "broken internal link",
        ),
        ('<img src="/images/nai.jpg" alt="x">', "/images/nai.jpg", "broken internal link"),
        (
            '<img src="/images/photo.jpg" srcset="/images/photo.jpg 1x, /images/nai@2x.jpg 2x" alt="x">',
            "/images/nai@2x.jpg",
            "broken internal link",
        ),
        ('<link rel="stylesheet" href="/theme/css/nai.css">', "/theme/css/nai.css", "broken internal link"),
        ('<script src="/theme/js/nai.js"></script>', "/theme/js/nai.js", "broken internal link"),
        ('<a href="/news/a/#nai">x</a>', "/news/a/#nai", "missing anchor"),
        ('<a href="#nai">x</a>', "#nai", "missing anchor"),
    ],
)
def test_broken_links_are_named(site, markup, link, code):
    write_files(site, {"check.html": page(markup)})
    problems = check_links(site, (SITE,))
    assert [(p.page, p.line, p.link, p.code_en) for p in problems] == [("check.html", 4, link, code)]


def test_messages_say_what_is_wrong_in_japanese(site):
    write_files(site, {"check.html": page('<a href="/nai/">x</a>\n<a href="/news/a/#nai">y</a>')})
    assert [p.format() for p in check_links(site, (SITE,))] == [
        "output/check.html:4: リンク「/nai/」: リンク先のページやファイルがありません (broken internal link)",
        "output/check.html:5: リンク「/news/a/#nai」: リンク先のページに「#nai」の場所（id）がありません (missing anchor)",
    ]


def test_feed_and_sitemap_links_are_checked(site):
    write_files(
        site,
        {
            "feeds/all.atom.xml": (
                '<feed xmlns="http://www.w3.org/2005/Atom">'
                f'<link href="{SITE}/"/><entry><link href="{SITE}/news/gone/"/></entry></feed>'
            ),
            "sitemap.xml": (
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<url><loc>{SITE}/news/a/</loc></url><url><loc>{SITE}/old/</loc></url></urlset>"
            ),
        },
    )
    assert [(p.page, p.link) for p in check_links(site, (SITE,))] == [
        ("feeds/all.atom.xml", f"{SITE}/news/gone/"),
        ("sitemap.xml", f"{SITE}/old/"),
    ]


def test_problem_is_sortable_and_frozen():
    problem = LinkProblem("a.html", 1, "/x/", "m", "broken internal link")
    with pytest.raises(AttributeError):
        problem.page = "b.html"


def test_stylesheet_urls_are_checked_relative_to_the_stylesheet(site):
    write_files(
        site,
        {
            "theme/css/site.css": (
                "body { background: url(../../images/photo.jpg); }\n"
                "@import 'print.css';\n"
                ".a { background-image: url('img/nai.png'); }\n"
                ".b { background: url(data:image/png;base64,AAAA); behavior: url(#default#VML); }\n"
            ),
            "theme/css/print.css": "",
        },
    )
    assert [(p.page, p.line, p.link) for p in check_links(site, (SITE,))] == [
        ("theme/css/site.css", 3, "img/nai.png"),
    ]
