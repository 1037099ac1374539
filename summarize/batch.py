"""Many documents: ordering, workers, progress, outputs, failures.

``run_batch`` walks the path arguments (``sources.walk``), summarizes each
document in worker processes, and writes the results in input order, so the
bytes out are the same for any number of workers.  At most
``CHUNK * IN_FLIGHT_PER_JOB`` documents per worker are in flight at any
time: memory stays flat however many inputs there are.  An input that
cannot be summarized is reported on stderr (and as an ``{"source",
"error"}`` record in JSON output) and the rest go on.

Interrupts (KeyboardInterrupt, or whatever the caller raises from a SIGTERM
handler) stop the workers at once, delete the output file being written,
report what was done and propagate.  Workers ignore SIGINT, so Ctrl-C in a
terminal never prints their tracebacks; the parent shuts them down.
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import tempfile
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import IO, Any, Callable, Deque, Iterator, Mapping, Optional, Sequence, Tuple, Union

from . import render
from .core import Summary, summarize
from .errors import InputError, OutputError, SummarizeError
from .sources import DEFAULT_PATTERNS, Input, Reading, parse_record, read_any, read_lines, record_document, walk, with_page_title

EXTENSIONS = {"plain": ".txt", "json": ".json", "jsonl": ".jsonl", "markdown": ".md"}
"""The file name extension of an output file, by format."""

CHUNK = 16
"""Documents sent to a worker at once: one round trip each, so the parent
spends little time on handing out work (a round trip costs about a
millisecond; 8 at a time made --jobs 2 0.03 s slower on 700 articles)."""

IN_FLIGHT_PER_JOB = 2
"""Chunks queued per worker: enough to keep workers busy, few enough to keep memory flat."""


class WorkerError(SummarizeError):
    """A worker process died (killed, out of memory): the run stops."""


@dataclass(frozen=True)
class Settings:
    """What to do with the inputs.

    ``sentences``/``ratio``/``words``: the length limit (at most one set).
    ``fmt``: ``plain``, ``rich``, ``json``, ``jsonl`` or ``markdown`` (``rich``
    only without ``output_dir``).  ``output_dir``: write one file per input
    there instead of stdout.  ``skip_existing``: leave out inputs whose output
    file exists.  ``fail_fast``: stop at the first failure.  ``jobs``: worker
    processes (1 runs in this process).  ``patterns``: file name patterns
    looked for in folders.  ``text_field``: the field holding a dataset
    line's text.  ``progress``: show a progress bar on stderr.  ``reading``:
    how files and URLs are read (HTML extraction, fetch limits).

    ``showing``: per document, as for one (``render.Showing``); with
    ``highlight`` the text travels back from the worker.  The export files
    hold the rich rendering of every document (a panel each,
    ``export_width`` columns; not with ``output_dir``).
    """

    sentences: Optional[int] = None
    ratio: Optional[float] = None
    words: Optional[int] = None
    fmt: str = "plain"
    output_dir: Optional[str] = None
    skip_existing: bool = False
    fail_fast: bool = False
    jobs: int = 1
    patterns: Tuple[str, ...] = DEFAULT_PATTERNS
    text_field: str = "text"
    progress: bool = False
    reading: Reading = Reading()
    showing: render.Showing = render.Showing()
    export_width: int = render.EXPORT_WIDTH


@dataclass(frozen=True)
class Outcome:
    """One document's result: a ``summary``, or an ``error`` message (not
    naming the source), or neither when it was skipped.  ``warnings`` are
    full lines for stderr."""

    source: str
    summary: Optional[Summary] = None
    error: Optional[str] = None
    warnings: Tuple[str, ...] = ()
    record_id: Any = None
    meta: Mapping[str, str] = field(default_factory=dict)
    """A web page's ``byline``, ``date`` and ``url`` when found (``Document.meta``)."""
    text: Optional[str] = None
    """The text summarized, kept only for ``Settings.showing.highlight``."""

    @property
    def skipped(self) -> bool:
        return self.summary is None and self.error is None


@dataclass
class Tally:
    """How many documents were summarized (their summaries delivered: not
    those in an output file that was removed), failed and skipped, and the
    seconds taken.  ``line()`` is the closing report."""

    summarized: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return f"{self.summarized} summarized, {self.failed} failed, {self.skipped} skipped in {self.seconds:.1f}s"


