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

The only module that imports dask, distributed, fsspec and pyarrow (the
``dask`` and ``parquet`` extras), each when first needed; the command
imports this module only for ``--scheduler``.

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

import contextlib
import datetime
import glob as globbing
import io
import itertools
import json
import logging
import os
import posixpath
import secrets
import sys
import time
import warnings
from dataclasses import dataclass, field, replace
from typing import IO, Any, BinaryIO, Callable, Dict, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

from . import __version__, render, terminal
from .batch import Repeats, Settings, Tally, check_destinations, dataset_units
from .datasets import is_dataset, lines_of
from .errors import InputError, MissingExtraError, OutputError, SummarizeError, printable
from .outcome import Outcome, Request, failed, from_bytes, from_fields, from_path
from .outputs import Writer, encoded, gets_file, mark_folder, record_of, remove_stale_temporaries, write_atomically
from .sources import is_url, open_error, read_capped
from .walk import Names, name_matcher, url_file_name, walk
from .workers import Task, run_task

FORMATS = ("plain", "json", "jsonl", "markdown", "parquet")
"""The output formats of a run on a cluster: the text formats, and Parquet."""

EXTENSIONS: Mapping[str, str] = {**render.EXTENSIONS, "parquet": ".parquet"}

MANIFEST = "_manifest.json"
SUCCESS = "_SUCCESS"
MANIFEST_VERSION = 1

RETRIES = 2
"""How many times a task that raises is tried again."""

LINES_PER_FILE = 100
"""The most stderr lines (warnings, errors) one input sends back; the rest are counted."""

PARQUET_SUFFIXES = (".parquet", ".pq")
COMPRESSIONS = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd"}
"""Compressed datasets (``news.jsonl.gz``), read as a stream: one task each."""

_WEB = ("http://", "https://")
_LOCAL = ("file", "local")


def _install(extra: str) -> str:
    needs = "" if sys.version_info >= (3, 10) else ", which needs Python 3.10 or later"
    return f"the {extra} extra{needs} (pip install 'summarize[{extra}]')"


def check_extras(inputs: Sequence[str], output: str, fmt: str) -> None:
    """Raise ``MissingExtraError`` naming the extra to install when what a
    run over ``inputs`` into ``output`` in ``fmt`` needs is missing: the
    ``dask`` extra always, ``s3`` for ``s3://``, ``gcs`` for ``gs://`` and
    ``parquet`` for Parquet in or out (checked again for Parquet inputs a
    folder holds)."""
    import importlib.util

    def missing(module: str) -> bool:
        return importlib.util.find_spec(module) is None

    if missing("distributed") or missing("fsspec"):
        raise MissingExtraError(f"running on a Dask cluster needs {_install('dask')}")
    urls = [*inputs, output]
    if any(url.startswith(("s3://", "s3a://")) for url in urls) and missing("s3fs"):
        raise MissingExtraError(f"reading and writing s3:// needs {_install('s3')}")
    if any(url.startswith(("gs://", "gcs://")) for url in urls) and missing("gcsfs"):
        raise MissingExtraError(f"reading and writing gs:// needs {_install('gcs')}")
    if (fmt == "parquet" or any(_is_parquet(url) for url in inputs)) and missing("pyarrow"):
        raise MissingExtraError(f"Parquet needs {_install('parquet')}")


# --- units of work ------------------------------------------------------------------


class Unit(NamedTuple):
    """One task: read ``url`` (``row_group`` of it, for Parquet), name its
    documents after ``name`` as ``summarize`` names them (``FILE``,
    ``FILE:LINE``, ``FILE:ROW``), write ``output`` (below the output root).

    ``key``: the input in messages and the manifest (``name``, or
    ``name#rgK`` for a row group).  ``kind``: ``text`` (one document),
    ``page`` (a web page's URL), ``dataset`` (JSON Lines, maybe
    compressed) or ``rows`` (a Parquet row group, its first row numbered
    ``first_row``)."""

    key: str
    url: str
    name: str
    kind: str
    output: str
    row_group: int = -1
    first_row: int = 1

    @property
    def single(self) -> bool:
        return self.kind in ("text", "page")


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


def _strip_compression(name: str) -> Tuple[str, Optional[str]]:
    stem, extension = posixpath.splitext(name)
    compression = COMPRESSIONS.get(extension.lower())
    return (stem, compression) if compression else (name, None)


def _is_parquet(name: str) -> bool:
    return name.lower().endswith(PARQUET_SUFFIXES)


