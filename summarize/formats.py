"""What kind of document a name announces or bytes hold.

``kind_of_name(path)``: by the extension, any case: ``.pdf`` → ``pdf``,
``.docx`` → ``docx``, ``.epub`` → ``epub``, ``.md``/``.markdown`` →
``markdown``, ``.html``/``.htm``/``.xhtml``/``.shtml`` → ``html``; None for
anything else (text).

``kind_of_bytes(data)``: by the content, for the kinds whose bytes say so
unmistakably (text never starts like them):

* ``pdf``: ``%PDF-`` at the start (after whitespace), or ``%PDF-n.n``
  within the first ``PDF_SCAN_BYTES`` of data that ends with ``%%EOF``
  (readers accept junk before the header, as Acrobat does).
* ``epub``: a zip whose first member is ``mimetype`` holding
  ``application/epub+zip`` (the EPUB rule), or a zip with
  ``META-INF/container.xml`` and an ``.opf`` package.
* ``docx``: a zip with ``[Content_Types].xml`` and ``word/document.xml``.
* a kind of ``UNSUPPORTED`` (``doc``, ``rtf``, ``xlsx``, ``pptx``, ``odt``,
  ``zip``, ``gzip``, ``png``, ``jpeg``, ``gif``): formats a person may well
  try, named in the error instead of "binary file".
* None: anything else, to be decoded as text.

``kind_of_media_type(content_type)``: the kind a server's ``Content-Type``
announces (``MEDIA_TYPES``), the way an extension does; None for a type
that names none (``GENERIC_MEDIA_TYPES`` say nothing at all).

Standard library only; a zip's central directory is read, never a member.
"""
from __future__ import annotations

import io
import os
import re
from typing import Dict, Optional

PDF_SCAN_BYTES = 1024
"""How far into the data a PDF header is looked for."""

EXTENSIONS: Dict[str, str] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".epub": "epub",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
}
"""Extensions (lower-case, with the dot) → the kind they announce."""

UNSUPPORTED: Dict[str, str] = {
    "doc": "a Word 97-2003 document (.doc), which cannot be read; save it as .docx, PDF or text",
    "rtf": "an RTF document, which cannot be read; save it as .docx, PDF or text",
    "xlsx": "a spreadsheet (.xlsx), not a document to summarize",
    "pptx": "a presentation (.pptx), which cannot be read; save it as PDF",
    "odt": "an OpenDocument file (.odt), which cannot be read; save it as .docx, PDF or text",
    "zip": "a zip archive; unpack it and give the files inside",
    "gzip": "gzip-compressed; decompress it first (gunzip)",
    "png": "an image (PNG), not text",
    "jpeg": "an image (JPEG), not text",
    "gif": "an image (GIF), not text",
}
"""Kinds recognised only to be refused, and what to say (not naming the input)."""

MEDIA_TYPES: Dict[str, str] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/epub+zip": "epub",
}
"""Media types (lower-case, without parameters) → the kind they announce."""

GENERIC_MEDIA_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream"})
"""Media types that say nothing of the kind ("" when a server sends none)."""

_EPUB_MIMETYPE = b"mimetypeapplication/epub+zip"
_MAGIC = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),  # OLE2: Word 97-2003 (and old Excel, PowerPoint)
    (b"{\\rtf", "rtf"),
    (b"\x1f\x8b", "gzip"),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF8", "gif"),
)
_PDF_HEADER = re.compile(rb"%PDF-\d\.\d")


def kind_of_name(path: str) -> Optional[str]:
    """The kind ``path``'s extension announces (module docstring), or None."""
    return EXTENSIONS.get(os.path.splitext(path)[1].lower())


def kind_of_media_type(content_type: str) -> Optional[str]:
    """The kind a media type announces (``MEDIA_TYPES``; any case,
    parameters such as ``; charset=utf-8`` ignored), or None."""
    return MEDIA_TYPES.get(content_type.split(";")[0].strip().lower())


def kind_of_bytes(data: bytes) -> Optional[str]:
    """The kind ``data`` holds by its content (module docstring), or None
    for data to decode as text."""
    if data[:PDF_SCAN_BYTES].lstrip().startswith(b"%PDF-") or (
        _PDF_HEADER.search(data[:PDF_SCAN_BYTES]) and b"%%EOF" in data[-PDF_SCAN_BYTES:]
    ):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        # The EPUB rule: "mimetype" is the first member, stored, so its
        # name and content sit at fixed offsets of the first local header.
        if data[30:30 + len(_EPUB_MIMETYPE)] == _EPUB_MIMETYPE:
            return "epub"
        return _zip_kind(data)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return None


def _zip_kind(data: bytes) -> str:
    import zipfile  # only for zips: 4 ms of imports every text input would pay

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "zip"
    if "word/document.xml" in names and "[Content_Types].xml" in names:
        return "docx"
    if "META-INF/container.xml" in names and any(name.endswith(".opf") for name in names):
        return "epub"
    if any(name.startswith("xl/") for name in names):
        return "xlsx"
    if any(name.startswith("ppt/") for name in names):
        return "pptx"
    if "content.xml" in names and "mimetype" in names:
        return "odt"
    return "zip"
