"""Inputs → documents: paths and stdin, bytes → text.

Decoding rules, in order:
1. A byte-order mark decides: UTF-8 (BOM dropped), UTF-16 LE or BE.
2. NUL bytes without a UTF-16 BOM mean a binary file: refused.
3. Valid UTF-8 is taken as is.
4. Otherwise, if the bytes hold valid UTF-8 multi-byte sequences, the text is
   UTF-8 with a few broken bytes: they become U+FFFD, with a warning.
5. Otherwise the text is taken as Windows-1252 (Latin-1 for the bytes it
   leaves undefined), with a warning.
Line endings (CRLF, lone CR) become ``\\n``.

Many inputs: ``walk`` turns path arguments (files and folders) into a
stream of ``Input`` paths; a ``.jsonl`` file is a dataset, one article per
line, read with ``read_lines`` and ``read_record``.
"""
from __future__ import annotations

import codecs
import fnmatch
import json
import os
import re
import stat
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Iterator, Optional, Sequence, Tuple

from .errors import InputError, NoTextError

STDIN_NAME = "<stdin>"
DATASET_SUFFIX = ".jsonl"
DEFAULT_PATTERNS = ("*.txt", "*.md")

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_NEWLINES = re.compile(r"\r\n?")


@dataclass(frozen=True)
class Document:
    """A text to summarize: ``name`` is its path (or ``<stdin>``), ``text``
    is decoded with ``\\n`` line endings, ``encoding`` names how it was
    decoded, ``warnings`` are messages for the person (one line each)."""

    name: str
    text: str
    encoding: str = "utf-8"
    warnings: Tuple[str, ...] = ()
    record_id: Optional[object] = None
    """The ``id`` of a dataset line (any JSON scalar, kept as is), else None."""


def _cp1252_table() -> dict:
    table = {}
    for byte in range(0x80, 0xA0):
        try:
            table[byte] = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:
            pass  # five bytes cp1252 leaves undefined keep their Latin-1 meaning
    return table


_CP1252_OVER_LATIN1 = _cp1252_table()


def _cp1252_or_latin1(data: bytes) -> str:
    return data.decode("latin-1").translate(_CP1252_OVER_LATIN1)


def decode(data: bytes, name: str) -> Document:
    """Decode ``data`` read from ``name`` following the module's rules.

    Raises ``InputError`` for binary data.
    """
    warnings: list = []
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        text, encoding = data.decode("utf-16", errors="replace"), "utf-16"
    elif b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file (it contains NUL bytes); give a text file")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            if _UTF8_MULTIBYTE.search(data):
                text, encoding = data.decode("utf-8", errors="replace"), "utf-8"
                bad = text.count("\ufffd")
                warnings.append(
                    f"{name}: {bad} invalid UTF-8 byte{'s' if bad != 1 else ''} "
                    f"(first at byte {exc.start}) replaced with U+FFFD"
                )
            else:
                text, encoding = _cp1252_or_latin1(data), "cp1252"
                warnings.append(f"{name}: not valid UTF-8; decoded as Windows-1252 (Latin-1)")
    if "\ufffd" in text and encoding.startswith("utf-") and not warnings:
        warnings.append(f"{name}: undecodable bytes replaced with U+FFFD")
    return Document(name=name, text=_NEWLINES.sub("\n", text), encoding=encoding, warnings=tuple(warnings))


def read_path(path: str) -> Document:
    """Read and decode the file at ``path``.

    Raises ``InputError`` when it is missing, a directory, unreadable or
    binary, and ``NoTextError`` when it holds only whitespace.
    """
    with _open(path) as handle:
        try:
            data = handle.read()
        except OSError as exc:
            raise InputError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    return _checked(decode(data, path))


