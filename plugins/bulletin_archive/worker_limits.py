"""The limits a PDF reader process puts on itself before it reads anything (cover_worker, identity_worker).

Read from the environment that `bounded.run_bounded` sets. Applied by the worker rather than by a
`preexec_fn`, which Python documents as unsafe when the parent has threads (covers are inspected by
a thread pool). Imports nothing of the project, so a worker never loads Pelican.
"""

from __future__ import annotations

import os
import resource

MEMORY = "WARD_READER_MEMORY_BYTES"
SECONDS = "WARD_READER_CPU_SECONDS"


def apply() -> None:
    """Cap this process's address space and CPU time (RLIMIT_AS, RLIMIT_CPU) as the parent asked."""
    memory, seconds = int(os.environ[MEMORY]), int(os.environ[SECONDS])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
