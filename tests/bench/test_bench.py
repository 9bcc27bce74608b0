"""`invoke bench` runs end to end on a small corpus: every measurement, the ratios and the table.

Figures are not asserted (speed is measured, never a test's verdict); what is asserted is that every
measurement ran on the same corpus and produced a number, so the bench does not rot between runs.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_the_bench_measures_every_variant_on_one_corpus():
    from tools.bench import run_size, table

    lines: list[str] = []
    result = run_size(120, 1, lines.append)
    assert result["documents"] == 120
    assert set(result["runs"]) == {"plain", "ours", "ours_ci", "ours_ci_without_index", "rebuild", "preview"}
    # The index's share is a difference of two medians: on 120 documents it may come out at or below 0.
    assert result["index_s"] == result["ours_ci_s"] - result["unindexed_s"]
    keys = ("plain_s", "ours_s", "ours_ci_s", "unindexed_s", "ratio", "ci_ratio", "rebuild_s", "preview_edit_median_s")
    for key in keys:
        assert result[key] > 0, key
    assert result["rebuild_written"] == 0  # nothing changed, nothing written
    assert len(result["runs"]["preview"]["edits_s"]) == 10
    rows = table([result]).splitlines()
    assert rows[0].startswith("| documents | plain Pelican |") and rows[2].startswith("| 120 |")
