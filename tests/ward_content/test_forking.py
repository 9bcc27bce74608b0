"""Work shared with a forked copy (ward_content.forking): results in order, failures raised here."""

from __future__ import annotations

import itertools
import os
import time

import pytest

from ward_content import forking
from ward_content.forking import shared_map, side_by_side, split_map


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


def test_how_many_processes_a_piece_of_work_gets():
    from ward_content.content_set import DOCUMENTS_WORTH_FORKING
    from ward_content.forking import MAX_PROCESSES, MIN_ITEMS_TO_FORK, process_count, usable_cores

    every_core = min(usable_cores(), MAX_PROCESSES)
    # Asked for (WARD_PROCESSES): that many, never more than the items.
    assert (process_count(5000, 1), process_count(10, 3), process_count(2, 8)) == (1, 3, 2)
    # Not asked: one per core once forking pays; a document is worth forking for sooner than a page.
    assert process_count(MIN_ITEMS_TO_FORK - 1) == 1 and process_count(MIN_ITEMS_TO_FORK) == every_core
    assert DOCUMENTS_WORTH_FORKING < MIN_ITEMS_TO_FORK
    assert process_count(DOCUMENTS_WORTH_FORKING, 0, DOCUMENTS_WORTH_FORKING) == every_core
    assert process_count(DOCUMENTS_WORTH_FORKING - 1, 0, DOCUMENTS_WORTH_FORKING) == 1
    assert process_count(1) == 1


def _slow_sum(part):
    time.sleep(0.005 * len(part))  # long enough for every process to be running by the second chunk
    return os.getpid(), sum(part), len(part)


@pytest.mark.parametrize("processes", [1, 2, 3])
def test_shared_map_gives_every_chunk_once_in_order(processes):
    items = list(range(203))
    results = shared_map(_slow_sum, items, processes, 10)
    sizes = [count for _, _, count in results]
    ends = [sum(sizes[: n + 1]) for n in range(len(sizes))]
    assert [total for _, total, _ in results] == [
        sum(items[end - size : end]) for size, end in zip(sizes, ends, strict=True)
    ]
    assert sum(sizes) == 203 and max(sizes) == 10
    if processes > 1:  # the last chunks smaller, so the processes end close together
        assert sizes == sorted(sizes, reverse=True) and sizes[-2] < 10
    # Every process took its share: the chunks went to whichever was free.
    assert len({pid for pid, _, _ in results}) == processes


def test_chunks_shrink_towards_the_end_within_their_bounds():
    from ward_content.forking import chunk_bounds

    bounds = chunk_bounds(850, 128, 2, 16384)
    sizes = [end - start for start, end in bounds]
    assert bounds[0][0] == 0 and bounds[-1][1] == 850
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert sizes[:3] == [128, 128, 128] and min(sizes[:-1]) == 16 and sizes[-1] <= 16
    # Never more chunks than the pipe holds numbers: even chunks then.
    assert len(chunk_bounds(1000, 1, 2, 100)) == 100


def test_shared_map_keeps_the_pipe_within_its_size_and_raises_a_copys_failure(monkeypatch):
    results = shared_map(len, list(range(100_000)), 2, 1)  # 100,000 chunks asked for: fewer, larger ones
    assert sum(results) == 100_000 and len(results) <= 65536 // 4
    # A system short of pipe memory gives a pipe of 4 KB: the chunks are fewer, never a wait.
    monkeypatch.setattr(forking, "_pipe_size", lambda pipe: 4096)
    results = shared_map(len, list(range(100_000)), 2, 1)
    assert sum(results) == 100_000 and len(results) <= 1024

    def broken(part):
        if 7 in part:
            raise ValueError("壊れた")
        time.sleep(0.01)
        return part

    with pytest.raises(ValueError, match="壊れた"):
        shared_map(broken, list(range(40)), 2, 1)


def test_shared_map_fails_rather_than_leave_chunks_out(monkeypatch):
    # A system that told a larger pipe than it gives: an error, never results silently missing.
    monkeypatch.setattr(forking, "_pipe_size", lambda pipe: 1 << 22)
    with pytest.raises(OSError):
        shared_map(len, list(range(1_000_000)), 2, 1)


def test_every_copy_is_reaped_and_one_that_dies_says_how(monkeypatch):
    started: list[int] = []
    real = forking._fork

    def fork(work, part):
        pid, reader = real(work, part)
        started.append(pid)
        return pid, reader

    monkeypatch.setattr(forking, "_fork", fork)
    assert split_map(lambda part: sum(part), list(range(30)), 3) == [sum(range(30)[i::3]) for i in range(3)]
    deadline = time.monotonic() + 10
    alive = set(started)
    while alive and time.monotonic() < deadline:
        for pid in list(alive):
            try:
                os.kill(pid, 0)  # a zombie still answers
            except ProcessLookupError:
                alive.discard(pid)
        time.sleep(0.01)
    assert len(started) == 2 and not alive, "a copy was left unreaped"

    with pytest.raises(RuntimeError, match="ended with status 3"):
        side_by_side(lambda: 1, lambda: os._exit(3))
