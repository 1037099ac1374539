"""Many documents on a Dask cluster: one task per input file, the same bytes out.

``summarize_files`` plans one unit of work per input (a text file, a web
page, a JSON Lines dataset, or one row group of a Parquet file), runs each
as one task on a ``dask.distributed`` cluster and writes one output per
unit under an output folder or URL prefix (``s3://…``, ``gs://…``,
anything fsspec opens).  A task runs the single-machine path: the same
readers (``sources.from_bytes``, ``datasets.lines_of`` and
``batch.dataset_units``), the same per-document path (``outcome``) and
the same writer (``outputs.Writer``), so an output file holds exactly what
``summarize -o`` writes for that input.  ``summarize_bag`` summarizes a
``dask.bag`` (or a dask DataFrame) of texts or records instead.

This module is the public face and the run (``summarize_files``,
``summarize_bag``, ``Report``); its rooms do the rest: ``_dask_plan``
(inputs into units), ``_dask_task`` (one unit on a worker, its output
committed), ``_dask_parquet`` (Parquet's schema), ``_dask_manifest``
(``_manifest.json``, ``_SUCCESS``, resuming) and ``_dask_cluster``
(connecting, stop signals, driving the tasks).  They are the only modules
that import dask, distributed, fsspec and pyarrow (the ``dask`` and
``parquet`` extras), each when first needed; the command imports this
module only for ``--scheduler``.

What a run promises:

- An output appears whole or not at all: on a local disk under a temporary
  name, renamed once written (``outputs.write_atomically``); on an object
  store in one put (an object appears only once complete).
- A bad record is that record's error record, an unexpected exception in
  one document that document's; an input that cannot be read (missing,
  empty, not Parquet) fails alone, at once, without retries.
- A task that raises is retried ``RETRIES`` times; one whose worker dies
  (killed, out of memory) is rescheduled by Dask (``allowed-failures``,
  3).  At most one task per worker thread is in flight, since a dying
  worker takes every task it holds down with it; an input that still ends
  with a dead worker is tried once more, alone, at the end, where only a
  real culprit dies again.  An input that keeps failing is listed as
  failed and the run's exit status is 1; the others go on.
- ``_manifest.json`` beside the outputs accumulates over runs: the options
  (a run with other options is refused before any work), one entry per
  run, and each input's status (``done``, ``failed``, ``skipped``).
  ``_SUCCESS`` is removed when a run starts and written when every input
  it lists is done or skipped.  ``skip_existing`` leaves out the inputs
  whose output exists, found by one listing of the output folder.
- An interrupt (Ctrl-C, or what the caller raises on SIGTERM) cancels the
  tasks, tells those still running not to write (a per-run
  ``distributed.Event``: on a cluster the run did not start, a cancelled
  task runs to its end), records the manifest and propagates.
- ``local:N`` workers come from a fork server started with SIGINT and
  SIGHUP ignored, so Ctrl-C in the terminal reaches only this process;
  Dask's own logging stays off stderr.
"""
from __future__ import annotations

import datetime
import io
import secrets
import time
from dataclasses import replace
from typing import IO, Any, Callable, Dict, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

from . import __version__, render, terminal
from ._dask_cluster import connect, describe, drive, parse_scheduler
from ._dask_manifest import MANIFEST, MANIFEST_VERSION, SUCCESS, Manifest, differences, existing_files, options_of, read_manifest, record_run, remove
from ._dask_parquet import parquet_bytes, parquet_row, parquet_schema
from ._dask_plan import COMPRESSIONS, EXTENSIONS, FORMATS, PARQUET_SUFFIXES, Found, Unit, check_extras, expand, is_glob, plan
from ._dask_task import LINES_PER_FILE, FileResult, Work, commit, from_record, is_local, join, outcomes, plain, process_unit, summarize_unit
from .batch import Settings, Tally, check_destinations
from .errors import OutputError, printable
from .outcome import Request
from .outputs import mark_folder, record_of, remove_stale_temporaries
from .sources import is_url