@dataclass(frozen=True)
class _Target:
    """Where the documents of one input go under ``--output-dir``:
    ``single`` for a text file (the file holds one summary), else a dataset."""

    path: str
    single: bool


# --- work done in the workers ---------------------------------------------

_Task = Tuple[str, Union[str, bytes], str, str]  # (kind, path or line, source, text field)
# The length limit (sentences, ratio, words), how to read inputs, and what
# else to compute: explain, keywords, keep the text for highlight.
_Limits = Tuple[Optional[int], Optional[float], Optional[int], Reading, bool, int, bool]


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}
_CAN_MASK = hasattr(signal, "pthread_sigmask")


def _worker_init() -> None:
    # The parent decides when to stop: Ctrl-C reaches the whole process
    # group, and the parent then terminates the workers with SIGTERM.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _worker_exit)
    if _CAN_MASK:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)  # blocked since the fork: see _Workers


def _worker_exit(signum: int, frame: Any) -> None:
    # Unwind instead of dying on the spot: an idle worker holds the task
    # queue's lock while it waits, and a worker killed holding it would
    # leave Pool.terminate() in the parent waiting for it forever.
    raise SystemExit(128 + signum)


def _strip_source(message: str, source: str) -> str:
    prefix = f"{source}: "
    return message[len(prefix):] if message.startswith(prefix) else message


def summarize_task(task: _Task, limits: _Limits) -> Outcome:
    """Read and summarize one document: a text file or a dataset line.
    Every ``SummarizeError`` becomes the outcome's ``error``."""
    kind, payload, source, text_field = task
    sentences, ratio, words, reading, explain, keywords, keep_text = limits
    record_id = None
    try:
        if kind == "file":
            doc = read_any(str(payload), reading)
        else:
            record = parse_record(bytes(payload), source, text_field)
            record_id = record.get("id")
            doc = record_document(record, source, text_field)
        summary = summarize(doc.text, sentences=sentences, ratio=ratio, words=words, explain=explain, keywords=keywords)
        summary = with_page_title(summary, doc)
    except SummarizeError as exc:
        return Outcome(source, error=_strip_source(str(exc), source), record_id=record_id)
    over = render.over_budget_warning(summary, source, words)
    warnings = doc.warnings + ((over,) if over else ())
    text = doc.text if keep_text else None
    return Outcome(source, summary=summary, warnings=warnings, record_id=record_id, meta=dict(doc.meta), text=text)


# --- inputs → units of work, in order ---------------------------------------

_Unit = Tuple[Optional[_Target], Union[_Task, Outcome]]


def _output_path(settings: Settings, item: Input) -> str:
    stem = os.path.splitext(item.relative)[0]
    return os.path.join(str(settings.output_dir), stem + EXTENSIONS[settings.fmt])


def _units(inputs: Iterator[Input], settings: Settings) -> Iterator[_Unit]:
    """Each document to summarize (a task) or already settled (an outcome),
    in input order, with where its output goes under ``--output-dir``."""
    claimed: dict = {}
    for item in inputs:
        if item.error:
            yield None, Outcome(item.path, error=_strip_source(item.error, item.path))
            continue
        target = None
        if settings.output_dir is not None:
            path = _output_path(settings, item)
            if path in claimed:
                yield None, Outcome(item.path, error=f"its summary would overwrite the one of {claimed[path]} in {path}")
                continue
            claimed[path] = item.path
            if os.path.exists(path):
                if os.path.samefile(path, item.path):
                    yield None, Outcome(item.path, error=f"its summary would overwrite the input itself ({path})")
                    continue
                if settings.skip_existing:
                    yield None, Outcome(item.path)
                    continue
            target = _Target(path, single=not item.dataset)
        if not item.dataset:
            yield target, ("file", item.path, item.path, settings.text_field)
            continue
        try:
            found = False
            for number, line in read_lines(item.path):
                found = True
                yield target, ("record", line, f"{item.path}:{number}", settings.text_field)
            if not found:
                yield None, Outcome(item.path, error="no records: the dataset is empty")
        except InputError as exc:
            yield None, Outcome(item.path, error=_strip_source(str(exc), item.path))
        except OSError as exc:
            yield None, Outcome(item.path, error=f"cannot read it ({exc.strerror or exc})")


def count_documents(paths: Sequence[str], settings: Settings) -> int:
    """How many outcomes ``run_batch`` will report for ``paths``: a first
    pass over the same walk, reading datasets but no text file."""
    return sum(1 for _ in _units(walk(paths, settings.patterns, _skip(settings)), settings))


