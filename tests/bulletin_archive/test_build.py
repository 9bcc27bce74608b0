"""A tiny archive built for real: fiscal-year grouping, PDF labels, full text, covers and their cache, feed."""

# ruff: noqa: F401, F811 (pytest fixtures are imported from bulletin_fixtures and used as arguments)

import io
import logging
import posixpath
import xml.etree.ElementTree as ET

import pypdf
import pytest
from bulletin_fixtures import archive_files, cache_dir, issue_text, number_of, pdf_bytes
from conftest import build_site, soup
from PIL import Image

ATOM = "{http://www.w3.org/2005/Atom}"
# February and March 2026 are 令和7年度; April 2026 starts 令和8年度.
MONTHS = ("2026-02", "2026-03", "2026-04")


def _build(tmp_path, archive_files, cache_dir, **overrides):
    tmp_path.mkdir(exist_ok=True)
    return build_site(tmp_path, files=archive_files(*MONTHS), BULLETIN_CACHE_PATH=str(cache_dir), **overrides)


@pytest.fixture(scope="module")
def archive_site(tmp_path_factory, pdf_bytes):
    """The archive of MONTHS built once for the tests that only read it (tests that build differently build)."""
    root = tmp_path_factory.mktemp("archive")
    files: dict[str, str | bytes] = {}
    for month in MONTHS:
        files[f"bulletins/{month}.md"] = issue_text(month, number_of(month))
        files[f"bulletins/{month}.pdf"] = pdf_bytes[month]
    return build_site(root, files=files, BULLETIN_CACHE_PATH=str(root / "covers-cache"))


def test_landing_groups_by_fiscal_year_at_the_april_and_march_edges(archive_site):
    output = archive_site
    page = soup(output, "bulletins/index.html")
    assert page.select_one("h1").get_text() == "広報よこはま金沢区版"
    years = page.select(".ward-bulletin-year")
    assert [y.select_one("h3 a").get_text() for y in years] == ["令和8年度", "令和7年度"]
    titles = [[a.get_text() for a in y.select(".ward-bulletin-card__title a")] for y in years]
    assert titles == [["令和8年4月号（No.342）"], ["令和8年3月号（No.341）", "令和8年2月号（No.340）"]]
    assert page.select_one(".ward-bulletin-latest .ward-bulletin-card__title").get_text() == "令和8年4月号（No.342）"
    for img in page.select(".ward-bulletin-year img"):
        assert (output / "bulletins" / img["src"]).resolve().is_file()
    fy2025 = soup(output, "bulletins/fy2025/index.html")
    assert fy2025.select_one("h1").get_text() == "令和7年度の広報よこはま金沢区版"
    assert len(fy2025.select(".ward-bulletin-grid__item")) == 2
    assert (
        soup(output, "bulletins/fy2026/index.html")
        .select_one(".ward-bulletin-card__title a")["href"]
        .endswith("/bulletins/2026-04/")
    )


def test_issue_page_states_the_real_pdf_size_and_pages_and_links_resolve(archive_site, pdf_bytes):
    output = archive_site
    page = soup(output, "bulletins/2026-03/index.html")
    link = page.select_one(".ward-bulletin__download a")
    pages = len(pypdf.PdfReader(io.BytesIO(pdf_bytes["2026-03"])).pages)
    target = output / posixpath.normpath(posixpath.join("bulletins/2026-03", link["href"]))
    # The published copy is the PDF without its metadata (pdf_privacy); its size is the one stated.
    published = pypdf.PdfReader(target)
    assert len(published.pages) == pages and "/Producer" not in (published.metadata or {})
    size_kb = round(target.stat().st_size / 1024)
    assert link.get_text() == f"令和8年3月号をダウンロード（PDF {size_kb}KB・{pages}ページ）"
    assert page.select_one(".ward-bulletin__prev a")["href"].endswith("/bulletins/2026-02/")
    assert page.select_one(".ward-bulletin__next a")["href"].endswith("/bulletins/2026-04/")
    assert [li.get_text() for li in page.select(".ward-bulletin__contents li")] == [
        "特集記事2ページ",
        "区役所からのお知らせ3ページ",
    ]
    cover = page.select_one(".ward-bulletin__cover")
    assert cover["alt"] == "令和8年3月号の表紙。特集「3月号の特集」"


def test_full_text_from_the_pdf_is_in_a_details_section_with_headings(archive_site):
    output = archive_site
    details = soup(output, "bulletins/2026-03/index.html").select_one("details.ward-bulletin__text")
    assert "全文を読む" in details.select_one("summary").get_text()
    text = details.get_text()
    # A sentence of the ward's plan, drawn into the PDF by tools/sample_bulletins.py.
    assert "今月11日以降の記事を掲載しています。" in text
    assert [h.get_text() for h in details.select("h3")][:2] == ["1ページ", "2ページ"]
    assert "区役所からのお知らせ" in [h.get_text() for h in details.select("h4")]


