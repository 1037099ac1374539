"""Inputs → documents: paths and stdin, bytes → text.

Decoding rules, in order:
1. A byte-order mark decides: UTF-8 (BOM dropped), UTF-16 LE or BE.
2. NUL bytes in every other position (and nowhere else) mean UTF-16
   without a BOM: decoded as such, with a warning.  Other NUL bytes mean a
   binary file: refused.
3. Valid UTF-8 is taken as is.
4. Otherwise, if the bytes hold valid UTF-8 multi-byte sequences, the text is
   UTF-8 with a few broken bytes: they become U+FFFD, with a warning.
5. Otherwise the text is taken as Windows-1252 (Latin-1 for the bytes it
   leaves undefined), with a warning.
Line endings (CRLF, lone CR) become ``\\n``.  Control characters other
than tab and newline (C0, DEL, C1; terminal escape sequences start with
one) are removed with a warning, so article text can never drive the
terminal.

Web pages (``http://``/``https://`` arguments, ``.html``/``.htm`` files,
stdin that starts like HTML, or ``input_format="html"``) are decoded with
the charset the server or the page declares (else the rules above), then
reduced to their article by ``extract``; the text handed to the core is
``"Title\\n\\nparagraph\\n\\nparagraph…"`` so the core's headline
detection finds the page title.  ``read_any`` reads any of these.

Many inputs: ``walk`` turns path arguments (files and folders) into a
stream of ``Input`` paths; a ``.jsonl`` file is a dataset, one article per
line, read with ``read_lines`` and ``read_record``.
"""
from __future__ import annotations

import codecs
import dataclasses
import fnmatch
import json
import os
import re
import stat
from dataclasses import dataclass, field
from typing import BinaryIO, Iterable, Iterator, Mapping, NamedTuple, Optional, Sequence, Tuple, TypeVar

from .errors import InputError, NoTextError

