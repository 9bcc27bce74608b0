"""Pagefind's browser files: extracted from the pinned binary, checked whole, kept in a cache that heals."""

from __future__ import annotations

import hashlib

from site_search.client import CLIENT_FILES, PINNED, client_files, pagefind_version, problems


def test_the_pinned_digests_are_those_of_the_installed_pagefind(tmp_path):
    # The real binary, run once on a tiny record: fails when the pin moves until PINNED is updated.
    version, files = client_files("standard", tmp_path)
    assert version == pagefind_version("standard")
    assert {name: hashlib.sha256(files[name]).hexdigest() for name in CLIENT_FILES} == PINNED[("standard", version)]


def test_a_client_file_cut_short_in_the_cache_is_extracted_again(tmp_path):
    version, files = client_files("standard", tmp_path)
    worker = tmp_path / f"pagefind-standard-{version}" / "pagefind-worker.js"
    worker.write_bytes(files["pagefind-worker.js"][:32768])  # as Pagefind once left it under load
    assert client_files("standard", tmp_path)[1] == files
    assert worker.read_bytes() == files["pagefind-worker.js"]


def test_a_file_cut_short_is_a_problem_even_when_it_looks_like_javascript():
    version = pagefind_version("standard")
    whole = {name: PINNED[("standard", version)][name].encode() * 100 for name in CLIENT_FILES}
    found = problems({**whole, "pagefind-worker.js": b"export function x(){"}, version)
    assert any("pagefind-worker.js" in problem for problem in found)
