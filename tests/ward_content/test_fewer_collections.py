"""The build's garbage-collector setting ends with the build and leaves nothing behind."""

from __future__ import annotations

import gc
import weakref

from tools.site_build import fewer_collections


class _Node:
    pass


def test_collector_is_as_before_after_a_build_and_its_cycles_are_still_freed():
    before = gc.get_threshold()
    with fewer_collections():
        assert gc.get_threshold()[0] > before[0]
        made = [_Node() for _ in range(20_000)]  # a build's worth of young objects
        cycle = _Node()
        cycle.me = cycle
        alive = weakref.ref(cycle)
        del cycle
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    # The young generation starts empty: restoring the threshold does not start a pass over the build.
    assert gc.get_count()[0] < before[0]
    assert all(gc.is_tracked(node) for node in made[:10])
    assert alive() is not None  # not looked at yet ...
    gc.collect()
    assert alive() is None  # ... and freed by the next full pass