STDIN_NAME = "<stdin>"
DATASET_SUFFIX = ".jsonl"
DEFAULT_PATTERNS = ("*.txt", "*.md")

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_NEWLINES = re.compile(r"\r\n?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# How much of the input is inspected to recognise UTF-16 without a BOM.
_SNIFF_BYTES = 4096


@dataclass(frozen=True)
class Document:
    """A text to summarize: ``name`` is its path (or ``<stdin>``), ``text``
    is decoded with ``\\n`` line endings, ``encoding`` names how it was
    decoded, ``warnings`` are messages for the person (one line each).
    For web pages, ``title`` is the page title (also the first line of
    ``text`` when the core would read it as a headline) and ``meta`` holds
    ``byline``, ``date`` and the final ``url`` when found (keys only when
    present); both are empty for plain text."""

    name: str
    text: str
    encoding: str = "utf-8"
    warnings: Tuple[str, ...] = ()
    title: Optional[str] = None
    meta: Mapping[str, str] = field(default_factory=dict)
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
        guess = _utf16_without_bom(data)
        if guess is None:
            raise InputError(f"{name}: looks like a binary file (it contains NUL bytes); give a text file")
        text, encoding = guess
        warnings.append(f"{name}: no byte-order mark; decoded as {encoding.upper()}")
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
    text, cleaned = _clean(text, name)
    return Document(name=name, text=text, encoding=encoding, warnings=(*warnings, *cleaned))


def _clean(text: str, name: str) -> Tuple[str, Tuple[str, ...]]:
    """``text`` with ``\n`` line endings and control characters removed,
    and the warning that says so (if any were)."""
    text, removed = _CONTROL.subn("", _NEWLINES.sub("\n", text))
    if removed:
        return text, (f"{name}: removed {removed} control character{'s' if removed != 1 else ''}",)
    return text, ()


def _utf16_without_bom(data: bytes) -> "Tuple[str, str] | None":
    """``(text, encoding)`` when ``data`` reads as BOM-less UTF-16, else None.

    Text in a Latin script stored as UTF-16 has a NUL in nearly every high
    byte and almost none in the low bytes; binary data has NULs anywhere.
    """
    if len(data) % 2:
        return None
    head = data[:_SNIFF_BYTES]
    half = len(head) // 2
    even_nul = head[0::2].count(0) / half
    odd_nul = head[1::2].count(0) / half
    if odd_nul > 0.4 and even_nul < 0.02:
        encoding = "utf-16-le"
    elif even_nul > 0.4 and odd_nul < 0.02:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def read_path(path: str) -> Document:
    """Read and decode the file at ``path``.

    Raises ``InputError`` when it is missing, a directory, unreadable or
    binary, and ``NoTextError`` when it holds only whitespace.
    """
    return _checked(decode(_read_bytes(path), path))


def _read_bytes(path: str) -> bytes:
    with _open(path) as handle:
        try:
            return handle.read()
        except OSError as exc:
            raise InputError(f"{path}: cannot read it ({exc.strerror or exc})") from None


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


def read_stream(stream: BinaryIO, name: str = STDIN_NAME, *, input_format: str = "auto") -> Document:
    """Read and decode all of a binary ``stream`` (stdin); errors as
    ``read_path``.  HTML when ``input_format`` is ``html``, or ``auto`` and
    the data starts like an HTML document."""
    data = stream.read()
    if input_format == "html" or (input_format == "auto" and _sniff_html(data)):
        return html_document(data, name)
    return _checked(decode(data, name))


def _checked(doc: Document) -> Document:
    if not doc.text.strip():
        raise NoTextError(f"{doc.name}: no text to summarize (the input is empty or only whitespace)")
    return doc


# --- web pages -------------------------------------------------------------

INPUT_FORMATS = ("auto", "text", "html")
HTML_SUFFIXES = (".html", ".htm")
_URL = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(arg: str) -> bool:
    """Whether ``arg`` is written as a URL (``scheme://…``), any scheme:
    ``fetch`` refuses the ones it does not follow."""
    return bool(_URL.match(arg))


def is_html_path(path: str) -> bool:
    """Whether ``path`` names an HTML file by its suffix (.html, .htm)."""
    return path.lower().endswith(HTML_SUFFIXES)


def _sniff_html(data: bytes) -> bool:
    from .extract import looks_like_html

    # Latin-1 never fails and the markers are ASCII.
    return looks_like_html(data[:4096].decode("latin-1"))


def decode_declared(data: bytes, name: str, charset: Optional[str]) -> Document:
    """Decode ``data`` with the ``charset`` a server or page declared; an
    unknown charset (or none) falls back to ``decode``'s rules, with a
    warning when one was declared.  Raises ``InputError`` for binary data."""
    if charset:
        try:
            codec = codecs.lookup(charset).name
        except LookupError:
            doc = decode(data, name)
            warning = f"{name}: unknown charset {charset!r}; decoded as {doc.encoding}"
            return Document(name=doc.name, text=doc.text, encoding=doc.encoding, warnings=(warning, *doc.warnings))
        if b"\x00" in data and not codec.startswith("utf-16") and not codec.startswith("utf-32"):
            raise InputError(f"{name}: looks like a binary file (it contains NUL bytes); give a text file")
        if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8):]
        text = data.decode(codec, errors="replace")
        warnings: Tuple[str, ...] = ()
        if "\ufffd" in text:
            warnings = (f"{name}: bytes invalid in the declared charset {charset} replaced with U+FFFD",)
        text, cleaned = _clean(text, name)
        return Document(name=name, text=text, encoding=codec, warnings=(*warnings, *cleaned))
    return decode(data, name)


def with_title(title: Optional[str], body: str) -> str:
    """``"title\\n\\nbody"`` when the core would read that first line as a
    headline (so the title also weights terms), else ``body`` alone."""
    from .news import find_title

    if title:
        text = f"{title}\n\n{body}"
        if find_title(text)[0] == title:
            return text
    return body


_Titled = TypeVar("_Titled")


def with_page_title(summary: _Titled, doc: Document) -> _Titled:
    """``summary`` (a ``Summary``) titled with the page title of ``doc``
    when the core could not read that title as a headline (too long, or
    ending like a sentence: see ``with_title``); otherwise unchanged.  Call
    it on the summary of any ``Document`` from ``read_any``."""
    if doc.title and getattr(summary, "title", None) != doc.title:
        return dataclasses.replace(summary, title=doc.title)  # type: ignore[type-var]
    return summary


def html_document(data: bytes, name: str, *, charset: Optional[str] = None, url: Optional[str] = None) -> Document:
    """The article in the HTML page ``data`` read from ``name``.

    ``charset``: as declared by the server; else the page's ``<meta
    charset>``; else ``decode``'s rules.  Raises ``MissingExtraError``
    without the web extra, ``InputError`` for binary data, ``NoTextError``
    when the page holds no article.
    """
    from .extract import extract, meta_charset

    page = decode_declared(data, name, charset or meta_charset(data))
    article = extract(page.text, url, name=name)
    meta = {key: value for key, value in (("byline", article.byline), ("date", article.date)) if value}
    if url and url != name:
        meta["url"] = url
    return _checked(
        Document(
            name=name,
            text=with_title(article.title, article.text),
            encoding=page.encoding,
            warnings=page.warnings,
            title=article.title,
            meta=meta,
        )
    )


