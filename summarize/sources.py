"""Inputs → documents: a path, a URL or stdin read as a ``Document``.

``read_any`` is the entry point for callers that hold an argument (the
command, batch workers): a URL is fetched (``pages.read_url``), an HTML file
or stdin that starts like HTML is a web page (``pages.html_document``), a
Markdown file is read as Markdown (``markdown``), and anything else is
text, decoded by ``decoding``'s rules, in which Project Gutenberg e-books
and transcripts are recognised (``plaintext``).  Dataset
lines are read by ``datasets``, folders walked by ``walk``.
"""
from __future__ import annotations

import re
from typing import BinaryIO

from .decoding import decode
from .document import STDIN_NAME, Document, Reading, checked
from .errors import InputError, NoTextError, about
from .plaintext import recognise

HTML_SUFFIXES = (".html", ".htm")
MARKDOWN_SUFFIXES = (".md", ".markdown")
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
    return from_bytes(read_bytes(path), path, reading)


def read_stream(stream: BinaryIO, name: str = STDIN_NAME, reading: Reading = Reading()) -> Document:
    """Read all of a binary ``stream`` (stdin) as a ``Document``: HTML when
    ``reading.input_format`` is ``html``, or ``auto`` and the data starts
    like an HTML document; else text.  Raises as ``read_any``."""
    return from_bytes(stream.read(), name, reading, sniff=True)


def from_bytes(data: bytes, name: str, reading: Reading = Reading(), *, sniff: bool = False) -> Document:
    """The document in ``data``, read from ``name``: a web page when
    ``reading.input_format`` says ``html``, or says ``auto`` and the name
    ends in ``.html``/``.htm`` or (with ``sniff``) the first bytes look like
    HTML; Markdown when it says ``markdown``, or ``auto`` and the name ends
    in ``.md``/``.markdown``; else text, in which ``plaintext.recognise``
    finds e-books and transcripts.  Raises ``InputError`` for binary data,
    ``NoTextError`` for blank text (or Markdown without prose), and as
    ``pages.html_document`` for a page."""
    form = reading.input_format
    if form == "html" or (form == "auto" and (is_html_path(name) or (sniff and sniff_html(data)))):
        from .pages import html_document  # web pages: loaded when one is met

        return html_document(data, name)
    with about(name):
        decoded = decode(data)
    doc = checked(Document(name=name, text=decoded.text, encoding=decoded.encoding, warnings=decoded.warnings))
    if form == "markdown" or (form == "auto" and name.lower().endswith(MARKDOWN_SUFFIXES)):
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
    return from_bytes(read_bytes(path), path, Reading(input_format="text"))


def read_bytes(path: str) -> bytes:
    """All the bytes of the file at ``path``.  Raises ``InputError`` (its
    source ``path``) when it is missing, a folder or unreadable."""
    with open_input(path) as handle:
        try:
            return handle.read()
        except OSError as exc:
            raise InputError(f"cannot read it ({exc.strerror or exc})", source=path) from None


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