def _open(path: str) -> BinaryIO:
    """``path`` opened for reading bytes; ``InputError`` when it is missing,
    a folder or unreadable."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory; give a text file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror or exc})") from None


def read_stream(stream: BinaryIO, name: str = STDIN_NAME) -> Document:
    """Read and decode all of a binary ``stream`` (stdin); errors as ``read_path``."""
    return _checked(decode(stream.read(), name))


def _checked(doc: Document) -> Document:
    if not doc.text.strip():
        raise NoTextError(f"{doc.name}: no text to summarize (the input is empty or only whitespace)")
    return doc


@dataclass(frozen=True)
class Input:
    """One input found by ``walk``, in the order it must be reported.

    ``path``: where to read it.  ``relative``: its path below the folder
    argument it was found in (the file name for a file argument), used to
    mirror the input tree.  ``dataset``: a ``.jsonl`` file, one article per
    line.  ``error``: why it cannot be read (a missing argument, a folder
    that cannot be listed), else None.
    """

    path: str
    relative: str
    dataset: bool = False
    error: Optional[str] = None


def is_dataset(path: str) -> bool:
    """Whether ``path`` names a JSON Lines dataset (by its ``.jsonl`` suffix)."""
    return path.lower().endswith(DATASET_SUFFIX)


def walk(paths: Iterable[str], patterns: Sequence[str] = DEFAULT_PATTERNS, skip: Sequence[str] = ()) -> Iterator[Input]:
    """The inputs named by ``paths``, lazily, in argument order.

    A file argument is yielded as it is, whatever its name.  A folder is
    walked recursively, entries in sorted name order, yielding regular files
    (or links to them) whose name matches one of the ``fnmatch``
    ``patterns``.  Names starting with ``.`` are skipped; links to folders
    are not followed, so link loops cannot happen.  Folders whose real path
    is in ``skip`` (an output folder inside an input folder) are left out.
    A missing argument or a folder that cannot be listed is yielded with its
    ``error`` set, in its place, and the walk goes on.
    """
    skipped = {os.path.realpath(p) for p in skip}
    for path in paths:
        try:
            info = os.stat(path)
        except FileNotFoundError:
            yield Input(path, os.path.basename(path), error=f"{path}: no such file or folder")
            continue
        except OSError as exc:
            yield Input(path, os.path.basename(path), error=f"{path}: cannot read it ({exc.strerror or exc})")
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _walk_folder(path, patterns, skipped)
        else:
            yield Input(path, os.path.basename(path), dataset=is_dataset(path))


def _walk_folder(folder: str, patterns: Sequence[str], skipped: set) -> Iterator[Input]:
    # Depth first with an explicit stack (no recursion limit on deep trees);
    # only the sorted listings along the current path are held.
    if skipped and os.path.realpath(folder) in skipped:
        return
    stack: list = []
    listing = _listing(folder)
    if isinstance(listing, str):
        yield Input(folder, "", error=listing)
        return
    stack.append((folder, "", iter(listing)))
    while stack:
        base, relative, entries = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        path = os.path.join(base, entry.name)
        below = os.path.join(relative, entry.name) if relative else entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                if skipped and os.path.realpath(path) in skipped:
                    continue
                listing = _listing(path)
                if isinstance(listing, str):
                    yield Input(path, below, error=listing)
                else:
                    stack.append((path, below, iter(listing)))
                continue
            regular = entry.is_file()  # follows a link to a file; False for FIFOs and sockets
        except OSError:
            continue
        if regular and any(fnmatch.fnmatchcase(entry.name, p) for p in patterns):
            yield Input(path, below, dataset=is_dataset(entry.name))


def _listing(folder: str) -> "list | str":
    """The entries of ``folder`` sorted by name, or why it cannot be listed."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        return f"{folder}: cannot list the folder ({exc.strerror or exc})"


def read_lines(path: str) -> Iterator[Tuple[int, bytes]]:
    """The non-blank lines of the dataset at ``path`` as ``(number, bytes)``,
    numbered from 1, read lazily.  Raises ``InputError`` when it cannot be
    opened or is a folder."""
    with _open(path) as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield number, line


def read_record(line: bytes, name: str, text_field: str = "text") -> Document:
    """The article on one dataset line: ``parse_record``, then
    ``record_document``; raises as they do."""
    return record_document(parse_record(line, name, text_field), name, text_field)


def parse_record(line: bytes, name: str, text_field: str = "text") -> dict:
    """One dataset line as a JSON object.  Raises ``InputError`` when it is
    not UTF-8 JSON or not an object (``text_field`` names the field the
    message suggests)."""
    try:
        record = json.loads(line)
    except UnicodeDecodeError:
        raise InputError(f"{name}: not valid UTF-8 (JSON Lines must be UTF-8)") from None
    except ValueError as exc:
        raise InputError(f"{name}: not valid JSON ({exc})") from None
    if not isinstance(record, dict):
        raise InputError(f"{name}: not a JSON object; each line must be one {{\"{text_field}\": ...}} object")
    return record


def record_document(record: dict, name: str, text_field: str = "text") -> Document:
    """The article in a dataset ``record``: the text under ``text_field``
    and, when present, its ``id`` (kept in ``record_id``, as is).

    Raises ``InputError`` when there is no string under ``text_field``, and
    ``NoTextError`` when that text is empty.
    """
    text = record.get(text_field)
    if not isinstance(text, str):
        problem = "no" if text is None else "no string in the"
        raise InputError(f"{name}: {problem} \"{text_field}\" field; choose the field with --text-field")
    return _checked(Document(name=name, text=_NEWLINES.sub("\n", text), record_id=record.get("id")))