def _kind(name: str) -> str:
    if name.startswith(_WEB):
        return "page"
    if _is_parquet(name):
        return "rows"
    return "dataset" if is_dataset(_strip_compression(name)[0]) else "text"


def _is_glob(path: str) -> bool:
    return any(ch in path for ch in "*?[")


def _glob_root(pattern: str) -> str:
    fixed = []
    for part in pattern.split("/"):
        if _is_glob(part):
            break
        fixed.append(part)
    return "/".join(fixed)


class Found(NamedTuple):
    """An input an argument names: where to read it (``url``), the name its
    documents go by, its path below the argument (``relative``, mirrored
    under the output), or why it cannot be read (``error``)."""

    url: str
    name: str
    relative: str
    error: Optional[str] = None


def expand(arg: str, names: Names, skip: Sequence[str] = (), storage_options: Mapping[str, Any] = {}) -> Iterator[Found]:
    """The inputs ``arg`` names, in sorted order: a file (whatever its
    name), a folder walked for ``names`` (hidden names skipped, as
    ``walk`` does; local folders by ``walk`` itself, ``skip`` left out), a
    glob (``news/*.jsonl``, ``s3://bucket/2024/*/*.jsonl``: each match a
    file, or a folder walked), an ``http(s)://`` page, or any URL fsspec
    opens.  An argument that names nothing is yielded with its error."""
    if arg.startswith(_WEB):
        yield Found(arg, arg, url_file_name(arg))
        return
    if not is_url(arg):
        yield from _expand_local(arg, names, skip)
        return
    yield from _expand_remote(arg, names, storage_options)


def _expand_local(arg: str, names: Names, skip: Sequence[str]) -> Iterator[Found]:
    if _is_glob(arg) and not os.path.exists(arg):
        matches = sorted(globbing.glob(arg, recursive=True))
        if not matches:
            yield Found(os.path.abspath(arg), arg, os.path.basename(arg), "no such file or folder, and nothing matches")
        root = _glob_root(arg) or "."
        for match in matches:
            below = os.path.relpath(match, root)
            for item in walk([match], names, skip):
                relative = below if not os.path.isdir(match) else os.path.join(below, item.relative)
                yield Found(os.path.abspath(item.path), item.path, relative, item.error)
        return
    for item in walk([arg], names, skip):
        yield Found(os.path.abspath(item.path), item.path, item.relative, item.error)


def _expand_remote(arg: str, names: Names, storage_options: Mapping[str, Any]) -> Iterator[Found]:
    import fsspec

    matches = name_matcher(names)
    fs, path = fsspec.core.url_to_fs(arg, **storage_options)

    def below(folder: str) -> Iterator[Found]:
        for found in sorted(fs.find(folder)):
            relative = posixpath.relpath(found, folder)
            parts = relative.split("/")
            if not any(part.startswith(".") for part in parts) and matches(parts[-1]):
                yield Found(fs.unstrip_protocol(found), fs.unstrip_protocol(found), relative)

    try:
        if _is_glob(path):
            root = _glob_root(path)
            hits = sorted(fs.glob(path))
            if not hits:
                yield Found(arg, arg, posixpath.basename(path), "nothing matches")
            for hit in hits:
                relative = posixpath.relpath(hit, root) if root else hit
                if fs.isdir(hit):
                    for item in below(hit):
                        yield item._replace(relative=posixpath.join(relative, item.relative))
                else:
                    yield Found(fs.unstrip_protocol(hit), fs.unstrip_protocol(hit), relative)
        elif fs.isdir(path):
            yield from below(path)
        elif fs.exists(path):
            yield Found(fs.unstrip_protocol(path), arg, posixpath.basename(path.rstrip("/")))
        else:
            yield Found(arg, arg, posixpath.basename(path), "no such file or folder")
    except OSError as exc:
        yield Found(arg, arg, posixpath.basename(path), f"cannot list it ({exc.strerror or exc})")