def _skip(settings: Settings) -> Tuple[str, ...]:
    return (settings.output_dir,) if settings.output_dir else ()


def _limits(settings: Settings) -> _Limits:
    return (
        settings.sentences,
        settings.ratio,
        settings.words,
        settings.reading,
        settings.showing.explain,
        settings.showing.keywords,
        settings.showing.highlight,
    )


def summarize_chunk(tasks: Sequence[_Task], limits: _Limits) -> Tuple[Outcome, ...]:
    """``summarize_task`` for each of ``tasks``, in order: one round trip
    to a worker for several documents."""
    return tuple(summarize_task(task, limits) for task in tasks)


def _ordered(units: Iterator[_Unit], settings: Settings, workers: Optional["_Workers"]) -> Iterator[Tuple[Optional[_Target], Outcome]]:
    """Outcomes in input order.  With workers, documents go to them
    ``CHUNK`` at a time, and at most ``IN_FLIGHT_PER_JOB`` chunks per worker
    are queued ahead of the one awaited."""
    limits = _limits(settings)
    if workers is None:
        for target, work in units:
            yield target, (work if isinstance(work, Outcome) else summarize_task(work, limits))
        return
    window = settings.jobs * IN_FLIGHT_PER_JOB
    pending: Deque[Tuple[Sequence[_Unit], Any]] = deque()
    chunk: list = []
    for unit in units:
        chunk.append(unit)
        if len(chunk) == CHUNK:
            pending.append(_submit(chunk, workers, limits))
            chunk = []
            while len(pending) > window:
                yield from _settled(*pending.popleft(), workers)
    if chunk:
        pending.append(_submit(chunk, workers, limits))
    while pending:
        yield from _settled(*pending.popleft(), workers)


def _submit(chunk: Sequence[_Unit], workers: "_Workers", limits: _Limits) -> Tuple[Sequence[_Unit], Any]:
    tasks = [work for _, work in chunk if not isinstance(work, Outcome)]
    return chunk, (workers.submit(tasks, limits) if tasks else None)


def _settled(chunk: Sequence[_Unit], result: Any, workers: "_Workers") -> Iterator[Tuple[Optional[_Target], Outcome]]:
    done = iter(workers.collect(result) if result is not None else ())
    for target, work in chunk:
        yield target, (work if isinstance(work, Outcome) else next(done))


class _Workers:
    """Worker processes (a ``multiprocessing.Pool``) for ``summarize_chunk``.

    ``collect`` notices a worker that died (killed, out of memory): a pool
    would quietly replace it and wait for its lost chunk forever, so this
    raises ``WorkerError`` instead.  ``close`` stops them all at once.
    """

    POLL_SECONDS = 1.0
    GRACE_SECONDS = 5.0

    def __init__(self, jobs: int) -> None:
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

    def submit(self, tasks: Sequence[_Task], limits: _Limits) -> Any:
        return self.pool.apply_async(summarize_chunk, (tasks, limits))

    def collect(self, result: Any) -> Tuple[Outcome, ...]:
        while True:
            try:
                return result.get(self.POLL_SECONDS)
            except multiprocessing.TimeoutError:
                for process in self.processes:
                    if not process.is_alive():
                        code = process.exitcode or 0
                        how = f"was killed by {signal.Signals(-code).name}" if code < 0 else f"exited with status {code}"
                        raise WorkerError(
                            f"a worker process {how}; the run cannot finish: "
                            "try fewer --jobs, or --jobs 1 to see which input causes it"
                        ) from None

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


# --- outputs -----------------------------------------------------------------


