"""On a worker: one unit of work read, summarized, and its output committed.

``process_unit`` is the task a run submits.  ``summarize_unit`` reads the
unit's input (``outcomes``: the readers, ``batch.dataset_units`` and
``outcome``, as the single-machine run uses them) and makes its output as
``outputs.Writer`` does (Parquet: ``_dask_parquet``); ``commit`` writes it
whole or not at all, unless the run's stop event (``stop_event``) says the
client was interrupted meanwhile.

A room of ``summarize.dask`` (the public face); imports fsspec, pyarrow and
distributed when first needed.
"""
from __future__ import annotations

import contextlib
import datetime
import io
import os
import time
from typing import Any, BinaryIO, Dict, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Tuple

from . import render
from ._dask_parquet import parquet_bytes
from ._dask_plan import Unit, strip_compression
from .batch import Repeats, dataset_units
from .datasets import lines_of
from .errors import InputError, SummarizeError, printable
from .outcome import Outcome, Request, failed, from_bytes, from_fields, from_path
from .outputs import Writer, encoded, gets_file, record_of, write_atomically
from .sources import is_url, open_error, read_capped
from .workers import Task, run_task

LINES_PER_FILE = 100
"""The most stderr lines (warnings, errors) one input sends back; the rest are counted."""

_LOCAL = ("file", "local")


class Work(NamedTuple):
    """What every task of a run does, sent with each: the request, the
    output ``fmt`` (``FORMATS``), what to show and the hints added to
    failures, where outputs go (``root``, a folder or URL prefix, with
    fsspec's ``storage_options``) and the run's ``token``."""

    request: Request
    fmt: str
    showing: render.Showing
    hints: Mapping[str, str]
    root: str
    storage_options: Mapping[str, Any]
    token: str


class FileResult(NamedTuple):
    """What a task sends back: whether its output was written (``done``)
    or the input could not be read (``error``), how many documents it
    held, were summarized and failed, the stderr ``lines`` (``more``: how
    many were left out), the output's size, the seconds taken and the
    process (``pid@host``)."""

    done: bool
    error: Optional[str] = None
    documents: int = 0
    summarized: int = 0
    failed: int = 0
    lines: Tuple[str, ...] = ()
    more: int = 0
    size: int = 0
    seconds: float = 0.0
    worker: str = ""


@contextlib.contextmanager
def _open(unit: Unit, work: Work, compression: Optional[str] = None) -> Iterator[BinaryIO]:
    """``unit``'s input opened for reading bytes (decompressed as
    ``compression`` says); ``InputError`` (named after the input) when it is
    missing, a folder or unreadable.  A local path is opened as the command
    opens it, so whatever it reads (a named pipe, say) is read alike."""
    import fsspec
    from fsspec.compression import compr

    try:
        if is_url(unit.url):
            handle: BinaryIO = fsspec.open(unit.url, "rb", **work.storage_options).open()
        else:
            handle = open(unit.url, "rb")
    except OSError as exc:
        raise open_error(exc, unit.name) from None
    with handle:
        if compression is None:
            yield handle
        else:
            with compr[compression](handle, mode="rb") as decompressed:
                yield decompressed


def _buffered(handle: Any) -> BinaryIO:
    # readline(size) for every kind of file: fsspec's own files read a line
    # to its end whatever its size, which the line cap must not allow.
    return io.BufferedReader(handle)


def _run(task: Task, request: Request) -> Outcome:
    """``workers.run_task``; an unexpected exception is the document's failure,
    not the file's: one document's bug must not lose the others."""
    try:
        return run_task(task, request)
    except Exception as exc:  # noqa: BLE001 - see above
        return failed(task[2], f"unexpected error ({type(exc).__name__}: {exc})")


def from_record(record: Dict[str, Any], source: str, request: Request) -> Outcome:
    try:
        return from_fields(record, source, request)
    except Exception as exc:  # noqa: BLE001 - as _run
        return failed(source, f"unexpected error ({type(exc).__name__}: {exc})")


def outcomes(unit: Unit, work: Work) -> Iterator[Outcome]:
    """The outcome of each document of ``unit``'s input, in order, as the
    single-machine run makes them.  Raises ``SummarizeError`` when the input
    as a whole cannot be read (missing, empty, not Parquet)."""
    request = work.request
    limit = request.reading.limit()
    if unit.kind == "page":
        yield from_path(unit.url, request)
    elif unit.kind == "text":
        try:
            with _open(unit, work) as handle:
                data = read_capped(handle, unit.name, limit)
        except SummarizeError as exc:  # as from_path says it
            yield failed(unit.name, exc)
            return
        yield from_bytes(data, unit.name, request)
    elif unit.kind == "dataset":
        with _open(unit, work, strip_compression(unit.url)[1]) as handle:
            try:
                for item in dataset_units(lines_of(_buffered(handle), limit), unit.name, limit):
                    yield item if isinstance(item, Outcome) else _run(item, request)
            except OSError as exc:
                raise open_error(exc, unit.name) from None
    else:
        for number, record in enumerate(_parquet_rows(unit, work), start=unit.first_row):
            yield from_record(record, f"{unit.name}:{number}", request)


def _parquet_rows(unit: Unit, work: Work) -> List[Dict[str, Any]]:
    """The rows of ``unit``'s row group as records: the columns of the
    request's fields that the file has, values made plain JSON."""
    import pyarrow.parquet as pq

    fields = work.request.fields
    with _open(unit, work) as handle:
        try:
            parquet = pq.ParquetFile(handle)
            wanted = {fields.text, fields.id, fields.title, fields.language}
            columns = [name for name in parquet.schema_arrow.names if name in wanted]  # in the file's order
            rows: List[Dict[str, Any]] = parquet.read_row_group(unit.row_group, columns=columns).to_pylist()
        except OSError:
            raise
        except Exception as exc:  # noqa: BLE001 - a damaged row group is the input's failure
            raise InputError(f"cannot read it as Parquet ({type(exc).__name__}: {exc})", source=unit.name) from None
    return [{key: plain(value) for key, value in row.items()} for row in rows]


