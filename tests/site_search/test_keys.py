"""Token keys (keys.py) and the postings encoded from them (postings.py) against plain references:
text.index_tokens (the rule search-text.js mirrors) and cbor2 encoding each word's nested lists."""

from __future__ import annotations

import itertools
import unicodedata
from collections import defaultdict

import cbor2
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from search_samples import SAMPLES
from site_search import postings
from site_search.keys import WORD_BASE, cjk_token, nfkc, text_keys, title_and_body_keys, token_key
from site_search.postings import TITLE_WEIGHT, WEIGHT_UNIT, page_keys, word_pages
from site_search.text import index_tokens


def tokens_of(keys: np.ndarray, words: dict[str, int]) -> list[str]:
    by_number = {number: word for word, number in words.items()}
    return [cjk_token(key) if key < WORD_BASE else by_number[key - WORD_BASE] for key in keys.tolist()]


@pytest.mark.parametrize("sample", SAMPLES)
def test_keys_are_the_tokens_of_the_reference_tokeniser(sample):
    words: dict[str, int] = {}
    assert tokens_of(text_keys(sample, words), words) == index_tokens(sample)


# Kana of both widths, voiced marks alone, Han, CJK extension B, Latin with accents, digits,
# punctuation and spaces of both widths, a line break, and the characters NFKC or lower() expand.
TEXT = st.text(
    alphabet=st.sampled_from(
        [
            *"あがぱアガパｱｶﾞﾊﾟﾞﾟ゛゜ー々〆ヽヾヷ金沢文庫称名寺𠮷éEÉ1１②ⅫﬁßİΣ,、。 \u3000\n_-・（）Ａｚ",
            "\u3099",
            "\u0301",
            "\U0001f600",
        ]
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_keys_agree_with_the_reference_on_any_mix_of_scripts(sample):
    words: dict[str, int] = {}
    assert tokens_of(text_keys(sample, words), words) == index_tokens(sample)


# The wide characters nfkc replaces first, beside what can combine with or follow them.
WIDE = st.text(
    alphabet=st.sampled_from(
        [*"（）：！／～…Ａｚ０ｶﾞ゛あか\u3000 a", "\u3099", "\u0301", "\u0338", "\uff9e", "\u2025", "\u33a1"]
    ),
    max_size=30,
)


@settings(max_examples=500, deadline=None)
@given(st.one_of(TEXT, WIDE))
def test_the_fast_nfkc_is_nfkc(sample):
    assert nfkc(sample) == unicodedata.normalize("NFKC", sample)


@settings(max_examples=200, deadline=None)
@given(TEXT, TEXT)
def test_title_and_body_are_cut_as_each_would_be_alone(title, body):
    words: dict[str, int] = {}
    title_keys, body_keys = title_and_body_keys(title, body, words)
    assert tokens_of(title_keys, words) == index_tokens(title)
    assert tokens_of(body_keys, words) == index_tokens(body)


def reference_pages(pages: list[tuple[list[str], list[str]]]) -> dict[str, tuple[bytes, int, int]]:
    """Each word's pages as Pagefind lists them, built the plain way and encoded by cbor2."""
    found: dict[str, dict[int, list[int]]] = defaultdict(dict)
    titled = [len(title) for title, _ in pages]
    for number, (title, rest) in enumerate(pages):
        for position, token in enumerate(title + rest):
            found[token].setdefault(number, []).append(position)
    out = {}
    for word, by_page in found.items():
        entries, previous, items = [], 0, 0
        for number in sorted(by_page):
            title = [p for p in by_page[number] if p < titled[number]]
            body = [p for p in by_page[number] if p >= titled[number]]
            listed = []
            for weight, positions in ((WEIGHT_UNIT, body), (TITLE_WEIGHT * WEIGHT_UNIT, title)):
                if positions:
                    steps = [positions[0], *(b - a for a, b in itertools.pairwise(positions))]
                    listed += [-weight - 1, *steps]
            entries.append([number - previous, listed, []])
            items += len(listed) + 1
            previous = number
        out[word] = (cbor2.dumps(entries), items, len(entries))
    return out


def keyed(pages: list[tuple[list[str], list[str]]]) -> list:
    """The same pages as postings.page_keys makes them (tokens written as words)."""
    out = []
    for title, rest in pages:
        words: dict[str, int] = {}
        title_keys = [WORD_BASE + words.setdefault(t, len(words)) for t in title]
        rest_keys = [WORD_BASE + words.setdefault(t, len(words)) for t in rest]
        keys = np.array(rest_keys + title_keys, dtype=np.uint32)
        out.append(postings.PageKeys(keys.tobytes(), tuple(words), len(title)))
    return out


WORDS = st.sampled_from(["qj001", "qj001002", "a", "b", "café", "cafe", "z9"])
PAGES = st.lists(st.tuples(st.lists(WORDS, max_size=4), st.lists(WORDS, max_size=30)), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(PAGES, st.sampled_from([1, 7, postings.GROUP]), st.sampled_from([1, 3, postings.BATCH]), st.booleans())
def test_word_pages_equal_a_plain_encoding(pages, group, batch, packed):
    with pytest.MonkeyPatch.context() as patch:
        # Words sorted in several groups and encoded in several batches, or all at once.
        patch.setattr(postings, "GROUP", group)
        patch.setattr(postings, "BATCH", batch)
        if not packed:
            patch.setattr(postings, "PACKED_BITS", 0)  # the lexsort path of very large sites
        got = {entry.word: (entry.pages, entry.items, entry.page_count) for entry in word_pages(keyed(pages))}
    assert got == reference_pages(pages)


def test_large_page_numbers_and_positions_take_the_longer_cbor_forms():
    # Distances of 24+, 256+ and 65,536+ need CBOR's 1-, 2- and 4-byte arguments.
    long_body = ["x"] * 70_000 + ["w"]
    pages = [([], ["w"])] + [([], ["y"])] * 300 + [(["w"], long_body)]
    got = {entry.word: entry.pages for entry in word_pages(keyed(pages))}
    assert got["w"] == reference_pages(pages)["w"][0]
    assert cbor2.loads(got["w"]) == [[0, [-25, 0], []], [301, [-25, 70_001, -169, 0], []]]


def test_page_keys_cut_a_long_body_but_keep_title_and_facets():
    keys = page_keys("金沢文庫", "称名寺" * 50, ["qzshistory", "qzy2026"], 10)
    assert keys.count == 10 and keys.titled == 4
    values = np.frombuffer(keys.keys, dtype=np.uint32)
    tokens = tokens_of(values, dict(zip(keys.words, range(len(keys.words)), strict=True)))
    # Body first, then facets, then the title (the order the index lists their positions in).
    assert tokens[4:6] == ["qzshistory", "qzy2026"] and tokens[6:] == index_tokens("金沢文庫")


def test_no_pages_give_no_words():
    assert word_pages([]) == [] and word_pages(keyed([([], [])])) == []


def test_a_forked_copy_encodes_the_last_words_and_runs_the_task_alongside(tmp_path, monkeypatch):
    pages = [(["a"], ["qj001", "b", "a"] * 5), ([], ["z9", "b"] * 40), (["café"], ["a", "y"])] * 5
    monkeypatch.setattr(postings, "GROUP", 4)  # several groups, shared between the two processes
    alone = word_pages(keyed(pages))
    marker = tmp_path / "written"
    shared = word_pages(keyed(pages), 2, lambda: marker.write_text("yes"))
    assert shared == alone and [entry.word for entry in alone] == ["a", "b", "café", "qj001", "y", "z9"]
    assert marker.read_text() == "yes"  # written by the forked copy


def test_a_cut_page_keeps_only_the_words_of_the_tokens_it_keeps():
    body = " ".join(f"w{i}" for i in range(5000))  # far more words than the page may keep
    keys = page_keys("お知らせ news", body, ["qzy2026"], 1000)
    values = np.frombuffer(keys.keys, dtype=np.uint32)
    tokens = tokens_of(values, dict(zip(keys.words, range(len(keys.words)), strict=True)))
    expected = index_tokens(body)[: 1000 - len(index_tokens("お知らせ news")) - 1]
    assert tokens == [*expected, "qzy2026", *index_tokens("お知らせ news")]
    assert sorted(keys.words) == sorted({*expected, "news", "qzy2026"})


def test_importing_the_index_starts_no_thread_before_the_build_forks():
    # numpy's OpenBLAS would start a pool of idle threads; the build forks after importing plugins.
    import subprocess
    import sys

    from conftest import ROOT

    script = "import os, site_search.postings; print(len(os.listdir('/proc/self/task')))"
    env = {"PYTHONPATH": f"{ROOT / 'plugins'}:{ROOT}", "PATH": "/usr/bin:/bin"}
    found = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert found.stdout.strip() == "1"


@pytest.mark.parametrize("text", ["qj000", "qj2bf", "qj2bf3k1", "qjzzzzzz"])
def test_token_key_reads_back_what_cjk_token_writes(text):
    assert cjk_token(token_key(text)) == text


@pytest.mark.parametrize("text", ["qj", "qj00", "qj0000", "qjABC", "news", "qj2bf3k1x"])
def test_other_words_are_no_token(text):
    assert token_key(text) is None
