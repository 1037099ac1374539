"""The cluster of a run: reaching it or starting ``local:N``, stop signals, and the tasks driven.

``connect`` yields a ``distributed.Client`` (a ``local:N`` cluster's
workers forked with Ctrl-C ignored, start and close shielded from stop
signals); ``drive`` submits ``process_unit`` for each unit, at most one per
worker thread, records each result in the manifest and the tally as it
comes, and tries the inputs whose worker died once more, alone, at the end.

A room of ``summarize.dask`` (the public face); imports dask and
distributed when first needed.
"""
from __future__ import annotations

import contextlib
import itertools
import logging
import posixpath
import secrets
import warnings
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from . import terminal
from ._dask_manifest import Manifest
from ._dask_plan import Unit
from ._dask_task import FileResult, Work, process_unit, stop_event
from .batch import Tally
from .errors import SummarizeError, printable

_FACE = f"{__package__}.dask"  # what the fork server imports: the public face, which imports every room


def _stop_signals() -> List[int]:
    import signal

    return [getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)]


@contextlib.contextmanager
def _signals_deferred() -> Iterator[List[int]]:
    """Stop signals (SIGINT, SIGTERM, SIGHUP) are noted, not acted on,
    inside: a cluster whose start or close is cut short leaves half-started
    workers behind, and tracebacks from distributed's exit hooks.  The
    caller raises them afterwards (``_raise_caught``)."""
    import signal
    import threading

    caught: List[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield caught
        return
    previous = {signum: signal.signal(signum, lambda number, frame: caught.append(number)) for signum in _stop_signals()}
    try:
        yield caught
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _raise_caught(caught: Sequence[int]) -> None:
    import signal

    for signum in caught[:1]:
        signal.raise_signal(signum)  # the handler in force now (KeyboardInterrupt, the command's) runs


@contextlib.contextmanager
def _workers_ignore_stop_signals() -> Iterator[None]:
    """Make ``local:N`` workers that ignore SIGINT and SIGHUP, with no window.

    Ctrl-C in a terminal reaches the whole process group, and each worker
    would print a KeyboardInterrupt traceback: this process alone must
    decide to stop.  Spawned processes reset a caught signal at exec, and
    a worker's preload runs after its imports, so both leave a window.
    Workers come from multiprocessing's fork server instead, started here
    with the signals ignored (for the few milliseconds of its start): a
    signal ignored survives exec and fork, so every worker it forks has
    them ignored, replacements included.  It imports ``summarize.dask``
    (and so every room of it) once, so workers start warm.  The Dask
    setting stays in force while the cluster lives: a worker restarted
    after a death is forked the same way.
    """
    import multiprocessing
    import signal
    import threading

    import dask

    if "forkserver" not in multiprocessing.get_all_start_methods() or threading.current_thread() is not threading.main_thread():
        yield
        return
    from multiprocessing import forkserver

    from distributed.utils import get_mp_context

    # Also: no statistical profiler in the workers (its stack sampling every
    # 10 ms cost 5-10% of their CPU here, for dashboard pages without bokeh).
    with dask.config.set({"distributed.worker.multiprocessing-method": "forkserver", "distributed.worker.profile.enabled": False}):
        context = get_mp_context()  # sets distributed's own preload list, once
        modules = list(getattr(forkserver._forkserver, "_preload_modules", None) or ["distributed"])
        context.set_forkserver_preload(modules + [m for m in (_FACE,) if m not in modules])
        ignored = [s for s in (signal.SIGINT, getattr(signal, "SIGHUP", None)) if s is not None]
        previous = {signum: signal.signal(signum, signal.SIG_IGN) for signum in ignored}
        try:
            forkserver.ensure_running()
        finally:
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        yield


def _dashboard_caveat() -> str:
    import importlib.util

    # Without bokeh the link answers "Dask needs bokeh>=3.1.0 for the dashboard".
    return "" if importlib.util.find_spec("bokeh") else " (its pages need bokeh: pip install 'bokeh>=3.1')"


def parse_scheduler(address: str) -> Optional[int]:
    """The number of workers of ``local:N`` (None for the address of a
    running scheduler).  Raises ``ValueError`` for ``local:`` without a
    whole number of at least 1."""
    if not address.startswith("local:"):
        return None
    count = address.split(":", 1)[1]
    if not count.isdigit() or int(count) < 1:
        raise ValueError(f"{address}: local:N needs N, a number of worker processes of at least 1")
    return int(count)


@contextlib.contextmanager
def connect(scheduler: Union[str, Any], note: Callable[[str], None] = lambda line: None) -> Iterator[Any]:
    """A ``distributed.Client`` for ``scheduler``: a ``Client`` given is used
    as it is; ``local:N`` starts a cluster of N single-threaded worker
    processes on 127.0.0.1 (its dashboard link goes to ``note``), closed
    on exit; any other address is a running scheduler's (``tcp://host:8786``).
    Dask's own logging and warnings stay off stderr (a version mismatch is
    passed to ``note``).  A stop signal while a local cluster starts or
    closes takes effect once it has (a second or two)."""
    from distributed import Client, LocalCluster

    if not isinstance(scheduler, str):
        yield scheduler
        return
    logging.getLogger("distributed").setLevel(logging.ERROR)
    workers = parse_scheduler(scheduler)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        if workers is None:
            try:
                client = Client(scheduler, timeout="10s", set_as_default=False)
            except (OSError, TimeoutError) as exc:
                raise SummarizeError(f"cannot reach the Dask scheduler at {scheduler} ({exc})") from None
            _pass_on(caught, note)
            with client:
                yield client
            return
        with _workers_ignore_stop_signals():
            failure: Optional[Exception] = None
            with _signals_deferred() as held:
                try:
                    cluster = LocalCluster(
                        n_workers=workers, processes=True, threads_per_worker=1, host="127.0.0.1", silence_logs=logging.CRITICAL
                    )
                except Exception as exc:  # noqa: BLE001 - said in one line, below
                    failure = exc  # workers killed while starting (a stop signal to the group), say
            if failure is not None:
                _raise_caught(held)  # a stop signal explains it: it wins
                raise SummarizeError(f"cannot start a local Dask cluster ({type(failure).__name__}: {failure})") from None
            try:
                _raise_caught(held)
                with Client(cluster, set_as_default=False) as client:
                    note(f"Dask dashboard: {client.dashboard_link}{_dashboard_caveat()}")
                    yield client
            finally:
                with _signals_deferred():
                    cluster.close()


def _pass_on(caught: Sequence[warnings.WarningMessage], note: Callable[[str], None]) -> None:
    # "Mismatched versions found" and the like: one line each.
    for warning in caught:
        text = str(warning.message).strip().splitlines()
        if text and "already in use" not in text[0]:
            note(f"Warning: Dask: {text[0]}")


def _threads(client: Any) -> int:
    info = client.scheduler_info()
    threads: int = sum(worker.get("nthreads", 1) for worker in info.get("workers", {}).values())
    return max(1, threads)


def describe(exc: BaseException) -> str:
    if type(exc).__name__ == "KilledWorker":
        return "its worker process died each time it was tried (killed, out of memory, crashed)"
    return f"{type(exc).__name__}: {exc}"


def drive(
    client: Any,
    todo: Sequence[Unit],
    work: Work,
    retries: int,
    fail_fast: bool,
    manifest: Manifest,
    entry: Dict[str, Any],
    tally: Tally,
    progress: Optional[terminal.Progress],
    say: Callable[[str], object],
) -> bool:
    """Run ``todo``, at most one task per worker thread at a time, and record
    each result as it comes.  Returns whether ``fail_fast`` stopped it.

    When a worker process dies, the scheduler blames every task it held,
    not only the one that killed it, and fails a task blamed
    ``allowed-failures`` + 1 times (``KilledWorker``).  Holding no more
    tasks than threads keeps innocent inputs off a dying worker; those that
    still end with ``KilledWorker`` are suspects, tried once more alone at
    the end, where only the guilty die again.
    """
    from distributed import as_completed

    suspects: List[Unit] = []
    running: Dict[str, Tuple[Any, Unit]] = {}
    stop = False

    def submit(unit: Unit, results: Any) -> None:
        future = client.submit(
            process_unit,
            unit,
            work,
            retries=retries,
            pure=False,
            key=f"summarize-{posixpath.basename(unit.key)[:60]}-{secrets.token_hex(4)}",
        )
        running[future.key] = (future, unit)
        results.add(future)

    def record(unit: Unit, future: Any, last_chance: bool) -> None:
        nonlocal stop
        if future.status == "finished":
            result: FileResult = future.result()
            for line in result.lines:
                say(line)
            if result.more:
                say(f"Note: {printable(unit.key)}: {result.more:,} more warning and error lines not shown (see the output's error records)\n")
            entry_of = {
                "status": "done" if result.done else "failed",
                "output": unit.output if result.done else None,
                "documents": result.documents,
                "summarized": result.summarized,
                "failed": result.failed,
                "bytes": result.size,
                "seconds": result.seconds,
                "worker": result.worker,
            }
            if result.error is not None:
                entry_of["error"] = result.error
            manifest.units[unit.key] = {key: value for key, value in entry_of.items() if value is not None}
            if result.done:
                entry["done"] += 1
                tally.summarized += result.summarized
                tally.failed += result.failed
            else:
                entry["failed"] += 1
                tally.summarized += result.summarized
                tally.failed += max(1, result.failed)
            stop = stop or (fail_fast and (not result.done or result.failed > 0))
        else:
            exc = future.exception() if future.status == "error" else RuntimeError("the task was cancelled")
            if type(exc).__name__ == "KilledWorker" and not last_chance:
                suspects.append(unit)
                return
            error = describe(exc)
            manifest.units[unit.key] = {"status": "failed", "error": error}
            entry["failed"] += 1
            tally.failed += 1
            say(f"Error: {printable(unit.key)}: {error}\n")
            stop = stop or fail_fast
        if progress is not None:
            progress.advance()

    def settle(units: Sequence[Unit], window: int, last_chance: bool) -> None:
        queue = iter(units)
        results = as_completed(loop=client.loop)
        for unit in itertools.islice(queue, window):
            submit(unit, results)
        for future in results:
            _, unit = running.pop(future.key)
            record(unit, future, last_chance)
            future.release()  # a result lost with its worker is not computed again
            if stop:
                return
            for following in itertools.islice(queue, 1):
                submit(following, results)

    try:
        settle(todo, _threads(client), last_chance=False)
        if suspects and not stop:
            entry["suspects"] = len(suspects)
            settle(suspects, 1, last_chance=True)
        if stop:
            _cancel(client, running, work.token)
        return stop
    except BaseException:
        _cancel(client, running, work.token)
        raise


def _cancel(client: Any, running: Mapping[str, Tuple[Any, Unit]], token: str) -> None:
    with contextlib.suppress(Exception):
        stop_event(token, client).set()
    with contextlib.suppress(Exception):
        client.cancel([future for future, _ in running.values()], force=True)
