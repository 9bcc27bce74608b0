"""A build in a process of its own (to kill it, or to run two at once), with the project's settings."""

from __future__ import annotations

import json
import resource
import signal
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


def _file_size_limit(limit: int):
    def apply() -> None:
        # Writes past the limit then fail with EFBIG, as on a full disk, instead of killing the process.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def start_build(output: Path, overrides: dict, max_file_bytes: int | None = None) -> subprocess.Popen:
    """`site_build.build` into `output` in a child process; its stdout/stderr are pipes.

    `max_file_bytes` makes every larger write fail, the way a full disk does.
    """
    return subprocess.Popen(
        [sys.executable, "-c", _SCRIPT, str(ROOT), str(output), json.dumps(overrides)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        preexec_fn=_file_size_limit(max_file_bytes) if max_file_bytes else None,
    )
