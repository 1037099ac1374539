"""Bytes → text: the decoding rules every input goes through.

Rules, in order:
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

A charset declared by a server or a page (``decode_declared``) comes
before these rules.  Warnings and errors do not name the input: the caller
knows it (``errors.SummarizeError.source``).
"""
from __future__ import annotations

import codecs
import re
from typing import Dict, List, NamedTuple, Optional, Tuple

from .errors import InputError

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_NEWLINES = re.compile(r"\r\n?")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# How much of the input is inspected to recognise UTF-16 without a BOM.
_SNIFF_BYTES = 4096
BINARY = "looks like a binary file (it contains NUL bytes); give a text file"


class Decoded(NamedTuple):
    """Text decoded from bytes: ``text`` with ``\\n`` line endings and no
    control characters, ``encoding`` the codec used, ``warnings`` one line
    each for the person (without the input's name)."""

    text: str
    encoding: str
    warnings: Tuple[str, ...] = ()


def _cp1252_table() -> Dict[int, str]:
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


def decode(data: bytes) -> Decoded:
    """Decode ``data`` following the module's rules.

    Raises ``InputError`` for binary data.
    """
    warnings: List[str] = []
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        text, encoding = data.decode("utf-16", errors="replace"), "utf-16"
    elif b"\x00" in data:
        guess = _utf16_without_bom(data)
        if guess is None:
            raise InputError(BINARY)
        text, encoding = guess
        warnings.append(f"no byte-order mark; decoded as {encoding.upper()}")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError as exc:
            if _UTF8_MULTIBYTE.search(data):
                text, encoding = data.decode("utf-8", errors="replace"), "utf-8"
                bad = text.count("\ufffd")
                warnings.append(
                    f"{bad} invalid UTF-8 byte{'s' if bad != 1 else ''} "
                    f"(first at byte {exc.start}) replaced with U+FFFD"
                )
            else:
                text, encoding = _cp1252_or_latin1(data), "cp1252"
                warnings.append("not valid UTF-8; decoded as Windows-1252 (Latin-1)")
    if "\ufffd" in text and encoding.startswith("utf-") and not warnings:
        warnings.append("undecodable bytes replaced with U+FFFD")
    text, cleaned = clean(text)
    return Decoded(text=text, encoding=encoding, warnings=(*warnings, *cleaned))


def clean(text: str) -> Tuple[str, Tuple[str, ...]]:
    """``text`` with ``\\n`` line endings and control characters removed,
    and the warning that says so (if any were)."""
    text, removed = _CONTROL.subn("", _NEWLINES.sub("\n", text))
    if removed:
        return text, (f"removed {removed} control character{'s' if removed != 1 else ''}",)
    return text, ()


def _utf16_without_bom(data: bytes) -> Optional[Tuple[str, str]]:
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


# Codecs that decode bytes to text but are no charset a page may declare:
# punycode and IDNA are for host names, the escapes for source code, and
# "undefined" refuses everything.
_NOT_CHARSETS = frozenset({"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape"})


def text_codec(charset: str) -> Optional[str]:
    """The codec a declared ``charset`` names, or None when there is none
    or it is no text encoding (``base64``, ``zlib``, ``rot13``, ``idna``…)."""
    try:
        info = codecs.lookup(charset)
    except (LookupError, ValueError, TypeError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_CHARSETS:
        return None
    return info.name


def decode_declared(data: bytes, charset: Optional[str]) -> Decoded:
    """Decode ``data`` with the ``charset`` a server or page declared; a
    charset that is unknown or no text encoding (or none) falls back to
    ``decode``'s rules, with a warning when one was declared.  Raises
    ``InputError`` for binary data."""
    if not charset:
        return decode(data)
    codec = text_codec(charset)
    if codec is not None and b"\x00" in data and not codec.startswith(("utf-16", "utf-32")):
        raise InputError(BINARY)
    text: Optional[str] = None
    if codec is not None:
        if codec == "utf-8" and data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8):]
        try:
            text = data.decode(codec, errors="replace")
        except (UnicodeError, LookupError):
            text = None  # a codec that fails even with errors="replace"
    if text is None:
        decoded = decode(data)
        warning = f"the declared charset {charset!r} is unknown or no text encoding; decoded as {decoded.encoding}"
        return Decoded(decoded.text, decoded.encoding, (warning, *decoded.warnings))
    warnings: Tuple[str, ...] = ()
    if "\ufffd" in text:
        warnings = (f"bytes invalid in the declared charset {charset} replaced with U+FFFD",)
    text, cleaned = clean(text)
    return Decoded(text=text, encoding=str(codec), warnings=(*warnings, *cleaned))