def plan(
    inputs: Sequence[str], fmt: str, names: Names = Names(), skip: Sequence[str] = (), storage_options: Mapping[str, Any] = {}
) -> Tuple[List[Unit], Dict[str, str]]:
    """The units of work for ``inputs``, in order, and the inputs that
    cannot be planned, with why (``{key: error}``): nothing there, two
    inputs that would write one output, a Parquet file whose footer cannot
    be read (footers are read here, one or two requests per file)."""
    units: List[Unit] = []
    failures: Dict[str, str] = {}
    claimed: Dict[str, str] = {}
    extension = EXTENSIONS[fmt]
    for arg in inputs:
        for found in expand(arg, names, skip, storage_options):
            if found.error is not None:
                failures[found.name] = found.error
                continue
            kind = _kind(found.url)
            stem = posixpath.splitext(_strip_compression(found.relative)[0])[0]
            if kind == "rows":
                try:
                    groups = _row_groups(found.url, storage_options)
                except MissingExtraError:
                    raise
                except Exception as exc:  # noqa: BLE001 - a footer that cannot be read fails that input only
                    failures[found.name] = f"cannot read it as Parquet ({type(exc).__name__}: {exc})"
                    continue
                first = 1
                targets = []
                for group, rows in enumerate(groups):
                    targets.append((f"{found.name}#rg{group}", posixpath.join(stem, f"rg-{group:05d}{extension}"), group, first))
                    first += rows
            else:
                targets = [(found.name, stem + extension, -1, 1)]
            for key, output, group, first in targets:
                if output in claimed:
                    failures[key] = f"its summary would overwrite the one of {claimed[output]} in {output}"
                    continue
                claimed[output] = key
                units.append(Unit(key, found.url, found.name, kind, output, group, first))
    return units, failures


def _row_groups(url: str, storage_options: Mapping[str, Any]) -> List[int]:
    """How many rows each row group of the Parquet file at ``url`` holds."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise MissingExtraError(f"Parquet needs {_install('parquet')}") from None
    import fsspec

    with fsspec.open(url, "rb", **storage_options) as handle:
        metadata = pq.ParquetFile(handle).metadata
        return [metadata.row_group(k).num_rows for k in range(metadata.num_row_groups)]


# --- on the workers: one input, read, summarized, written -------------------------------


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


def _from_record(record: Dict[str, Any], source: str, request: Request) -> Outcome:
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
        with _open(unit, work, _strip_compression(unit.url)[1]) as handle:
            try:
                for item in dataset_units(lines_of(_buffered(handle), limit), unit.name, limit):
                    yield item if isinstance(item, Outcome) else _run(item, request)
            except OSError as exc:
                raise open_error(exc, unit.name) from None
    else:
        for number, record in enumerate(_parquet_rows(unit, work), start=unit.first_row):
            yield _from_record(record, f"{unit.name}:{number}", request)


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
    return [{key: _plain(value) for key, value in row.items()} for row in rows]


def _plain(value: Any) -> Any:
    """A Parquet value as JSON would hold it (a date as its ISO text, bytes as UTF-8)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
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
        commit(_join(work.root, unit.output), data, work.storage_options)
    return result


def _join(root: str, relative: str) -> str:
    return root.rstrip("/") + "/" + relative.lstrip("/")


def _is_local(fs: Any) -> bool:
    protocols = fs.protocol if isinstance(fs.protocol, tuple) else (fs.protocol,)
    return bool(set(protocols) & set(_LOCAL))


def commit(url: str, data: bytes, storage_options: Mapping[str, Any] = {}) -> None:
    """Write ``data`` to ``url`` so that it appears whole or not at all: on
    a local disk ``outputs.write_atomically``; elsewhere (object stores)
    in one put, which makes an object appear only once complete."""
    import fsspec

    fs, path = fsspec.core.url_to_fs(url, **storage_options)
    if _is_local(fs):
        write_atomically(path, data)
    else:
        fs.pipe_file(path, data)


def _stop_event(token: str, client: Any = None) -> Any:
    from distributed import Event

    return Event(f"summarize-stop-{token}", client=client)


def _stopped(token: str) -> bool:
    """Whether the client of run ``token`` has been interrupted (False outside a worker)."""
    try:
        from distributed import get_worker

        get_worker()
    except (ImportError, ValueError):
        return False
    return bool(_stop_event(token).is_set())


# --- Parquet out ------------------------------------------------------------------------


