"""Reading PDFs: headings from bookmarks (even when wrapped), paragraphs joined where the PDF wrapped."""

# ruff: noqa: F401, F811 (pytest fixtures are imported from bulletin_fixtures and used as arguments)

import io

import pypdf
import pytest
from bulletin_archive.pdf import PdfProblem, TextBlock, blocks_of, inspect_pdf
from bulletin_fixtures import pdf_bytes


def test_bookmarked_heading_wrapped_over_two_lines_is_one_heading():
    text = "読んで知って楽しむかなざわ(読書活動推進キッ\r\nクオフ事業)\r\n\u3000本文の一行目です。\r\n"
    blocks = blocks_of(text, [("読んで知って楽しむかなざわ(読書活動推進キックオフ事業)", 0)])
    assert blocks == [
        TextBlock("読んで知って楽しむかなざわ(読書活動推進キックオフ事業)", 0),
        TextBlock("本文の一行目です。"),
    ]


def test_wrapped_lines_join_and_a_sentence_end_starts_a_new_paragraph():
    long = "あ" * 40
    text = f"\u3000{long}\n{long}\nおわり。\n次の段落です。\n"
    blocks = blocks_of(text, [])
    assert [b.text for b in blocks] == [long + long + "おわり。", "次の段落です。"]
    assert not any(b.is_heading for b in blocks)


def test_inspect_pdf_matches_an_independent_reader(tmp_path, pdf_bytes):
    path = tmp_path / "2026-03.pdf"
    path.write_bytes(pdf_bytes["2026-03"])
    info = inspect_pdf(path)
    assert info.size == path.stat().st_size
    assert info.page_count == len(pypdf.PdfReader(io.BytesIO(pdf_bytes["2026-03"])).pages)
    text = "".join(block.text for page in info.pages for block in page.blocks)
    assert "広報よこはま金沢区版" in text.replace(" ", "")
    assert any(block.is_heading and block.text == "区役所からのお知らせ" for block in info.pages[-1].blocks)


def test_inspect_pdf_refuses_a_damaged_file(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\nthis is not really a PDF\n")
    with pytest.raises(PdfProblem):
        inspect_pdf(path)
