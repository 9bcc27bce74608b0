"""Site search: the /search/ page and a Pagefind index of the written site, served from the site itself."""

import os

# numpy's OpenBLAS starts a pool of threads when numpy is imported (keys.py, postings.py). The index
# calls no BLAS routine, and the build forks (ward_content.forking): a process that forks should
# not hold idle threads (a lock one of them held would stay held in the copy).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from .plugin import register

__all__ = ["register"]
