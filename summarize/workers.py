"""Worker processes for many documents: ``ordered`` hands tasks out and
brings outcomes back in input order.

A task is one document to read and summarize (a file or URL, or one dataset
line); a worker runs the same per-document path as single mode
(``outcome``).  Documents go to the workers ``CHUNK`` at a time, at most
``IN_FLIGHT_PER_JOB`` chunks per worker in flight, so memory stays flat
however many inputs there are, and the outcomes come back in input order,
so the bytes out are the same for any number of workers.

Workers ignore SIGINT (the parent decides when to stop) and exit cleanly on
SIGTERM; a worker that dies makes the run stop with ``WorkerError``.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections import deque
from typing import Any, Deque, Iterator, List, Optional, Sequence, Tuple, TypeVar, Union

from .core import summarize
from .errors import WorkerError
from .outcome import Outcome, Request, from_path, from_record

CHUNK = 16
"""Documents sent to a worker at once: one round trip each, so the parent
spends little time on handing out work (a round trip costs about a
millisecond; 8 at a time made --jobs 2 0.03 s slower on 700 articles)."""

IN_FLIGHT_PER_JOB = 2
"""Chunks queued per worker: enough to keep workers busy, few enough to keep memory flat."""

Task = Tuple[str, Union[str, bytes], str]
"""One document to summarize: ``("file", path or URL, source)`` or
``("record", dataset line, "FILE.jsonl:LINE")``."""

_Where = TypeVar("_Where")
"""What the caller keeps with each unit of work (where its output goes)."""

Unit = Tuple[_Where, Union[Task, Outcome]]
"""A document to summarize (a task) or one already settled (an outcome)."""


def run_task(task: Task, request: Request) -> Outcome:
    """Read and summarize one document, as ``request`` says."""
    kind, payload, source = task
    if isinstance(payload, bytes):
        return from_record(payload, source, request)
    return from_path(payload, request)


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM, *([signal.SIGHUP] if hasattr(signal, "SIGHUP") else [])}
_CAN_MASK = hasattr(signal, "pthread_sigmask")


def _worker_init() -> None:
    # The parent decides when to stop: Ctrl-C reaches the whole process
    # group, and the parent then terminates the workers with SIGTERM.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_exit)
    if hasattr(signal, "SIGHUP"):  # sent to the whole group when the terminal closes: the parent decides
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    if _CAN_MASK:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)  # blocked since the fork: see Workers


def _worker_exit(signum: int, frame: Any) -> None:
    # Unwind instead of dying on the spot: an idle worker holds the task
    # queue's lock while it waits, and a worker killed holding it would
    # leave Pool.terminate() in the parent waiting for it forever.
    raise SystemExit(128 + signum)


def run_chunk(tasks: Sequence[Task], request: Request) -> Tuple[Outcome, ...]:
    """``run_task`` for each of ``tasks``, in order: one round trip to a
    worker for several documents."""
    return tuple(run_task(task, request) for task in tasks)


def ordered(
    units: Iterator[Unit[_Where]], request: Request, workers: Optional["Workers"]
) -> Iterator[Tuple[_Where, Outcome]]:
    """Each unit's outcome, in input order, with what the caller keeps with
    it.  Without ``workers``, each task runs here; with them, tasks go to
    them ``CHUNK`` at a time, and at most ``IN_FLIGHT_PER_JOB`` chunks per
    worker are queued ahead of the one awaited."""
    if workers is None:
        for where, work in units:
            yield where, (work if isinstance(work, Outcome) else run_task(work, request))
        return
    window = workers.jobs * IN_FLIGHT_PER_JOB
    pending: Deque[Tuple[Sequence[Unit[_Where]], Any]] = deque()
    chunk: List[Unit[_Where]] = []
    for unit in units:
        chunk.append(unit)
        if len(chunk) == CHUNK:
            pending.append(_submit(chunk, workers, request))
            chunk = []
            while len(pending) > window:
                yield from _settled(*pending.popleft(), workers)
    if chunk:
        pending.append(_submit(chunk, workers, request))
    while pending:
        yield from _settled(*pending.popleft(), workers)


def _submit(chunk: Sequence[Unit[_Where]], workers: "Workers", request: Request) -> Tuple[Sequence[Unit[_Where]], Any]:
    tasks = [work for _, work in chunk if not isinstance(work, Outcome)]
    return chunk, (workers.submit(tasks, request) if tasks else None)


def _settled(chunk: Sequence[Unit[_Where]], result: Any, workers: "Workers") -> Iterator[Tuple[_Where, Outcome]]:
    done = iter(workers.collect(result) if result is not None else ())
    for where, work in chunk:
        yield where, (work if isinstance(work, Outcome) else next(done))


class Workers:
    """``jobs`` worker processes (a ``multiprocessing.Pool``) for ``run_chunk``.

    ``collect`` notices a worker that died (killed, out of memory): a pool
    would quietly replace it and wait for its lost chunk forever, so this
    raises ``WorkerError`` instead.  ``close`` stops them all at once.
    """

    POLL_SECONDS = 1.0
    GRACE_SECONDS = 5.0

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        if multiprocessing.get_start_method() == "fork":
            # Load nltk and build the sentence splitter once, here: forked
            # workers inherit them instead of each paying for it.
            summarize("Warm up. Then go.")
        # Forked workers inherit the parent's signal handlers until their
        # initializer runs: a SIGTERM in between raised the parent's exception
        # inside multiprocessing's start-up code, with a traceback.  The pool
        # also forks replacements from its own thread at any time (when a
        # signal to the whole group has just ended the first workers), so
        # SIGINT and SIGTERM are blocked while the pool and its threads are
        # created: the threads inherit the mask, every worker starts with
        # both blocked, and _worker_init unblocks them after setting its own.
        others = set(multiprocessing.active_children())
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS) if _CAN_MASK else None
        try:
            self.pool = multiprocessing.Pool(jobs, initializer=_worker_init)
        finally:
            signal.signal(signal.SIGINT, previous)
            if mask is not None:
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)  # a signal held meanwhile arrives now
        self.processes = [p for p in multiprocessing.active_children() if p not in others]

    def submit(self, tasks: Sequence[Task], request: Request) -> Any:
        return self.pool.apply_async(run_chunk, (tasks, request))

    def collect(self, result: Any) -> Tuple[Outcome, ...]:
        while True:
            try:
                outcomes: Tuple[Outcome, ...] = result.get(self.POLL_SECONDS)
                return outcomes
            except multiprocessing.TimeoutError:
                for process in self.processes:
                    if not process.is_alive():
                        code = process.exitcode or 0
                        how = f"was killed by {signal.Signals(-code).name}" if code < 0 else f"exited with status {code}"
                        raise WorkerError(f"a worker process {how}; the run cannot finish") from None

    def close(self, idle: bool = False) -> None:
        """Stop the workers.  ``idle`` (every result is back): they are told
        to exit when the task queue is empty, and do.  Otherwise (interrupt,
        failure, --fail-fast) no work is left worth waiting for:
        ``Pool.terminate`` sends SIGTERM and waits for each worker.  A worker
        can miss that SIGTERM: one that arrives just before the worker
        blocks on the task queue's lock is handled only once the lock is
        free, and terminate holds it.  So after ``GRACE_SECONDS`` the workers
        still alive are killed, which lets the wait end.  Should even that
        not end it, the run goes on to exit without it: the stop is attempted
        once (multiprocessing does not run it again at exit)."""
        target = self._finish if idle else self._terminate
        stopper = threading.Thread(target=target, name="summarize-pool-stopper", daemon=True)
        stopper.start()
        stopper.join(self.GRACE_SECONDS)
        if stopper.is_alive():
            for process in [*self.processes, *getattr(self.pool, "_pool", ())]:
                if process.exitcode is None:
                    try:
                        os.kill(process.pid, signal.SIGKILL)
                    except OSError:
                        pass  # already gone
            stopper.join(self.GRACE_SECONDS)

    def _finish(self) -> None:
        self.pool.close()
        self.pool.join()

    def _terminate(self) -> None:
        self.pool.terminate()
        self.pool.join()