__all__ = [
    "COMPRESSIONS",
    "EXTENSIONS",
    "FORMATS",
    "LINES_PER_FILE",
    "MANIFEST",
    "MANIFEST_VERSION",
    "PARQUET_SUFFIXES",
    "RETRIES",
    "SUCCESS",
    "FileResult",
    "Found",
    "Manifest",
    "Report",
    "Unit",
    "Work",
    "check_extras",
    "commit",
    "connect",
    "expand",
    "options_of",
    "outcomes",
    "parquet_bytes",
    "parquet_row",
    "parquet_schema",
    "parse_scheduler",
    "plan",
    "process_unit",
    "summarize_bag",
    "summarize_files",
    "summarize_unit",
]

RETRIES = 2
"""How many times a task that raises is tried again."""


class Report(NamedTuple):
    """What a run did: the ``tally`` of documents (summarized and failed in
    the outputs written, inputs failed and skipped: ``batch.Tally``), the
    manifest after it, whether it stopped early (``--fail-fast``), and
    whether it found any input at all."""

    tally: Tally
    manifest: Manifest
    failed_inputs: int = 0
    stopped: bool = False
    found: bool = True

    @property
    def exit_status(self) -> int:
        """1 when an input failed (it has no output) or the run stopped early,
        else 0: bad records are error records in outputs that are whole."""
        return 1 if self.stopped or self.failed_inputs else 0


def summarize_files(
    inputs: Sequence[str],
    settings: Settings,
    scheduler: Union[str, Any] = "local:1",
    *,
    stderr: Optional[IO[str]] = None,
    storage_options: Optional[Mapping[str, Any]] = None,
    retries: int = RETRIES,
) -> Report:
    """Summarize every input named by ``inputs`` (paths, folders, globs,
    fsspec URLs) on the Dask cluster ``scheduler`` (``local:N``, an
    address, or a ``distributed.Client``), one output per input (per
    Parquet row group) under ``settings.output_dir`` (a folder or URL
    prefix) in ``settings.fmt`` (``FORMATS``); the other settings mean
    what they mean for ``batch.run_batch``.

    Warnings, failures, the dashboard link, a progress bar
    (``settings.progress``) and the closing tally line go to ``stderr``.
    Raises ``OutputError`` before any work when the output holds a run
    with other options, or would destroy inputs (``batch.check_destinations``),
    or the scheduler cannot be reached; ``MissingExtraError``; interrupts
    propagate after cleaning up (module docstring).
    """
    if settings.fmt not in FORMATS:
        raise ValueError(f"not a format of a run on a cluster: {settings.fmt!r}")
    if settings.output_dir is None:
        raise ValueError("a run on a cluster needs settings.output_dir")
    check_extras(inputs, settings.output_dir, settings.fmt)
    so = dict(storage_options or {})
    err = stderr if stderr is not None else io.StringIO()
    import fsspec

    out_fs, out_path = fsspec.core.url_to_fs(settings.output_dir, **so)
    local_output = is_local(out_fs)
    root = out_path if local_output else out_fs.unstrip_protocol(out_path)
    skip: Tuple[str, ...] = ()
    if local_output:
        local = [arg for arg in inputs if not is_url(arg) and not is_glob(arg)]
        # check_destinations names outputs by batch's extensions: Parquet's
        # outputs (.parquet files, folders of row groups) are checked as JSON Lines'.
        if check_destinations(local, replace(settings, fmt="jsonl" if settings.fmt == "parquet" else settings.fmt)):
            mark_folder(out_path)
        skip = (out_path,)

    options = options_of(settings)
    manifest_url = join(root, MANIFEST)
    manifest = read_manifest(manifest_url, so)
    if manifest is None:
        manifest = Manifest(options=options)
    elif manifest.options != options:
        raise OutputError(
            f"{settings.output_dir} holds the outputs of a run with other options ({differences(manifest.options, options)}); "
            "give the same options to resume, or choose another output"
        )

    started = time.monotonic()
    token = secrets.token_hex(6)
    entry: Dict[str, Any] = {
        "started": _now(),
        "scheduler": scheduler if isinstance(scheduler, str) else "a client",
        "version": __version__,
        "done": 0,
        "failed": 0,
        "skipped": 0,
    }
    tally = Tally()
    progress: Optional[terminal.Progress] = None
    say: Callable[[str], object] = err.write
    units: List[Unit] = []
    unplanned: Dict[str, str] = {}
    interrupted = complete = stopped = recording = False
    try:
        units, unplanned = plan(inputs, settings.fmt, settings.names, skip, so)
        if not (units or unplanned):
            return Report(tally, manifest, found=False)
        recording = True
        manifest.runs.append(entry)
        remove(join(root, SUCCESS), so)
        for key, error in unplanned.items():
            manifest.units[key] = {"status": "failed", "error": error}
            entry["failed"] += 1
            tally.failed += 1
            say(f"Error: {printable(key)}: {error}\n")
        existing = existing_files(root, so) if settings.skip_existing else set()
        todo = []
        for unit in units:
            if unit.output in existing:
                manifest.units[unit.key] = {**manifest.units.get(unit.key, {}), "status": "skipped", "output": unit.output}
                entry["skipped"] += 1
                tally.skipped += 1
            else:
                todo.append(unit)
        if settings.progress:
            progress = terminal.Progress(err, len(units) + len(unplanned), unit="files")
            say = terminal.printer(progress.console)
            for _ in range(len(units) + len(unplanned) - len(todo)):
                progress.advance()
        if todo and not (settings.fail_fast and unplanned):
            work = Work(settings.request, settings.fmt, settings.showing, settings.hints, root, so, token)
            connecting = time.monotonic()

            def note(line: str) -> None:
                say(line + "\n")

            with connect(scheduler, note) as client:
                entry["startup_seconds"] = round(time.monotonic() - connecting, 3)
                working = time.monotonic()
                try:
                    stopped = drive(client, todo, work, retries, settings.fail_fast, manifest, entry, tally, progress, say)
                finally:
                    entry["work_seconds"] = round(time.monotonic() - working, 3)
        else:
            stopped = bool(todo)
        complete = not stopped
    except BaseException as exc:
        interrupted = not isinstance(exc, Exception)
        if not interrupted:
            entry["error"] = describe(exc)
        raise
    finally:
        if progress is not None:
            progress.stop()
        tally.seconds = time.monotonic() - started
        try:
            if recording:
                record_run(manifest, entry, tally, complete, interrupted, stopped, root, so)
        finally:
            if local_output and isinstance(scheduler, str) and scheduler.startswith("local:"):
                # The cluster is gone: temporary files its workers left are stale.
                remove_stale_temporaries(out_path)
            err.write(tally.line() + "\n")
    return Report(tally, manifest, entry["failed"], stopped)


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


