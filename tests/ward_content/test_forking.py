"""Work shared with a forked copy (ward_content.forking): results in order, failures raised here."""

from __future__ import annotations

import os

import pytest

from ward_content.forking import side_by_side, split_map


def test_split_map_gives_each_slice_in_order_whatever_the_processes():
    items = list(range(10))
    for processes in (1, 2, 3):
        shares = split_map(lambda part: [n * n for n in part], items, processes)
        assert shares == [[n * n for n in items[i::processes]] for i in range(processes)]


def test_side_by_side_runs_the_second_in_a_copy_and_returns_both():
    here, there = side_by_side(os.getpid, os.getpid)
    assert here == os.getpid() and there != here


def test_a_failure_in_the_copy_is_raised_here():
    def broken():
        raise ValueError("壊れた")

    with pytest.raises(ValueError, match="壊れた"):
        side_by_side(lambda: 1, broken)