def plain(value: Any) -> Any:
    """A Parquet value as JSON would hold it (a date as its ISO text, bytes as UTF-8)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


class _Lines:
    """The stderr lines of one input, as ``batch.run_batch`` says them: each
    outcome's notes, and its failure unless it repeats one already said
    (``batch.Repeats``); at most ``LINES_PER_FILE`` kept, the rest counted."""

    def __init__(self, hints: Mapping[str, str]) -> None:
        self.hints = hints
        self.repeats = Repeats()
        self.kept: List[str] = []
        self.more = 0

    def add(self, outcome: Outcome, dataset: Optional[str]) -> None:
        lines = render.note_lines(outcome)
        if outcome.failure is not None and not self.repeats.is_repeat(dataset, outcome):
            lines.append(f"Error: {outcome.source}: {render.failure_text(outcome.failure, self.hints)}\n")
        self.extend(lines)

    def extend(self, lines: Sequence[str]) -> None:
        room = max(0, LINES_PER_FILE - len(self.kept))
        self.kept += lines[:room]
        self.more += len(lines) - len(lines[:room])

    def finish(self) -> Tuple[Tuple[str, ...], int]:
        self.extend(self.repeats.finish())
        return tuple(self.kept), self.more


def summarize_unit(unit: Unit, work: Work) -> Tuple[Optional[bytes], FileResult]:
    """Summarize every document of ``unit``'s input: the bytes of its output
    file (None when it gets none: a text file that failed, an input that
    cannot be read) and the ``FileResult``.  Text formats are written by
    ``outputs.Writer`` as ``summarize -o`` writes them; Parquet holds the
    records of ``outputs.record_of`` in ``parquet_schema``."""
    started = time.perf_counter()
    parts: List[str] = []
    records: List[Dict[str, Any]] = []
    writer = Writer(work.fmt, parts.append, single=unit.single, showing=work.showing, hints=work.hints)
    lines = _Lines(work.hints)
    dataset = None if unit.single else unit.key
    documents = summarized = failures = 0
    written = 0
    why: Optional[str] = None  # a text file's failure: why it has no output
    try:
        for outcome in outcomes(unit, work):
            documents += 1
            summarized += outcome.summary is not None
            failures += outcome.failure is not None
            lines.add(outcome, dataset)
            if outcome.failure is not None and why is None:
                why = render.failure_text(outcome.failure, work.hints)
            if gets_file(unit.single, outcome):
                written += 1
                if work.fmt == "parquet":
                    record = record_of(outcome, work.hints)
                    if record is not None:
                        records.append(record)
                else:
                    writer.add(outcome)
    except SummarizeError as exc:  # the input as a whole, as batch mode says it
        failure = failed(unit.name, exc).failure
        assert failure is not None
        error = render.failure_text(failure, work.hints)
        kept, more = lines.finish()
        result = FileResult(False, error, documents, summarized, failures + 1, (*kept, f"Error: {printable(unit.key)}: {error}\n"), more)
        return None, _timed(result, started)
    kept, more = lines.finish()
    data: Optional[bytes] = None
    if written:
        writer.close()
        data = parquet_bytes(records) if work.fmt == "parquet" else encoded("".join(parts))
    result = FileResult(data is not None, None if data is not None else why, documents, summarized, failures, kept, more,
                        len(data or b""))
    return data, _timed(result, started)


def _timed(result: FileResult, started: float) -> FileResult:
    import socket

    return result._replace(seconds=round(time.perf_counter() - started, 3), worker=f"{os.getpid()}@{socket.gethostname()}")


def process_unit(unit: Unit, work: Work) -> FileResult:
    """One task: summarize ``unit`` (``summarize_unit``) and commit its
    output, unless the run was interrupted meanwhile.  Raises what
    writing raises (the task is then retried)."""
    data, result = summarize_unit(unit, work)
    if data is not None:
        if _stopped(work.token):
            # The client was interrupted: a task cancelled while it ran runs
            # to its end on a cluster the client did not start, and must not
            # leave an output the manifest will never list.
            raise RuntimeError("the run was interrupted")
        commit(join(work.root, unit.output), data, work.storage_options)
    return result


def join(root: str, relative: str) -> str:
    return root.rstrip("/") + "/" + relative.lstrip("/")


def is_local(fs: Any) -> bool:
    protocols = fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,)
    return bool(set(protocols) & set(_LOCAL))


def commit(url: str, data: bytes, storage_options: Mapping[str, Any] = {}) -> None:
    """Write ``data`` to ``url`` so that it appears whole or not at all: on
    a local disk ``outputs.write_atomically``; elsewhere (object stores)
    in one put, which makes an object appear only once complete."""
    import fsspec

    fs, path = fsspec.core.url_to_fs(url, **storage_options)
    if is_local(fs):
        write_atomically(path, data)
    else:
        fs.pipe_file(path, data)


def stop_event(token: str, client: Any = None) -> Any:
    from distributed import Event

    return Event(f"summarize-stop-{token}", client=client)


def _stopped(token: str) -> bool:
    """Whether the client of run ``token`` has been interrupted (False outside a worker)."""
    try:
        from distributed import get_worker

        get_worker()
    except (ImportError, ValueError):
        return False
    return bool(stop_event(token).is_set())