class _Writer:
    """Writes outcomes in one format to one destination.

    ``single``: the destination holds one document, exactly as
    ``summarize FILE`` prints it.  Otherwise each document is labelled:
    plain text gets a ``==> source <==`` header and a blank line between
    documents (as ``head`` does); JSON becomes one array; JSON Lines one
    object per line; Markdown one section per document.  Failures appear
    as ``{"source", "error"}`` records in JSON and JSON Lines only.
    ``settings`` says what to show besides the summaries (``Settings.showing``);
    ``record`` is also given each document's rich panel (for the export files).
    """

    def __init__(
        self,
        fmt: str,
        write: Callable[[str], None],
        show: Optional[Callable[[Any], None]] = None,
        *,
        single: bool = False,
        settings: Settings = Settings(),
        record: Optional[Callable[[Any], None]] = None,
    ) -> None:
        self.fmt, self.write, self.show, self.single = fmt, write, show, single
        self.settings, self.record = settings, record
        self.count = 0

    def add(self, outcome: Outcome) -> None:
        summary, source = outcome.summary, outcome.source
        display = self.settings.showing.display(outcome.text)
        panel = None
        if summary is not None and (self.record is not None or self.fmt == "rich"):
            panel = render.rich_panel(summary, source, outcome.meta, display)
            if self.record is not None:
                self.record(panel)
        if self.fmt in ("json", "jsonl") and not self.single:
            if summary is not None:
                self._record(render.summary_dict(summary, source, outcome.record_id, outcome.meta))
            elif outcome.error is not None:
                self._record(render.error_dict(source, outcome.error, outcome.record_id))
            return
        if summary is None:
            return  # failures are reported on stderr only
        if self.fmt == "rich":
            assert self.show is not None
            self.show(panel)
        elif self.single:
            self.write(render.render_text(summary, self.fmt, source, outcome.meta, display))
        else:
            separator = "\n" if self.count else ""
            if self.fmt == "markdown":
                self.write(separator + render.render_markdown_section(summary, source, display))
            else:
                self.write(f"{separator}==> {source} <==\n" + render.render_plain(summary, display))
        self.count += 1

    def _record(self, data: dict) -> None:
        if self.fmt == "jsonl":
            self.write(render.json_line(data))
        else:
            # Indented as json.dumps(list, indent=2) would, without holding the list.
            text = render.json_block(data).replace("\n", "\n  ")
            self.write(("[\n  " if not self.count else ",\n  ") + text)
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json" and not self.single:
            self.write("\n]\n" if self.count else "[]\n")


class _AtomicFile:
    """A file written under a temporary name in its folder, renamed into
    place by ``commit`` and deleted by ``abort``: readers never see half a
    file, and an interrupted run leaves nothing behind."""

    def __init__(self, path: str, mode: int) -> None:
        self.path = path
        folder = os.path.dirname(path) or "."
        os.makedirs(folder, exist_ok=True)
        fd, self.temp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
        try:
            os.fchmod(fd, mode)  # mkstemp makes 0600; outputs get the usual umask
            self.file: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="")
        except BaseException:
            os.close(fd)
            os.unlink(self.temp)
            raise

    def commit(self) -> None:
        self.file.close()
        os.replace(self.temp, self.path)

    def abort(self) -> None:
        try:
            self.file.close()
        except OSError:
            pass  # the write that failed has raised already; a second flush fails the same way
        try:
            os.unlink(self.temp)
        except FileNotFoundError:
            pass


def _file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


class _Files:
    """``--output-dir``: one file per input, the current one kept open while
    a dataset's documents arrive.  ``add`` and ``finish`` raise
    ``OutputError`` naming the summary file that cannot be written (a full
    disk, a file size limit, no permission); ``abort`` then removes it.
    ``held``: how many summaries the open file holds (lost with it if it is
    aborted)."""

    def __init__(self, fmt: str, settings: Settings = Settings()) -> None:
        self.fmt, self.settings = fmt, settings
        self.mode = _file_mode()
        self.target: Optional[_Target] = None
        self.file: Optional[_AtomicFile] = None
        self.writer: Optional[_Writer] = None
        self.held = 0

    def add(self, target: Optional[_Target], outcome: Outcome) -> None:
        if target != self.target:
            self.finish()
        if target is None or (target.single and outcome.summary is None):
            return  # a text file that failed gets no output file: --skip-existing retries it
        try:
            if self.file is None:
                self.target = target
                self.file = _AtomicFile(target.path, self.mode)
                self.writer = _Writer(self.fmt, self.file.file.write, single=target.single, settings=self.settings)
            assert self.writer is not None
            self.writer.add(outcome)
        except OSError as exc:
            raise OutputError.writing(target.path, exc) from None
        if target.single:
            self.finish()
        elif outcome.summary is not None:
            self.held += 1

    def finish(self) -> None:
        if self.file is not None and self.writer is not None:
            try:
                self.writer.close()
                self.file.commit()
            except OSError as exc:
                raise OutputError.writing(self.file.path, exc) from None
        self.file = self.writer = None
        self.target = None
        self.held = 0

    def abort(self) -> None:
        if self.file is not None:
            self.file.abort()
        self.file = self.writer = None
        self.held = 0