def test_covers_have_the_configured_size_and_are_not_rendered_twice(tmp_path, archive_files, cache_dir, caplog):
    caplog.set_level(logging.INFO)

    def renders():
        return [r for r in caplog.records if r.getMessage().startswith("bulletin cover rendered")]

    output = _build(tmp_path / "first", archive_files, cache_dir)
    assert len(renders()) == 3
    with Image.open(output / "bulletins/2026-03/cover.webp") as image:
        assert (image.format, image.size) == ("WEBP", (240, 340))
    cached = sorted(cache_dir.iterdir())
    stamps = [p.stat().st_mtime_ns for p in cached]
    caplog.clear()
    again = _build(tmp_path / "second", archive_files, cache_dir)
    assert renders() == []
    assert [p.stat().st_mtime_ns for p in sorted(cache_dir.iterdir())] == stamps
    assert (again / "bulletins/2026-03/cover.webp").read_bytes() == (
        output / "bulletins/2026-03/cover.webp"
    ).read_bytes()


def test_jpeg_covers_of_another_size(tmp_path, archive_files, cache_dir):
    output = _build(tmp_path, archive_files, cache_dir, BULLETIN_COVER_FORMAT="jpeg", BULLETIN_COVER_SIZE=(120, 170))
    with Image.open(output / "bulletins/2026-02/cover.jpg") as image:
        assert (image.format, image.size) == ("JPEG", (120, 170))
    page = soup(output, "bulletins/2026-02/index.html")
    # The single cover is the page's og:image; on the page the cover is a <picture> at 1x, 2x, 3x.
    assert page.select_one("meta[property='og:image']")["content"].endswith("bulletins/2026-02/cover.jpg")
    cover = page.select_one("picture .ward-bulletin__cover")
    assert cover["srcset"].endswith(
        "cover-120w.jpg 120w, ../../bulletins/2026-02/cover-240w.jpg 240w, ../../bulletins/2026-02/cover-360w.jpg 360w"
    )


def test_home_page_shows_the_latest_issue(archive_site):
    output = archive_site
    block = soup(output, "index.html").select_one("section[aria-labelledby=home-bulletin]")
    assert block.select_one("h2").get_text() == "広報よこはま金沢区版"
    assert block.select_one(".ward-bulletin-card__title").get_text() == "令和8年4月号（No.342）"
    assert "PDF" in block.select_one(".ward-bulletin-card__pdf").get_text()


def test_atom_feed_lists_issues_newest_first_with_the_pdf(archive_site, pdf_bytes):
    output = archive_site
    feed = ET.fromstring((output / "feeds/bulletins.atom.xml").read_bytes())
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text.split()[0] for e in entries] == ["令和8年4月号", "令和8年3月号", "令和8年2月号"]
    enclosure = entries[1].find(f"{ATOM}link[@rel='enclosure']")
    assert enclosure.get("href") == "http://localhost:8000/bulletins/2026-03.pdf"
    assert enclosure.get("length") == str((output / "bulletins" / "2026-03.pdf").stat().st_size)  # as published
    assert feed.find(f"{ATOM}updated").text == "2026-04-01T00:00:00+09:00"


def test_two_builds_write_the_same_bytes(tmp_path, archive_files, cache_dir):
    first = _build(tmp_path / "a", archive_files, cache_dir)
    second = _build(tmp_path / "b", archive_files, tmp_path / "other-cache")
    for rel in (
        "bulletins/index.html",
        "bulletins/2026-03/index.html",
        "bulletins/2026-03/cover.webp",
        "feeds/bulletins.atom.xml",
    ):
        assert (first / rel).read_bytes() == (second / rel).read_bytes(), rel


def test_each_issue_pdf_is_read_once_and_published_without_metadata(tmp_path, archive_files, cache_dir, monkeypatch):
    """An issue's PDF with metadata is published from its kept cleaned copy, which the PDF pass does not
    read again; one without metadata is published as it is and still checked by the pass."""
    import hashlib

    import pdf_privacy.plugin as pdf_pass
    from pdf_privacy.core import strip_metadata

    files = archive_files("2026-02", "2026-03")
    files["bulletins/2026-03.pdf"] = strip_metadata(files["bulletins/2026-03.pdf"])  # nothing left to strip
    checked = []
    real, real_pass = pdf_pass.cleaned_bytes, pdf_pass.clean_published_pdfs
    in_pass = []

    def counted(data, cache):
        if in_pass:  # read by the PDF pass (the bulletin's own reads are not counted)
            checked.append(hashlib.sha256(data).hexdigest())
        return real(data, cache)

    def the_pass(*args, **kwargs):
        in_pass.append(True)
        try:
            return real_pass(*args, **kwargs)
        finally:
            in_pass.clear()

    monkeypatch.setattr(pdf_pass, "cleaned_bytes", counted)
    monkeypatch.setattr(pdf_pass, "clean_published_pdfs", the_pass)
    output = build_site(tmp_path, files=files, BULLETIN_CACHE_PATH=str(cache_dir))

    published = {}
    for month in ("2026-02", "2026-03"):
        page = soup(output, f"bulletins/{month}/index.html")
        link = page.select_one(".ward-bulletin__download a")
        target = output / posixpath.normpath(posixpath.join(f"bulletins/{month}", link["href"]))
        assert "/Producer" not in (pypdf.PdfReader(target).metadata or {})
        assert f"PDF {round(target.stat().st_size / 1024)}KB" in link.get_text()
        published[month] = hashlib.sha256(target.read_bytes()).hexdigest()
    assert published["2026-03"] == hashlib.sha256(files["bulletins/2026-03.pdf"]).hexdigest()
    assert checked == [published["2026-03"]]