def read_url(url: str, *, input_format: str = "auto", timeout: Optional[float] = None, max_bytes: Optional[int] = None) -> Document:
    """Fetch ``url`` and read it: an HTML page (by its content type, or
    ``input_format="html"``) is reduced to its article; ``text/plain`` is
    read as text; a page without a content type is sniffed.  Other content
    types are refused.  ``timeout`` (seconds) and ``max_bytes`` default to
    ``web``'s.  Raises ``FetchError`` subclasses, and as ``html_document``.
    """
    from . import web

    page = web.fetch(
        url,
        timeout=web.DEFAULT_TIMEOUT if timeout is None else timeout,
        max_bytes=web.DEFAULT_MAX_BYTES if max_bytes is None else max_bytes,
    )
    if input_format == "auto":
        web.require_page(page, url)
        is_html = page.is_html or (not page.content_type and _sniff_html(page.body))
    else:
        is_html = input_format == "html"
    if is_html:
        # The final URL only differs from the request after redirects.
        final = url if page.url == web.to_uri(url) else page.url
        return html_document(page.body, url, charset=page.charset, url=final)
    return _checked(decode_declared(page.body, url, page.charset))


class Reading(NamedTuple):
    """How ``read_any`` reads an input: ``input_format`` (``auto``,
    ``text`` or ``html``, see ``INPUT_FORMATS``) and, for URLs, the
    ``timeout`` in seconds and ``max_bytes`` (None: ``web``'s defaults)."""

    input_format: str = "auto"
    timeout: Optional[float] = None
    max_bytes: Optional[int] = None


def read_any(path: str, reading: Reading = Reading()) -> Document:
    """Any single input as a ``Document``: a URL (fetched), an HTML file
    (by suffix, or ``input_format="html"``), or a text file.  The entry
    point for callers that hold a path or URL (the CLI, batch mode).
    Raises ``SummarizeError`` subclasses only."""
    input_format = reading.input_format
    if is_url(path):
        return read_url(path, input_format=input_format, timeout=reading.timeout, max_bytes=reading.max_bytes)
    if input_format == "html" or (input_format == "auto" and is_html_path(path)):
        return html_document(_read_bytes(path), path)
    return read_path(path)
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

    A file argument is yielded as it is, whatever its name, and so is a URL
    (``relative`` is then ``url_file_name(url)``).  A folder is
    walked recursively, entries in sorted name order, yielding regular files
    (or links to them) whose name matches one of the ``fnmatch``
    ``patterns``.  Names starting with ``.`` are skipped; links to folders
    are not followed, so link loops cannot happen.  Folders whose real path
    is in ``skip`` (an output folder inside an input folder) are left out.
    A missing argument, a folder that cannot be listed, or a matching link
    that loops or leads nowhere is yielded with its ``error`` set, in its
    place, and the walk goes on.
    """
    skipped = {os.path.realpath(p) for p in skip}
    for path in paths:
        if is_url(path):
            yield Input(path, url_file_name(path))
            continue
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


def url_file_name(url: str) -> str:
    """A file name standing for ``url`` when its summary is written to a
    folder: the URL without its scheme, each run of characters other than
    ASCII letters, digits and ``-`` made one ``_`` (no dots, so the output
    extension is simply appended)."""
    name = re.sub(r"[^A-Za-z0-9-]+", "_", _URL.sub("", url)).strip("_")
    return name[:200] or "page"


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
            regular = False  # a link loop, for one
        if not any(fnmatch.fnmatchcase(entry.name, p) for p in patterns):
            continue
        if regular:
            yield Input(path, below, dataset=is_dataset(entry.name))
        elif entry.is_symlink():
            try:
                os.stat(path)  # a link to a FIFO or socket is passed over, like them
            except OSError as exc:
                # A link that loops or leads nowhere is reported, as find does, not passed over.
                yield Input(path, below, error=f"{path}: a link that leads nowhere ({exc.strerror or exc})")


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
    text, warnings = _clean(text, name)
    return _checked(Document(name=name, text=text, warnings=warnings, record_id=record.get("id")))