# --- the run -------------------------------------------------------------------


def run_batch(paths: Sequence[str], settings: Settings, stdout: IO[str], stderr: IO[str], *, stdout_terminal: bool = False) -> Tally:
    """Summarize every document named by ``paths`` (files, folders, ``.jsonl``
    datasets) and write the results in input order to ``stdout``, or one
    file per input under ``settings.output_dir``.

    Failures, warnings, the progress bar and the closing tally line go to
    ``stderr``.  Returns the tally (failed > 0 means some input failed).
    Raises ``OutputError`` when a summary or export file cannot be written and
    ``WorkerError`` when a worker process dies.
    Interrupts propagate after cleaning up (see the module docstring); the
    tally line is written then too, but not when stdout's reader has gone.
    """
    started = time.monotonic()
    tally = Tally()
    workers: Optional[_Workers] = None
    progress: Optional[_Progress] = None
    files = _Files(settings.fmt, settings) if settings.output_dir is not None else None
    recorder = render.Recorder(settings.export_width) if settings.showing.exporting else None
    err_write: Callable[[str], None] = stderr.write
    quiet = False
    try:
        total = count_documents(paths, settings) if settings.progress else None
        if settings.jobs > 1:
            workers = _Workers(settings.jobs)
        out_write: Callable[[str], None] = stdout.write
        show: Optional[Callable[[Any], None]] = None
        if settings.progress:
            progress = _Progress(stderr, total)
            err_write = _printer(progress.console)
            if stdout_terminal:
                # Both streams are the terminal: print through the progress
                # console so the bar stays below the results.
                out_write, show = err_write, progress.console.print
        if settings.fmt == "rich" and show is None:
            show = render.make_console(stdout, terminal=stdout_terminal).print
        record = recorder.print if recorder is not None else None
        writer = _Writer(settings.fmt, out_write, show, settings=settings, record=record) if files is None else None
        units = _units(walk(paths, settings.patterns, _skip(settings)), settings)
        stopped = drained = False
        for target, outcome in _ordered(units, settings, workers):
            for message in outcome.warnings:
                err_write(f"Warning: {message}\n")
            if files is not None:
                files.add(target, outcome)
            elif writer is not None:
                writer.add(outcome)
            if outcome.skipped:
                tally.skipped += 1
            elif outcome.error is not None:
                tally.failed += 1
                err_write(f"Error: {outcome.source}: {outcome.error}\n")
            else:
                tally.summarized += 1
            if progress is not None:
                progress.advance()
            if settings.fail_fast and outcome.error is not None:
                stopped = True
                break
        else:
            drained = True  # every document is back: the workers are idle
        if writer is not None:
            writer.close()
            if recorder is not None:
                recorder.save(svg=settings.showing.export_svg, html=settings.showing.export_html)
        elif files is not None and not stopped:
            files.finish()  # a dataset cut short by --fail-fast is left unwritten (aborted below)
    except BrokenPipeError:
        quiet = True  # stdout's reader has stopped (summarize news/ | head): nothing more to say
        raise
    finally:
        if files is not None:
            # A file not written (it failed, --fail-fast, an interrupt) takes
            # its summaries with it: they were never delivered.
            tally.summarized -= files.held
            files.abort()
        if workers is not None:
            workers.close(idle=drained)
        if progress is not None:
            progress.stop()
        tally.seconds = time.monotonic() - started
        if not quiet:
            stderr.write(tally.line() + "\n")
    return tally


class _Progress:
    """A rich progress bar on ``stderr``: documents done/total, documents
    per second and time left.  Transient: it is gone when stopped."""

    def __init__(self, stderr: IO[str], total: Optional[int]) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=render.make_console(stderr, terminal=True),
            redirect_stdout=False,
            redirect_stderr=False,
            transient=True,
        )
        self.console = self.bar.console
        self.task = self.bar.add_task("summarizing", total=total, rate="")
        self.started = time.monotonic()
        self.done = 0
        self.bar.start()

    def advance(self) -> None:
        self.done += 1
        rate = self.done / max(time.monotonic() - self.started, 1e-9)
        self.bar.update(self.task, advance=1, rate=f"{rate:.1f} docs/s")

    def stop(self) -> None:
        self.bar.stop()


def _printer(console: Any) -> Callable[[str], None]:
    def write(text: str) -> None:
        console.print(text, end="", markup=False, highlight=False, emoji=False, soft_wrap=True)

    return write
