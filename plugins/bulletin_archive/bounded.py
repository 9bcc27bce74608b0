"""Running a PDF reader in a process of its own, under WARD_LIMITS' memory and time.

pdfium is C++: a hostile PDF could take any amount of memory or crash it. Read in a child process
with RLIMIT_AS and RLIMIT_CPU and a timeout, it can only end that process, and the build reports the
file, located, instead of dying (bulletin covers, the identity a PDF states).
"""

from __future__ import annotations

import os
import subprocess

from ward_content.limits import DEFAULT_LIMITS, Limits

from . import worker_limits


class BoundExceeded(Exception):
    """The reader ran past its time limit."""


def run_bounded(command: list[str], limits: Limits = DEFAULT_LIMITS) -> subprocess.CompletedProcess:
    """Run `command` (a reader script that calls worker_limits.apply() first) under the limits; its
    output captured. BoundExceeded on timeout."""
    env = {
        **os.environ,
        worker_limits.MEMORY: str(limits.render_memory_bytes),
        worker_limits.SECONDS: str(limits.render_seconds),
    }
    try:
        return subprocess.run(command, capture_output=True, timeout=limits.render_seconds, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise BoundExceeded(f"timed out after {limits.render_seconds} s") from None
