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
"""
from __future__ import annotations

import codecs
import dataclasses
import os
import re
import stat
from dataclasses import dataclass, field
from typing import BinaryIO, Mapping, Optional, Tuple, TypeVar

from .errors import InputError, NoTextError

STDIN_NAME = "<stdin>"

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
    text = _NEWLINES.sub("\n", text)
    text, removed = _CONTROL.subn("", text)
    if removed:
        warnings.append(f"{name}: removed {removed} control character{'s' if removed != 1 else ''}")
    return Document(name=name, text=text, encoding=encoding, warnings=tuple(warnings))


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
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a directory; give a text file")
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    return data


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
        return Document(name=name, text=_NEWLINES.sub("\n", text), encoding=codec, warnings=warnings)
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


def read_any(path: str, *, input_format: str = "auto", timeout: Optional[float] = None, max_bytes: Optional[int] = None) -> Document:
    """Any single input as a ``Document``: a URL (fetched), an HTML file
    (by suffix, or ``input_format="html"``), or a text file.  The entry
    point for callers that hold a path or URL (the CLI, batch mode).
    Raises ``SummarizeError`` subclasses only."""
    if is_url(path):
        return read_url(path, input_format=input_format, timeout=timeout, max_bytes=max_bytes)
    if input_format == "html" or (input_format == "auto" and is_html_path(path)):
        return html_document(_read_bytes(path), path)
    return read_path(path)
