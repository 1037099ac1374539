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
"""
from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from typing import BinaryIO, Tuple

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
    decoded, ``warnings`` are messages for the person (one line each)."""

    name: str
    text: str
    encoding: str = "utf-8"
    warnings: Tuple[str, ...] = ()


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
    return _checked(decode(data, path))


def read_stream(stream: BinaryIO, name: str = STDIN_NAME) -> Document:
    """Read and decode all of a binary ``stream`` (stdin); errors as ``read_path``."""
    return _checked(decode(stream.read(), name))


def _checked(doc: Document) -> Document:
    if not doc.text.strip():
        raise NoTextError(f"{doc.name}: no text to summarize (the input is empty or only whitespace)")
    return doc
