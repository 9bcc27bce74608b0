"""A build in a process of its own (to kill it, or to run two at once), with the project's settings."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_SCRIPT = """
import json, sys
sys.path[:0] = [sys.argv[1], sys.argv[1] + "/plugins"]
from pathlib import Path
from tools.site_build import build
print(build("pelicanconf.py", Path(sys.argv[2]), json.loads(sys.argv[3])), flush=True)
"""


def start_build(output: Path, overrides: dict) -> subprocess.Popen:
    """`site_build.build` into `output` in a child process; its stdout/stderr are pipes."""
    return subprocess.Popen(
        [sys.executable, "-c", _SCRIPT, str(ROOT), str(output), json.dumps(overrides)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