def parquet_schema() -> Any:
    """The fixed schema of Parquet output: the fields of
    ``render.summary_dict`` and ``render.error_dict`` (ids as text: a
    number 42 is "42"), each null where a record lacks it."""
    import pyarrow as pa

    term = pa.struct([("term", pa.string()), ("weight", pa.float64())])
    return pa.schema(
        [
            ("source", pa.string()),
            ("id", pa.string()),
            ("title", pa.string()),
            ("language", pa.string()),
            ("byline", pa.string()),
            ("date", pa.string()),
            ("url", pa.string()),
            ("dateline", pa.string()),
            ("keywords", pa.list_(term)),
            ("sentences", pa.list_(pa.struct([("index", pa.int32()), ("text", pa.string()), ("score", pa.float64())]))),
            ("total_sentences", pa.int32()),
            ("settings", pa.struct([("sentences", pa.int32()), ("ratio", pa.float64()), ("words", pa.int32())])),
            (
                "all_sentences",
                pa.list_(
                    pa.struct(
                        [
                            ("index", pa.int32()),
                            ("text", pa.string()),
                            ("score", pa.float64()),
                            ("selected", pa.bool_()),
                            ("top_terms", pa.list_(term)),
                        ]
                    )
                ),
            ),
            ("error", pa.string()),
        ]
    )


def parquet_row(record: Mapping[str, Any]) -> Dict[str, Any]:
    """A JSON record (``outputs.record_of``) as a row of ``parquet_schema``."""
    row = dict(record)
    if "id" in row and row["id"] is not None and not isinstance(row["id"], str):
        row["id"] = json.dumps(row["id"], ensure_ascii=False)
    return row


