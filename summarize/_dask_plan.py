"""Runs on a cluster, planned: the inputs the arguments name, one unit of work each.

``plan`` expands each argument (a file, a folder walked as ``walk`` walks
it, a glob, an ``http(s)://`` page, anything fsspec lists) into ``Unit``s:
one per input, or one per row group of a Parquet file (its footer read
here), each naming the output it writes below the output root.
``check_extras`` names the extra a run lacks before it starts.

A room of ``summarize.dask`` (the public face); imports fsspec and pyarrow
when first needed.
"""
from __future__ import annotations

import glob as globbing
import os
import posixpath
import sys
from typing import Any, Dict, Iterator, List, Mapping, NamedTuple, Optional, Sequence, Tuple

from . import render
from .datasets import is_dataset
from .errors import MissingExtraError
from .sources import is_url
from .walk import Names, name_matcher, url_file_name, walk

FORMATS = ("plain", "json", "jsonl", "markdown", "parquet")
"""The output formats of a run on a cluster: the text formats, and Parquet."""

EXTENSIONS: Mapping[str, str] = {**render.EXTENSIONS, "parquet": ".parquet"}

PARQUET_SUFFIXES = (".parquet", ".pq")
COMPRESSIONS = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd"}
"""Compressed datasets (``news.jsonl.gz``), read as a stream: one task each."""

_WEB = ("http://", "https://")


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


def strip_compression(name: str) -> Tuple[str, Optional[str]]:
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
    return "dataset" if is_dataset(strip_compression(name)[0]) else "text"


def is_glob(path: str) -> bool:
    return any(ch in path for ch in "*?[")


def _glob_root(pattern: str) -> str:
    fixed = []
    for part in pattern.split("/"):
        if is_glob(part):
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
    if is_glob(arg) and not os.path.exists(arg):
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
        if is_glob(path):
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
            stem = posixpath.splitext(strip_compression(found.relative)[0])[0]
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
