"""Many documents: planning, the run loop, progress and the closing tally.

``run_batch`` walks the path arguments (``walk``), plans each document (a
task for the workers, or an outcome already settled: a missing input, an
output that exists), has them summarized (``workers``) and writes the
outcomes in input order (``outputs``), so the bytes out are the same for any
number of workers.  An input that cannot be summarized is reported on
stderr (and as an ``{"source", "error"}`` record in JSON output) and the
rest go on.

Interrupts (KeyboardInterrupt, or whatever the caller raises from a SIGTERM
handler) stop the workers at once, delete the output file being written,
report what was done and propagate.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import IO, Any, Callable, Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

from . import render, terminal
from .datasets import read_lines
from .errors import InputError, OutputError, TooLargeError, printable
from .outcome import Outcome, Request, failed, skipped
from .outputs import OutputFiles, Target, Writer, is_marked, mark_folder, remove_stale_temporaries
from .sources import is_url
from .walk import Input, Names, walk
from .workers import Task, Unit, Workers, ordered


@dataclass(frozen=True)
class Settings:
    """What to do with the inputs.

    ``request``: what to do with each document (``outcome.Request``).
    ``fmt``: ``plain``, ``rich``, ``json``, ``jsonl`` or ``markdown`` (``rich``
    only without ``output_dir``).  ``output_dir``: write one file per input
    there instead of stdout.  ``skip_existing``: leave out inputs whose output
    file exists.  ``fail_fast``: stop at the first failure.  ``jobs``: worker
    processes (1 runs in this process).  ``names``: the file names taken
    from folders.  ``progress``: show a progress bar on stderr.
    ``stdout_terminal``: stdout is a terminal (the progress bar then prints
    the results above itself).

    ``showing``: per document, as for one (``render.Showing``; with
    ``highlight`` the request must keep the text).  The export files hold
    the rich rendering of every document (a panel each, ``export_width``
    columns, else ``terminal.EXPORT_WIDTH``; not with ``output_dir``).  ``hints``: what the command adds to
    a failure's message, by setting (``render.failure_text``).
    """

    request: Request = Request()
    fmt: str = "plain"
    output_dir: Optional[str] = None
    skip_existing: bool = False
    fail_fast: bool = False
    jobs: int = 1
    names: Names = Names()
    progress: bool = False
    stdout_terminal: bool = False
    showing: render.Showing = render.Showing()
    export_width: Optional[int] = None
    hints: Mapping[str, str] = field(default_factory=dict)


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


# --- inputs → units of work, in order ---------------------------------------


def _output_path(settings: Settings, item: Input) -> str:
    stem = os.path.splitext(item.relative)[0]
    return os.path.join(str(settings.output_dir), stem + render.EXTENSIONS[settings.fmt])


class Place(NamedTuple):
    """Where a document's outcome goes: its ``target`` under ``output_dir``
    (None: stdout, or nowhere), and the ``dataset`` it is a line of (None
    for a file or URL)."""

    target: Optional[Target] = None
    dataset: Optional[str] = None


def plan(inputs: Iterator[Input], settings: Settings) -> Iterator[Unit[Place]]:
    """Each document to summarize (a task) or already settled (an outcome),
    in input order, with its ``Place``."""
    claimed: Dict[str, str] = {}
    nowhere = Place()
    for item in inputs:
        if item.error:
            yield nowhere, failed(item.path, item.error)
            continue
        target = None
        if settings.output_dir is not None:
            path = _output_path(settings, item)
            if path in claimed:
                yield nowhere, failed(item.path, f"its summary would overwrite the one of {claimed[path]} in {path}")
                continue
            claimed[path] = item.path
            if settings.skip_existing and os.path.exists(path):
                yield nowhere, skipped(item.path)
                continue
            target = Target(path, single=not item.dataset)
        if not item.dataset:
            yield Place(target), ("file", item.path, item.path)
            continue
        place = Place(target, item.path)
        try:
            limit = settings.request.reading.limit()
            for work in dataset_units(read_lines(item.path, limit), item.path, limit):
                yield place, work
        except InputError as exc:
            yield nowhere, failed(item.path, exc)
        except OSError as exc:
            yield nowhere, failed(item.path, f"cannot read it ({exc.strerror or exc})")


def dataset_units(lines: Iterable[Tuple[int, Optional[bytes]]], name: str, limit: int) -> Iterator[Union[Task, Outcome]]:
    """Each line of the dataset ``name`` (``datasets.lines_of``) as a task,
    in order, or as its failure when it is over ``limit`` bytes (``None``).
    Raises ``InputError`` (its source ``name``) once the lines end when there
    was none: the dataset is empty."""
    found = False
    for number, line in lines:
        found = True
        if line is None:
            error = TooLargeError(f"the line is larger than the {limit:,}-byte limit")
            yield failed(f"{name}:{number}", error)
        else:
            yield ("record", line, f"{name}:{number}")
    if not found:
        raise InputError("no records: the dataset is empty", source=name)


class Repeats:
    """The failures of a dataset's lines that repeat one problem (the same
    ``Failure.brief``): the first is reported in full, the later ones are
    counted and reported in one line once the dataset's lines end, so ten
    thousand lines without the text field give two lines, not ten
    thousand."""

    SHOWN = 5
    """How many line numbers the closing line lists."""

    def __init__(self) -> None:
        self.dataset: Optional[str] = None
        self.lines: Dict[str, List[str]] = {}

    def is_repeat(self, dataset: Optional[str], outcome: Outcome) -> bool:
        """Whether ``outcome`` (a failure of a line of ``dataset``, None
        for a file) repeats a problem already reported for that dataset:
        then it is counted instead.  Call ``finish`` first when the dataset
        changes."""
        failure = outcome.failure
        if dataset is None or failure is None:
            return False
        if dataset != self.dataset:
            self.dataset, self.lines = dataset, {}
        brief = failure.brief or failure.message
        if brief not in self.lines:
            self.lines[brief] = []
            return False
        self.lines[brief].append(outcome.source.rsplit(":", 1)[-1])
        return True

    def finish(self, dataset: Optional[str] = None) -> List[str]:
        """The closing lines for the dataset counted so far, unless it is
        ``dataset`` (the one still going on); newline-terminated."""
        if self.dataset is None or dataset == self.dataset:
            return []
        lines = []
        for brief, numbers in self.lines.items():
            if numbers:
                shown = ", ".join(numbers[: self.SHOWN]) + (", …" if len(numbers) > self.SHOWN else "")
                count = len(numbers)
                lines.append(
                    f"Error: {printable(self.dataset)}: {brief} on {count:,} more line{'s' if count != 1 else ''} ({shown})\n"
                )
        self.dataset, self.lines = None, {}
        return lines


def check_destinations(paths: Sequence[str], settings: Settings) -> bool:
    """Refuse, before anything is written, a run whose output folder would
    destroy or hide inputs: raises ``OutputError`` naming the input at risk
    when the output folder is an input folder, when it lies inside one and
    holds files that folder's walk would take, or when a summary file would
    be written over an input (``a.md``'s summary ``a.txt`` over the input
    ``a.txt``).  An output folder that an earlier run marked as its own
    (``outputs.MARK``) holds summaries, not inputs.  Returns whether the
    output folder lies inside an input folder (so the run must mark it);
    False without ``output_dir``."""
    if settings.output_dir is None:
        return False
    out = settings.output_dir
    real_out = os.path.realpath(out)
    inside = False
    for path in paths:
        if is_url(path) or not os.path.isdir(path):
            continue
        real = os.path.realpath(path)
        if real == real_out:
            raise OutputError(
                f"the output folder {out} is the input folder {path}: summaries would be written among "
                "the articles; choose an output folder outside it"
            )
        if not real_out.startswith(real.rstrip(os.sep) + os.sep):
            continue
        inside = True
        if not is_marked(out):
            held = next((item.path for item in walk([out], settings.names) if not item.error), None)
            if held is not None:
                raise OutputError(
                    f"the output folder {out} lies inside the input folder {path} and holds inputs such as "
                    f"{held}, which the run would leave out or overwrite; choose an output folder outside {path}"
                )
    inputs: Dict[str, str] = {}
    outputs: Dict[str, str] = {}
    for item in walk(paths, settings.names, _skip(settings)):
        if item.error is None and not is_url(item.path):
            inputs.setdefault(os.path.realpath(item.path), item.path)
            outputs.setdefault(os.path.realpath(_output_path(settings, item)), item.path)
    for real, source in outputs.items():
        if real in inputs:
            raise OutputError(
                f"the summary of {source} would be written over the input {inputs[real]}; "
                "choose an output folder that holds no inputs"
            )
    return inside


def count_documents(paths: Sequence[str], settings: Settings) -> int:
    """How many outcomes ``run_batch`` will report for ``paths``: a first
    pass over the same walk, reading datasets but no text file."""
    return sum(1 for _ in plan(walk(paths, settings.names, _skip(settings)), settings))


def _skip(settings: Settings) -> Tuple[str, ...]:
    return (settings.output_dir,) if settings.output_dir else ()


# --- the run -------------------------------------------------------------------


def run_batch(paths: Sequence[str], settings: Settings, stdout: IO[str], stderr: IO[str]) -> Tally:
    """Summarize every document named by ``paths`` (files, folders, ``.jsonl``
    datasets) and write the results in input order to ``stdout``, or one
    file per input under ``settings.output_dir``.

    Failures, warnings, the progress bar and the closing tally line go to
    ``stderr``.  Returns the tally (failed > 0 means some input failed).
    Raises ``OutputError`` before any work when the output folder would
    destroy or hide inputs (``check_destinations``), and when a summary or
    export file cannot be written; ``WorkerError`` when a worker process dies.
    Interrupts propagate after cleaning up (see the module docstring); the
    tally line is written then too, but not when stdout's reader has gone.
    """
    if check_destinations(paths, settings):
        mark_folder(str(settings.output_dir))
    if settings.output_dir is not None and os.path.isdir(settings.output_dir):
        remove_stale_temporaries(settings.output_dir)
    started = time.monotonic()
    tally = Tally()
    workers: Optional[Workers] = None
    progress: Optional[terminal.Progress] = None
    files = OutputFiles(settings.fmt, settings.showing, settings.hints) if settings.output_dir is not None else None
    recorder = terminal.Recorder(settings.export_width) if settings.showing.exporting else None
    err_write: Callable[[str], object] = stderr.write
    repeats = Repeats()
    quiet = False
    try:
        total = count_documents(paths, settings) if settings.progress else None
        if settings.jobs > 1:
            workers = Workers(settings.jobs)
        out_write: Callable[[str], object] = stdout.write
        show: Optional[Callable[[Any], None]] = None
        if settings.progress:
            progress = terminal.Progress(stderr, total)
            err_write = terminal.printer(progress.console)
            if settings.stdout_terminal:
                # Both streams are the terminal: print through the progress
                # console so the bar stays below the results.
                out_write, show = err_write, progress.console.print
        if settings.fmt == "rich" and show is None:
            show = terminal.make_console(stdout, terminal=settings.stdout_terminal).print
        record = recorder.print if recorder is not None else None
        writer = None
        if files is None:
            writer = Writer(settings.fmt, out_write, show, showing=settings.showing, hints=settings.hints, record=record)
        units = plan(walk(paths, settings.names, _skip(settings)), settings)
        stopped = drained = False
        for (target, dataset), outcome in ordered(units, settings.request, workers):
            for line in repeats.finish(dataset):
                err_write(line)
            for line in render.note_lines(outcome):
                err_write(line)
            if files is not None:
                files.add(target, outcome)
            elif writer is not None:
                writer.add(outcome)
            if outcome.skipped:
                tally.skipped += 1
            elif outcome.failure is not None:
                tally.failed += 1
                if not repeats.is_repeat(dataset, outcome):
                    err_write(f"Error: {outcome.source}: {render.failure_text(outcome.failure, settings.hints)}\n")
            else:
                tally.summarized += 1
            if progress is not None:
                progress.advance()
            if settings.fail_fast and outcome.failure is not None:
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
            for line in repeats.finish():
                stderr.write(line)
            stderr.write(tally.line() + "\n")
    return tally
