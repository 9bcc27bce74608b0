"""Work split over forked copies of this process: the build's memory is shared copy-on-write.

A process pool would pickle every task's inputs (the whole site's context for a page); a fork starts
with all of it, and only each part's result travels back, pickled, over a pipe. Used to load the
content set, to render the pages on every core (two on CI) and to share the search index's merge.
Written here because no library does "fork, run a function on a slice, send back its result"
without pickling the inputs.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import sys
import threading
from collections.abc import Callable, Sequence
from functools import partial
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many items a fork costs more than it saves.
MIN_ITEMS_TO_FORK = 200
MAX_PROCESSES = 4


def process_count(items: int, asked: int = 0, worth_forking: int = MIN_ITEMS_TO_FORK) -> int:
    """Processes for `items` items: `asked` when given (WARD_PROCESSES), else one per core this process
    may use (at most MAX_PROCESSES) once there are `worth_forking` items or more."""
    if not hasattr(os, "fork") or items <= 1:
        return 1
    if asked:
        return max(1, min(asked, items))
    if items < worth_forking:
        return 1
    return max(1, min(usable_cores(), MAX_PROCESSES))


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def split_map(work: Callable[[Sequence[T]], R], items: Sequence[T], processes: int) -> list[R]:
    """`work` applied to every `processes`-th item (slice i = items[i::processes]), slice 0 in this
    process and the others in forked copies; the results in slice order. A copy's failure is raised
    here: its own exception when it pickles, else a RuntimeError with its type and message."""
    if processes <= 1:
        return [work(items)]
    children: list[tuple[int, int]] = []
    try:
        for index in range(1, processes):
            children.append(_fork(work, items[index::processes]))
        own = work(items[0::processes])
    finally:
        # Every copy started is waited for, whatever happened here (no zombie, no open pipe).
        results = [_result(pid, reader) for pid, reader in children]
    for ok, value in results:
        if not ok:
            # The copy's own exception when it could be sent back, so a failure reads the same
            # whichever process met it.
            raise value if isinstance(value, BaseException) else RuntimeError(value)
    return [own, *(value for _, value in results)]


def shared_map(work: Callable[[Sequence[T]], R], items: Sequence[T], processes: int, chunk: int) -> list[R]:
    """`work` applied to consecutive chunks of `items` (at most `chunk` items each), the results in
    chunk order.

    With `processes` above 1, this process and forked copies share the chunks as each becomes free:
    each takes the next chunk nobody has taken, so a process that met cheap items takes more (split_map's
    fixed slices finished up to 35 ms apart at 500 documents). The chunks shrink towards the end
    (`chunk_bounds`), so the processes finish within a small chunk of each other rather than a whole
    one (15 ms at 500 documents). The chunks' numbers wait in a pipe, written whole before the first
    fork; a read of a pipe is never split between readers, so each number is taken once.
    """
    if processes <= 1 or len(items) <= chunk:
        return [work(items[start : start + chunk]) for start in range(0, len(items), chunk)]
    reader, writer = os.pipe()
    try:
        # No more chunks than the pipe holds numbers (4 KB when the system is short of pipe memory),
        # so writing them all never waits for a reader.
        most = _pipe_size(writer) // _TOKEN
        chunks = [items[start:end] for start, end in chunk_bounds(len(items), chunk, processes, most)]
        os.set_blocking(writer, False)
        numbers = b"".join(number.to_bytes(_TOKEN, "little") for number in range(len(chunks)))
        if os.write(writer, numbers) != len(numbers):  # never, if the system told the pipe's size right
            raise OSError(f"the pipe took fewer than {len(numbers)} bytes")
        os.close(writer)
        writer = -1
        taken = split_map(partial(_take, work, chunks, reader), [None] * processes, processes)
    finally:
        os.close(reader)
        if writer >= 0:
            os.close(writer)
    results: list = [None] * len(chunks)
    for share in taken:
        for number, result in share:
            results[number] = result
    return results


# A chunk's number in the pipe.
_TOKEN = 4


def chunk_bounds(count: int, largest: int, processes: int, most: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive chunks of `count` items for `processes` to share: `largest` items
    each while there is much left, then each a (2 x processes)-th of what is left, down to an eighth
    of `largest` (guided self-scheduling); never more than `most` chunks."""
    smallest = max(1, largest // 8)
    bounds: list[tuple[int, int]] = []
    start = 0
    while start < count:
        size = min(largest, max(smallest, -(-(count - start) // (2 * processes))))
        bounds.append((start, min(start + size, count)))
        start += size
    if len(bounds) > most:  # evenly then, in as many chunks as the pipe holds numbers
        size = -(-count // most)
        bounds = [(start, min(start + size, count)) for start in range(0, count, size)]
    return bounds


def _pipe_size(pipe: int) -> int:
    """The bytes a pipe holds (Linux tells; 4 KB, the least any system gives, elsewhere)."""
    try:
        import fcntl

        return fcntl.fcntl(pipe, fcntl.F_GETPIPE_SZ)
    except (ImportError, AttributeError, OSError):
        return 4096


def _take(work: Callable, chunks: list, reader: int, _unused) -> list[tuple[int, object]]:
    done = []
    while token := os.read(reader, _TOKEN):
        if len(token) != _TOKEN:  # a pipe's reads are whole while the writes were: never, but never silent
            raise OSError(f"a chunk's number came in {len(token)} bytes")
        number = int.from_bytes(token, "little")
        done.append((number, work(chunks[number])))
    return done


def side_by_side(here: Callable[[], R], there: Callable[[], T]) -> tuple[R, T]:
    """`here()` in this process while a forked copy runs `there()`; both results (split_map's rules
    for a copy's failure)."""
    own, theirs = split_map(_call_each, [here, there], 2)
    return own[0], theirs[0]


def _call_each(tasks: Sequence[Callable]) -> list:
    return [task() for task in tasks]


def _fork(work: Callable, part: Sequence) -> tuple[int, int]:
    reader, writer = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid != 0:
        os.close(writer)
        return pid, reader
    # The copy: runs `work`, sends its result, and never returns into the caller.
    status = 0
    try:
        os.close(reader)
        try:
            payload = (True, work(part))
        except BaseException as exc:
            payload = (False, exc)
        try:
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            failure = payload[1] if not payload[0] else None
            data = pickle.dumps((False, f"{type(failure).__name__}: {failure}"), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writer, "wb") as out:
            out.write(data)
    except BaseException:
        status = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


def _result(pid: int, reader: int) -> tuple[bool, object]:
    with os.fdopen(reader, "rb") as stream:
        data = stream.read()
    if data:
        try:
            # Our own copy's bytes, over a pipe this process made before forking it.
            result = pickle.loads(data)
        except Exception:  # cut short: the copy's exit status says why
            pass
        else:
            # Whole, so the copy has done all it had to. The system takes a few milliseconds to take
            # down a copy of a large process (4-5 ms at 500 documents, three times a build): a thread
            # waits for that (no zombie is left) while this process goes on.
            threading.Thread(target=_reap, args=(pid,), name=f"reap-{pid}", daemon=True).start()
            return result
    _, status = os.waitpid(pid, 0)
    return False, f"worker process {pid} ended with status {os.waitstatus_to_exitcode(status)}"


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):  # already reaped (by a handler of the caller's own)
        os.waitpid(pid, 0)
