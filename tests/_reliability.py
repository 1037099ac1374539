"""Helpers shared by the tests/test_reliability_*.py files (issue 16).

Those tests go through public interfaces only: the ``summarize`` command run
as a subprocess, ``summarize.summarize()`` and ``summarize.split_sentences()``,
and servers on 127.0.0.1 that the tests start.  Every child process is
bounded by a timeout.  Nothing is timed by the wall clock of a loaded machine
when it can be avoided: time is the CPU time a child reports for the work
alone, compared between two input sizes (growth) or against a cap far above
what linear work costs; memory is a child's peak resident set
(``ru_maxrss``) over a baseline child.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, Optional, Sequence, Tuple

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parents[1]

# urllib honours proxy variables; requests to 127.0.0.1 must go direct.
_PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY")


def child_env(**extra: str) -> Dict[str, str]:
    """The environment for a child: ours, without proxies, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k not in _PROXY_VARIABLES}
    env.update(extra)
    return env


def run_summarize(args: Sequence[object], *, timeout: float = 120, text: bool = True, **kwargs) -> subprocess.CompletedProcess:
    """``python -m summarize ARGS``, stdout and stderr captured, bounded by ``timeout`` seconds."""
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    kwargs.setdefault("env", child_env())
    return subprocess.run([sys.executable, "-m", "summarize", *map(os.fsdecode, map(_fspath, args))], text=text, timeout=timeout, **kwargs)


def _fspath(arg: object):  # type: ignore[no-untyped-def]
    return arg if isinstance(arg, (bytes, os.PathLike)) else str(arg)


VOCABULARY = [f"{a}{b}{c}" for a in "bcdfg" for b in "aeiou" for c in "klmnprst"]


def numbered(count: int, shift: int = 0) -> str:
    """``count`` distinct sentences of made-up words (none a near-duplicate of another), one paragraph."""
    rng = random.Random(shift)
    return " ".join("Sentence " + " ".join(rng.sample(VOCABULARY, 8)) + "." for _ in range(count))


def distinct_sentences(nbytes: int, shift: int = 0) -> str:
    """About ``nbytes`` of distinct sentences (``numbered``), one paragraph."""
    return numbered(max(1, nbytes // 42), shift)


def snapshot(folder: Path) -> Dict[str, bytes]:
    """Every file under ``folder`` (hidden ones too) by relative path, with its bytes."""
    return {
        os.fsdecode(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }


def temporary_files(folder: Path) -> list:
    """Names of the temporary files anywhere under ``folder``: hidden, ending
    in ``.tmp`` (as ``tempfile.mkstemp`` is asked to name them).  Other
    hidden files (a marker saying the folder holds summaries) are not."""
    if not folder.exists():
        return []
    return sorted(os.fsdecode(p.relative_to(folder)) for p in folder.rglob(".*") if p.name.endswith(".tmp"))


def visible_names(folder: Path) -> list:
    """The names in ``folder`` that do not start with a dot, sorted."""
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def error_lines(stderr: str) -> list:
    return [line for line in stderr.splitlines() if line.startswith("Error:")]


# --- CPU time and memory of a child ------------------------------------------------

_TIMED_CHILD = """
import json, sys, time
import summarize
summarize.summarize("Warm up. Then go.")  # NLTK loaded, splitter built: not part of the figure
{setup}
started = time.process_time()
{work}
print(json.dumps({{"cpu": time.process_time() - started}}))
"""


def child_cpu_seconds(setup: str, work: str, *, timeout: float = 120) -> float:
    """CPU seconds a fresh interpreter spends running ``work`` (Python
    statements) after ``setup``, the package warmed up.  CPU time, not wall
    time: other jobs on the machine barely change it.  Raises
    ``subprocess.TimeoutExpired`` when the child takes longer than
    ``timeout`` wall seconds (it is killed)."""
    code = _TIMED_CHILD.format(setup=textwrap.dedent(setup), work=textwrap.dedent(work))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, env=child_env())
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.splitlines()[-1])["cpu"]


def cpu_growth(make_setup: Callable[[int], str], work: str, small: int, large: int, *, timeout: float = 120) -> Tuple[float, float]:
    """(CPU seconds at ``small``, at ``large``) for ``work`` after ``make_setup(size)``."""
    return (
        child_cpu_seconds(make_setup(small), work, timeout=timeout),
        child_cpu_seconds(make_setup(large), work, timeout=timeout),
    )


# Runs its arguments as a command and prints its exit status and peak
# resident set.  A child's ru_maxrss counts the memory of the process it was
# forked or spawned from (the kernel records the old image's peak at exec),
# so a command started straight from a grown test process would inherit its
# size: this small, fresh interpreter starts it instead.
_REPORTER = """
import resource, subprocess, sys
status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak_rss(argv: Sequence[str], *, timeout: float = 120, stdin: Optional[int] = None, env: Optional[dict] = None) -> Tuple[int, int]:
    """(exit status, peak resident set in bytes) of running ``argv``, stdout
    and stderr discarded; killed after ``timeout`` seconds (then the status
    is -9 and the size 0)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _REPORTER, *argv], stdout=subprocess.PIPE, stdin=stdin, env=env or child_env(),
        start_new_session=True, text=True,
    )
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        return -9, 0
    status, kib = out.split()
    return int(status), int(kib) * 1024  # KiB on Linux


def summarize_command(*args: str) -> list:
    return [sys.executable, "-m", "summarize", *args]


# --- processes and signals --------------------------------------------------------


def wait_for(predicate: Callable[[], bool], seconds: float = 30.0, what: str = "a condition") -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def kill_group(proc: subprocess.Popen) -> None:
    """Kill ``proc``'s process group (its own session) and reap it, so a
    failed test leaves no worker behind."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        pass


def open_fifo_for_writing(path: Path, proc: subprocess.Popen, seconds: float = 60.0) -> int:
    """Open the FIFO ``path`` for writing once ``proc`` has opened it for
    reading (which proves it is past start-up); raises if ``proc`` exits or
    ``seconds`` pass first."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:  # ENXIO: no reader yet
            if proc.poll() is not None:
                raise AssertionError(f"the command ended (status {proc.returncode}) before reading {path}") from exc
            if time.monotonic() > deadline:
                raise AssertionError(f"the command never opened {path}") from exc
            time.sleep(0.02)
            continue
        os.set_blocking(fd, True)
        return fd


@contextmanager
def serving(server: Any) -> Iterator[str]:
    """Serve ``server`` (a socketserver bound to 127.0.0.1) from a daemon
    thread; gives its URL, and shuts it down afterwards."""
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