# --- collections: a dask.bag or dask DataFrame of texts --------------------------------------


def summarize_bag(texts: Any, request: Request = Request(), *, name: str = "texts", hints: Mapping[str, str] = render.NO_HINTS) -> Any:
    """A ``dask.bag.Bag`` of the record (``outputs.record_of``: the shape
    of ``--format jsonl``) of each item of ``texts``, in order, computed
    lazily: ``texts`` is a ``dask.bag.Bag`` of strings (articles) or of
    records (mappings, read as ``request.fields`` says: text, id, title),
    a dask ``Series`` of strings or a dask ``DataFrame`` (each row a
    record).  The document at row R (from 1) of partition P is named
    ``NAME:P:R``.  ``.to_dataframe()`` or ``parquet_row`` make a table of it."""
    import dask
    import dask.bag

    if not isinstance(texts, dask.bag.Bag):
        texts = texts.to_bag(format="dict") if hasattr(texts, "columns") else texts.to_bag()
    parts = texts.to_delayed()
    summarized = [dask.delayed(_summarize_partition)(part, number, request, name, hints) for number, part in enumerate(parts)]
    return dask.bag.from_delayed(summarized)


def _summarize_partition(items: Sequence[Any], partition: int, request: Request, name: str, hints: Mapping[str, str]) -> List[Dict[str, Any]]:
    records: List[Dict[str, Any]] = []
    for row, item in enumerate(items, start=1):
        record = {str(key): plain(value) for key, value in item.items()} if isinstance(item, Mapping) else {request.fields.text: item}
        data = record_of(from_record(record, f"{name}:{partition}:{row}", request), hints)
        if data is not None:
            records.append(data)
    return records