def parquet_bytes(records: Sequence[Mapping[str, Any]]) -> bytes:
    """``records`` as one Parquet file of ``parquet_schema``, in order (zstd)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([parquet_row(record) for record in records], schema=parquet_schema())
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


# --- the manifest -----------------------------------------------------------------------


@dataclass
class Manifest:
    """What every run into one output did: the ``options`` (compared on
    resume), one entry per run, and each input's entry by key
    (``status``: ``done``, ``failed`` or ``skipped``; ``output`` below the
    root; counts; ``error``)."""

    options: Dict[str, Any]
    units: Dict[str, Dict[str, Any]] = field(default_factory=dict)
    runs: List[Dict[str, Any]] = field(default_factory=list)

    @property
    def failed(self) -> List[str]:
        return [key for key, entry in self.units.items() if entry.get("status") == "failed"]

    @property
    def ok(self) -> bool:
        return all(entry.get("status") in ("done", "skipped") for entry in self.units.values())

    def to_json(self) -> bytes:
        units = {key: self.units[key] for key in sorted(self.units)}
        data = {"version": MANIFEST_VERSION, "options": self.options, "runs": self.runs, "units": units}
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8", "backslashreplace")

    @classmethod
    def from_json(cls, data: bytes) -> "Manifest":
        obj = json.loads(data)
        return cls(options=obj["options"], units=obj.get("units", {}), runs=obj.get("runs", []))


def options_of(settings: Settings) -> Dict[str, Any]:
    """The options that decide what an output holds, as the manifest keeps
    them (JSON values): a resumed run must give the same."""
    request, showing = settings.request, settings.showing
    return {
        "format": settings.fmt,
        "budget": request.budget.as_dict(),
        "input_format": request.reading.input_format,
        "max_bytes": request.reading.max_bytes,
        "text_field": request.fields.text,
        "id_field": request.fields.id,
        "title_field": request.fields.title,
        "language": request.language,
        "language_field": request.fields.language,
        "explain": request.explain,
        "keywords": request.keywords,
        "show_keywords": showing.show_keywords,
        "highlight": showing.highlight,
    }


def _read_manifest(url: str, storage_options: Mapping[str, Any]) -> Optional[Manifest]:
    import fsspec

    fs, path = fsspec.core.url_to_fs(url, **storage_options)
    try:
        return Manifest.from_json(fs.cat_file(path))
    except FileNotFoundError:
        return None
    except (ValueError, KeyError, TypeError) as exc:
        raise OutputError(f"cannot read the manifest {url} ({exc}); move it away, or choose another output") from None


def _differences(old: Mapping[str, Any], new: Mapping[str, Any]) -> str:
    keys = sorted(set(old) | set(new))
    return ", ".join(f"{key}: {json.dumps(old.get(key))} then {json.dumps(new.get(key))}" for key in keys if old.get(key) != new.get(key))


def _existing(root: str, storage_options: Mapping[str, Any]) -> set[str]:
    """Every file below ``root``, relative to it: one listing, not one
    request per input."""
    import fsspec

    fs, path = fsspec.core.url_to_fs(root, **storage_options)
    try:
        found = fs.find(path)
    except FileNotFoundError:
        return set()
    base = path.rstrip("/") + "/"
    return {name[len(base):] for name in found if name.startswith(base)}


def _remove(url: str, storage_options: Mapping[str, Any]) -> None:
    import fsspec

    fs, path = fsspec.core.url_to_fs(url, **storage_options)
    with contextlib.suppress(FileNotFoundError):
        if fs.exists(path):
            fs.rm_file(path)


# --- the cluster ------------------------------------------------------------------------


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
    them ignored, replacements included.  It imports this module once, so
    workers start warm.  The Dask setting stays in force while the cluster
    lives: a worker restarted after a death is forked the same way.
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
        context.set_forkserver_preload(modules + [m for m in (__name__,) if m not in modules])
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


def _describe(exc: BaseException) -> str:
    if type(exc).__name__ == "KilledWorker":
        return "its worker process died each time it was tried (killed, out of memory, crashed)"
    return f"{type(exc).__name__}: {exc}"


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")


# --- the run ----------------------------------------------------------------------------


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
    local_output = _is_local(out_fs)
    root = out_path if local_output else out_fs.unstrip_protocol(out_path)
    skip: Tuple[str, ...] = ()
    if local_output:
        local = [arg for arg in inputs if not is_url(arg) and not _is_glob(arg)]
        # check_destinations names outputs by batch's extensions: Parquet's
        # outputs (.parquet files, folders of row groups) are checked as JSON Lines'.
        if check_destinations(local, replace(settings, fmt="jsonl" if settings.fmt == "parquet" else settings.fmt)):
            mark_folder(out_path)
        skip = (out_path,)

    options = options_of(settings)
    manifest_url = _join(root, MANIFEST)
    manifest = _read_manifest(manifest_url, so)
    if manifest is None:
        manifest = Manifest(options=options)
    elif manifest.options != options:
        raise OutputError(
            f"{settings.output_dir} holds the outputs of a run with other options ({_differences(manifest.options, options)}); "
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
        _remove(_join(root, SUCCESS), so)
        for key, error in unplanned.items():
            manifest.units[key] = {"status": "failed", "error": error}
            entry["failed"] += 1
            tally.failed += 1
            say(f"Error: {printable(key)}: {error}\n")
        existing = _existing(root, so) if settings.skip_existing else set()
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
                    stopped = _drive(client, todo, work, retries, settings.fail_fast, manifest, entry, tally, progress, say)
                finally:
                    entry["work_seconds"] = round(time.monotonic() - working, 3)
        else:
            stopped = bool(todo)
        complete = not stopped
    except BaseException as exc:
        interrupted = not isinstance(exc, Exception)
        if not interrupted:
            entry["error"] = _describe(exc)
        raise
    finally:
        if progress is not None:
            progress.stop()
        tally.seconds = time.monotonic() - started
        try:
            if recording:
                _finish(manifest, entry, tally, complete, interrupted, stopped, root, so)
        finally:
            if local_output and isinstance(scheduler, str) and scheduler.startswith("local:"):
                # The cluster is gone: temporary files its workers left are stale.
                remove_stale_temporaries(out_path)
            err.write(tally.line() + "\n")
    return Report(tally, manifest, entry["failed"], stopped)


def _finish(
    manifest: Manifest,
    entry: Dict[str, Any],
    tally: Tally,
    complete: bool,
    interrupted: bool,
    stopped: bool,
    root: str,
    so: Mapping[str, Any],
) -> None:
    """Record the run in the manifest, write it, and ``_SUCCESS`` when every
    input it lists is done.  A manifest that cannot be written is an
    ``OutputError``, unless an interrupt is on its way already."""
    entry.update(
        interrupted=interrupted,
        stopped=stopped,
        seconds=round(tally.seconds, 3),
        documents={"summarized": tally.summarized, "failed": tally.failed, "skipped": tally.skipped},
    )
    url = _join(root, MANIFEST)
    try:
        commit(url, manifest.to_json(), so)
        if complete and manifest.ok:
            commit(_join(root, SUCCESS), b"", so)
    except Exception as exc:  # noqa: BLE001 - said in one line
        if interrupted:
            return
        raise OutputError(f"cannot write the manifest {url} ({type(exc).__name__}: {exc})") from None


def _drive(
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
            error = _describe(exc)
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
        _stop_event(token, client).set()
    with contextlib.suppress(Exception):
        client.cancel([future for future, _ in running.values()], force=True)


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
        record = {str(key): _plain(value) for key, value in item.items()} if isinstance(item, Mapping) else {request.fields.text: item}
        data = record_of(_from_record(record, f"{name}:{partition}:{row}", request), hints)
        if data is not None:
            records.append(data)
    return records
