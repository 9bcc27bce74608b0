"""`status: draft` is the one way to hold back a page of any kind: previewed under /drafts/, never published."""

from __future__ import annotations

import io

import pytest
from conftest import article, build_site, load_document, soup, write_files

from ward_content.errors import ContentErrors

pytest.importorskip("reportlab")


def _pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    page.drawString(72, 720, "Kanazawa 2026-12")
    page.showPage()
    page.save()
    return buffer.getvalue()


EVENT = """---
title: 下書きの催し
announced: 2026-11-01
section: festival
start: 2026-12-05 19:00
venue:
  name: 海の公園
  address: 横浜市金沢区海の公園
status: draft
---
準備中です。
"""
CAMPAIGN = """---
title: 下書きの事業
section: health
start: 2026-04-01
end: 2027-03-31
status: draft
---
準備中です。
"""
SITE = """---
name: 下書き寺
reading: したがきでら
designation: 未指定
category:
- 寺社
era: 鎌倉時代
address: 金沢区金沢町
sources:
- kind: 公式・行政
  title: 区の資料
status: draft
---
準備中です。
"""
ISSUE = """---
issue_date: 2026-12-01
number: 350
pdf: 2026-12.pdf
headline: 下書きの特集
contents:
- title: 下書きの特集
  page: 1
status: draft
---
準備中です。
"""
FILES = {
    "news/wip.md": article("下書きの記事", status="draft"),
    "news/pub.md": article("公開の記事"),
    "events/wip-event.md": EVENT,
    "campaigns/wip-campaign.md": CAMPAIGN,
    "history/sites/wip-site.md": SITE,
    "bulletins/2026-12.md": ISSUE,
}
DRAFT_PAGES = {
    "drafts/news/wip/index.html": "下書きの記事",
    "drafts/events/wip-event/index.html": "下書きの催し",
    "drafts/campaigns/wip-campaign/index.html": "下書きの事業",
    "drafts/history/wip-site/index.html": "下書き寺",
    "drafts/bulletins/2026-12/index.html": "令和8年12月号",
}


@pytest.fixture(scope="module")
def files():
    return {**FILES, "bulletins/2026-12.pdf": _pdf()}


def test_every_kind_takes_status_draft(tmp_path, files):

    root = write_files(tmp_path / "content", files)
    for rel in FILES:
        doc = load_document(root, rel)
        assert doc.is_draft == ("wip" in rel or rel.startswith("bulletins/")), rel


def test_every_draft_is_previewed_under_drafts_and_listed_nowhere(tmp_path, files):
    output = build_site(tmp_path, files, BULLETIN_CACHE_PATH=str(tmp_path / "covers"))
    for rel, title in DRAFT_PAGES.items():
        assert (output / rel).is_file(), rel
        page = soup(output, rel)
        assert title in page.select_one("h1").get_text()
        assert "下書き" in page.select_one(".ward-draft-notice").get_text()
    listing = soup(output, "drafts/index.html")
    links = {a["href"]: a.get_text() for a in listing.select(".ward-drafts a")}
    for href in links:
        assert ((output / "drafts" / href).resolve() / "index.html").is_file(), href
    assert sorted(links.values()) == sorted(
        ["下書きの記事", "下書きの催し", "下書きの事業", "下書き寺", "下書きの特集"]
    ), links
    for public in ("events/wip-event", "campaigns/wip-campaign", "history/wip-site", "bulletins/2026-12", "news/wip"):
        assert not (output / public / "index.html").exists(), public
    listed = " ".join(
        soup(output, page).get_text() for page in ("index.html", "events/index.html", "history/index.html")
    )
    assert not any(title in listed for title in DRAFT_PAGES.values())


def test_production_writes_no_draft(tmp_path, files):
    output = build_site(tmp_path, files, settings="publishconf.py", BULLETIN_CACHE_PATH=str(tmp_path / "covers"))
    assert not (output / "drafts").exists()
    assert (output / "news" / "pub" / "index.html").is_file()
    assert soup(output, "news/pub/index.html").select_one(".ward-draft-notice") is None


def test_event_state_moved_out_of_status_with_a_hint(tmp_path):

    root = write_files(tmp_path / "content", {"events/a.md": EVENT.replace("status: draft", "status: 中止")})
    with pytest.raises(ContentErrors) as caught:
        load_document(root, "events/a.md")
    (error,) = caught.value.errors
    assert error.format() == (
        "content/events/a.md:9: status: 「中止」は status ではなく event_status に書きます（event_status: 中止）。"
        "status は published（公開）か draft（下書き）です (event state in status)"
    )


def test_the_old_draft_field_points_to_status(tmp_path):
    root = write_files(tmp_path / "content", {"campaigns/a.md": CAMPAIGN.replace("status: draft", "draft: true")})
    with pytest.raises(ContentErrors) as caught:
        load_document(root, "campaigns/a.md")
    (error,) = caught.value.errors
    assert error.format() == (
        "content/campaigns/a.md:6: draft: 「draft」という項目はありません。"
        "下書きはどの種類でも status: draft と書きます（draft: の行は消してください） (unknown field)"
    )
