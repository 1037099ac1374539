"""Inputs → documents: a path, a URL or stdin read as a ``Document``.

``read_any`` is the entry point for callers that hold an argument (the
command, batch workers): a URL is fetched (``pages.read_url``), an HTML file
or stdin that starts like HTML is a web page (``pages.html_document``), and
anything else is text, decoded by ``decoding``'s rules.  Dataset lines are
read by ``datasets``, folders walked by ``walk``.
"""
from __future__ import annotations

import io
import math
import os
import re
import stat
from typing import BinaryIO, List

from .decoding import decode
from .document import STDIN_NAME, Document, Reading, checked
from .errors import InputError, TooLargeError, about

HTML_SUFFIXES = (".html", ".htm")
_CHUNK_BYTES = 1 << 20  # read at a time, so that a cap never costs a buffer of its size
_URL = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(arg: str) -> bool:
    """Whether ``arg`` is written as a URL (``scheme://…``), any scheme:
    ``web.fetch`` refuses the ones it does not follow."""
    return bool(_URL.match(arg))


def is_html_path(path: str) -> bool:
    """Whether ``path`` names an HTML file by its suffix (.html, .htm)."""
    return path.lower().endswith(HTML_SUFFIXES)


def sniff_html(data: bytes) -> bool:
    """Whether ``data`` starts like an HTML document (see ``extract.looks_like_html``)."""
    from .extract import looks_like_html

    # Latin-1 never fails and the markers are ASCII.
    return looks_like_html(data[:4096].decode("latin-1"))


def read_any(path: str, reading: Reading = Reading()) -> Document:
    """Any single input as a ``Document``: a URL (fetched), an HTML file
    (by suffix, or ``input_format="html"``), or a text file.  Raises
    ``SummarizeError`` subclasses only, each naming ``path`` as its source."""
    if is_url(path):
        from .pages import read_url  # web pages: loaded when one is met

        return read_url(path, reading)
    return from_bytes(read_bytes(path, reading.limit()), path, reading)


def read_stream(stream: BinaryIO, name: str = STDIN_NAME, reading: Reading = Reading()) -> Document:
    """Read all of a binary ``stream`` (stdin) as a ``Document``: HTML when
    ``reading.input_format`` is ``html``, or ``auto`` and the data starts
    like an HTML document; else text.  Raises as ``read_any``; at most
    ``reading.limit()`` bytes are read (``TooLargeError`` past them)."""
    return from_bytes(read_capped(stream, name, reading.limit()), name, reading, sniff=True)


def from_bytes(data: bytes, name: str, reading: Reading = Reading(), *, sniff: bool = False) -> Document:
    """The document in ``data``, read from ``name``: a web page when
    ``reading.input_format`` says ``html``, or says ``auto`` and the name
    ends in ``.html``/``.htm`` or (with ``sniff``) the first bytes look like
    HTML; else text.  Raises ``InputError`` for binary data, ``NoTextError``
    for blank text, and as ``pages.html_document`` for a page."""
    form = reading.input_format
    if form == "html" or (form == "auto" and (is_html_path(name) or (sniff and sniff_html(data)))):
        from .pages import html_document  # web pages: loaded when one is met

        return html_document(data, name)
    with about(name):
        decoded = decode(data)
    return checked(Document(name=name, text=decoded.text, encoding=decoded.encoding, warnings=decoded.warnings))


def read_path(path: str) -> Document:
    """Read and decode the text file at ``path``.

    Raises ``InputError`` when it is missing, a directory, unreadable or
    binary, and ``NoTextError`` when it holds only whitespace.
    """
    reading = Reading(input_format="text")
    return from_bytes(read_bytes(path, reading.limit()), path, reading)


def read_bytes(path: str, max_bytes: int) -> bytes:
    """All the bytes of the file at ``path``, at most ``max_bytes`` of them.
    Raises ``InputError`` (its source ``path``) when it is missing, a
    folder or unreadable, ``TooLargeError`` when it holds more."""
    with open_input(path) as handle:
        return read_capped(handle, path, max_bytes)


def read_capped(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """All the bytes of ``stream`` (read from ``name``), at most
    ``max_bytes``: ``TooLargeError`` as soon as there are more, so a device
    that never ends (``/dev/zero``) costs no more than the cap."""
    chunks: List[bytes] = []
    size = 0
    try:
        if _regular_file_size(stream) <= max_bytes:
            data = stream.read()  # one buffer of the right size
            if len(data) <= max_bytes:
                return data
            raise TooLargeError(f"the input is larger than the {max_bytes:,}-byte limit", source=name)
        while size <= max_bytes:
            chunk = stream.read(min(_CHUNK_BYTES, max_bytes + 1 - size))
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror or exc})", source=name) from None
    raise TooLargeError(f"the input is larger than the {max_bytes:,}-byte limit", source=name)


def _regular_file_size(stream: BinaryIO) -> float:
    """The size of ``stream`` when it is a regular file, else infinity."""
    try:
        info = os.fstat(stream.fileno())
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        return math.inf
    return info.st_size if stat.S_ISREG(info.st_mode) else math.inf


def open_input(path: str) -> BinaryIO:
    """``path`` opened for reading bytes; ``InputError`` (its source
    ``path``) when it is missing, a folder or unreadable."""
    try:
        return open(path, "rb")
    except FileNotFoundError:
        raise InputError("no such file", source=path) from None
    except IsADirectoryError:
        raise InputError("is a directory; give a text file", source=path) from None
    except PermissionError:
        raise InputError("permission denied", source=path) from None
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror or exc})", source=path) from None
