"""The search normaliser and tokeniser: Python (index) and search-text.js (queries) must agree."""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st
from search_samples import SAMPLES
from site_search import text

FACETS = [["section", "history"], ["year", "2026"], ["section", "Kosodate-2"], ["year", ""]]


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("ショウミョウジ", "しょうみょうじ"),
        ("ｶﾅｻﾞﾜ", "かなざわ"),
        ("ＡＢＣ１２３", "abc123"),
        ("ヴ", "ゔ"),
        ("金沢文庫", "金沢文庫"),
    ],
)
def test_normalise_folds_width_case_and_katakana(raw, normalised):
    assert text.normalise(raw) == normalised


def test_cjk_runs_become_overlapping_bigrams_and_the_last_character():
    assert text.index_tokens("金沢文庫") == [text.encode(x) for x in ("金沢", "沢文", "文庫", "庫")]
    assert text.index_tokens("QRコード 2026年") == [
        "qr",
        text.encode("こー"),
        text.encode("ーど"),
        text.encode("ど"),
        "2026",
        text.encode("年"),
    ]


def test_kana_forms_and_widths_index_alike():
    assert text.index_tokens("ショウミョウジ") == text.index_tokens("しょうみょうじ") == text.index_tokens("ｼｮｳﾐｮｳｼﾞ")


def test_query_parts_are_phrases_of_bigrams_or_single_tokens():
    assert text.query_parts("金沢文庫 花火 庫 pdf") == [
        text.QueryPart(tuple(text.encode(x) for x in ("金沢", "沢文", "文庫")), True),
        text.QueryPart((text.encode("花火"),), False),
        text.QueryPart((text.encode("庫"),), False),
        text.QueryPart(("pdf",), False),
    ]


def test_tokens_are_ascii_so_no_segmenter_can_cut_them_again():
    tokens = text.index_tokens("".join(SAMPLES[:17]))  # up to the first character outside the CJK range
    assert all(token.isascii() and token.isalnum() for token in tokens)
    # A query token of one character is a prefix of every token starting with it.
    tokens = text.index_tokens("金沢文庫の沢")
    assert [t for t in tokens if t.startswith(text.encode("沢"))] == [text.encode("沢文"), text.encode("沢")]


def test_python_and_javascript_cut_every_sample_alike():
    from browser_support import chromium

    script = (ROOT / "theme" / "static" / "js" / "search-text.js").read_text(encoding="utf-8")
    with chromium() as browser:
        page = browser.new_page()
        page.set_content('<html lang="ja"><body></body></html>')
        page.add_script_tag(content=script)
        javascript = page.evaluate(
            """samples => samples.map(s => [WardSearchText.normalise(s), WardSearchText.indexTokens(s),
                WardSearchText.queryParts(s)])""",
            SAMPLES,
        )
        facets = page.evaluate("pairs => pairs.map(p => WardSearchText.facetToken(p[0], p[1]))", FACETS)
    python = [
        [
            text.normalise(s),
            text.index_tokens(s),
            [{"tokens": list(p.tokens), "phrase": p.phrase} for p in text.query_parts(s)],
        ]
        for s in SAMPLES
    ]
    assert json.dumps(javascript, ensure_ascii=False) == json.dumps(python, ensure_ascii=False)
    assert facets == [text.facet_token(kind, value) for kind, value in FACETS]


def reference_tokens(raw: str) -> list[str]:
    """index_tokens written plainly: normalise, cut into units, bigrams of each CJK run."""
    tokens: list[str] = []
    for unit in text.units(text.normalise(raw)):
        if unit.cjk:
            run = unit.text
            tokens += [text.encode(run[i : i + 2]) for i in range(len(run) - 1)] + [text.encode(run[-1])]
        else:
            tokens.append(unit.text)
    return tokens


KANA_AND_WIDTHS = [chr(c) for c in range(0x3000, 0x3100)] + [chr(c) for c in range(0xFF00, 0xFFA0)] + list("aB1 金沢")


@given(st.lists(st.sampled_from(KANA_AND_WIDTHS), max_size=40).map("".join))
def test_index_tokens_fold_katakana_in_the_code_table_as_normalise_does(raw):
    assert text.index_tokens(raw) == reference_tokens(raw)


@pytest.mark.parametrize("raw", SAMPLES)
def test_index_tokens_match_the_plain_definition(raw):
    assert text.index_tokens(raw) == reference_tokens(raw)
