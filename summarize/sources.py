"""Inputs → documents: a path, a URL or stdin read as a ``Document``.

``read_any`` is the entry point for callers that hold an argument (the
command, batch workers): a URL is fetched (``pages.read_url``); anything
else is read by the reader for its kind (``input_kind``): a web page
(``pages``), a PDF (``pdf``), a DOCX or EPUB file (``office``), Markdown
(``markdown``), or text, decoded by ``decoding``'s rules, in which Project
Gutenberg e-books and transcripts are recognised (``plaintext``).  Dataset
lines are read by ``datasets``, folders walked by ``walk``.
"""
from __future__ import annotations

import io
import math
import os
import re
import stat
from typing import BinaryIO, List, Optional

from .decoding import decode_declared
from .document import STDIN_NAME, Document, Reading, checked
from .errors import InputError, NoTextError, TooLargeError, about
from .formats import UNSUPPORTED, kind_of_bytes, kind_of_name
from .plaintext import recognise

_CHUNK_BYTES = 1 << 20  # read at a time, so that a cap never costs a buffer of its size
_URL = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(arg: str) -> bool:
    """Whether ``arg`` is written as a URL (``scheme://…``), any scheme:
    ``web.fetch`` refuses the ones it does not follow."""
    return bool(_URL.match(arg))


def is_html_path(path: str) -> bool:
    """Whether ``path`` names a web page by its suffix (.html, .htm, .xhtml, .shtml)."""
    return kind_of_name(path) == "html"


def sniff_html(data: bytes) -> bool:
    """Whether ``data`` starts like an HTML document (see
    ``html_sniff.looks_like_html``), an XHTML one (``<?xml …?><html``), or a
    page that opens with ``<script>``."""
    from .html_sniff import looks_like_html

    # Latin-1 never fails and the markers are ASCII.
    head = data[:4096].decode("latin-1")
    return looks_like_html(head.lstrip("\xef\xbb\xbf\ufeff"))


def input_kind(data: bytes, name: str, input_format: str = "auto", *, sniff: bool = False) -> str:
    """How to read ``data``, read from ``name``: one of
    ``document.INPUT_FORMATS`` other than ``auto``, or a kind of
    ``formats.UNSUPPORTED``.

    An ``input_format`` other than ``auto`` decides.  Otherwise the content
    (a PDF, DOCX or EPUB file, or a format that is refused:
    ``formats.kind_of_bytes``; a zip named ``.docx`` or ``.epub`` is read
    as one), then the name's extension
    (``formats.kind_of_name``), then, with ``sniff`` (stdin), whether the
    data starts like a web page; else ``text``.
    """
    if input_format != "auto":
        return input_format
    by_content, by_name = kind_of_bytes(data), kind_of_name(name)
    if by_content == "zip" and by_name in ("docx", "epub"):
        return by_name  # a damaged one, or one without its parts: its reader says what is wrong
    return by_content or by_name or ("html" if sniff and sniff_html(data) else "text")


def read_any(path: str, reading: Reading = Reading()) -> Document:
    """Any single input as a ``Document``: a URL (fetched), or a file read
    by the reader for its kind (``from_bytes``).  Raises ``SummarizeError``
    subclasses only, each naming ``path`` as its source."""
    if is_url(path):
        from .pages import read_url  # web pages: loaded when one is met

        return read_url(path, reading)
    return from_bytes(read_bytes(path, reading.limit()), path, reading)


def read_stream(stream: BinaryIO, name: str = STDIN_NAME, reading: Reading = Reading()) -> Document:
    """Read all of a binary ``stream`` (stdin) as a ``Document``, its kind
    known by ``reading.input_format`` or by its first bytes (a PDF, DOCX,
    EPUB or web page; else text).  Raises as ``read_any``; at most
    ``reading.limit()`` bytes are read (``TooLargeError`` past them)."""
    return from_bytes(read_capped(stream, name, reading.limit()), name, reading, sniff=True)


def from_bytes(data: bytes, name: str, reading: Reading = Reading(), *, sniff: bool = False) -> Document:
    """The document in ``data``, read from ``name`` by the reader for its
    kind (``input_kind``; ``sniff``: look for a web page's start too).
    Raises as ``read_as``.
    """
    return read_as(input_kind(data, name, reading.input_format, sniff=sniff), data, name)


def read_as(kind: str, data: bytes, name: str, *, charset: Optional[str] = None, url: Optional[str] = None) -> Document:
    """The document in ``data``, read from ``name`` by the reader for
    ``kind`` (one of ``document.INPUT_FORMATS`` other than ``auto``, or of
    ``formats.UNSUPPORTED``).  ``charset``: as a server declared it, for a
    web page, text and Markdown (else ``decoding``'s rules); ``url``: the
    page's final URL, for a web page.

    Raises ``InputError`` for binary data and formats that cannot be read,
    ``NoTextError`` for a document without text, ``MissingExtraError`` for
    a kind that needs an extra that is not installed, and as each reader
    says (``pages.html_document``, ``pdf.pdf_document``, ``office``).
    """
    if kind == "html":
        from .pages import html_document  # web pages: loaded when one is met

        return html_document(data, name, charset=charset, url=url)
    if kind == "pdf":
        from .pdf import pdf_document

        return pdf_document(data, name)
    if kind in ("docx", "epub"):
        from .office import docx_document, epub_document

        return (docx_document if kind == "docx" else epub_document)(data, name)
    if kind in UNSUPPORTED:
        raise InputError(UNSUPPORTED[kind], source=name)
    with about(name):
        decoded = decode_declared(data, charset)
    doc = checked(Document(name=name, text=decoded.text, encoding=decoded.encoding, warnings=decoded.warnings))
    if kind == "markdown":
        from .markdown import markdown_document

        doc = markdown_document(doc)
        if not doc.text.strip():
            raise NoTextError("no prose to summarize (only headings, code, tables or links)", source=name)
        return doc
    return checked(recognise(doc))


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
    except OSError as exc:
        raise open_error(exc, path) from None


def open_error(exc: OSError, path: str) -> InputError:
    """The ``InputError`` (its source ``path``) for ``exc``, raised while
    opening or reading ``path``, wherever it is kept (a local file, an
    object in a store)."""
    if isinstance(exc, FileNotFoundError):
        return InputError("no such file", source=path)
    if isinstance(exc, IsADirectoryError):
        return InputError("is a directory; give a text file", source=path)
    if isinstance(exc, PermissionError):
        return InputError("permission denied", source=path)
    return InputError(f"cannot read it ({exc.strerror or exc})", source=path)
