"""Decoding: bytes to text, by the rules of ``summarize.decoding``."""
from __future__ import annotations

import pytest

from summarize.decoding import decode, decode_declared
from summarize.errors import InputError


def test_plain_utf8_is_decoded_without_warnings():
    doc = decode("Caf\u00e9 au lait. \u2014 Done.".encode("utf-8"))
    assert doc.text == "Caf\u00e9 au lait. \u2014 Done."
    assert doc.warnings == ()


def test_utf8_bom_is_dropped():
    doc = decode(b"\xef\xbb\xbfHello there.")
    assert doc.text == "Hello there."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(encoding):
    bom = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
    doc = decode(bom + "Hello \u00e9t\u00e9.".encode(encoding))
    assert doc.text == "Hello \u00e9t\u00e9."
    assert doc.warnings == ()


def test_nul_bytes_without_bom_are_refused_as_binary():
    with pytest.raises(InputError, match=r"^looks like a binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_invalid_byte_inside_utf8_text_is_replaced_with_a_warning():
    doc = decode("Caf\u00e9 ".encode() + b"\xff" + " na\u00efve.".encode())
    assert doc.text == "Caf\u00e9 \ufffd na\u00efve."
    assert len(doc.warnings) == 1
    assert "1 invalid UTF-8 byte (first at byte 6) replaced with U+FFFD" == doc.warnings[0]


def test_latin1_text_falls_back_to_windows_1252_with_a_warning():
    doc = decode(b"Caf\xe9 \x93quoted\x94.")
    assert doc.text == "Caf\u00e9 \u201cquoted\u201d."
    assert doc.encoding == "cp1252"
    assert doc.warnings == ("not valid UTF-8; decoded as Windows-1252 (Latin-1)",)


@pytest.mark.parametrize("raw", [b"One.\r\nTwo.\r\n", b"One.\rTwo.\r"], ids=["crlf", "lone-cr"])
def test_line_endings_become_newlines(raw):
    assert decode(raw).text == "One.\nTwo.\n"


@pytest.mark.parametrize("charset", ["base64", "hex", "rot13", "zlib", "idna", "undefined", "punycode", "no-such-thing"])
def test_a_declared_charset_that_is_no_text_encoding_falls_back_with_a_warning(charset):
    decoded = decode_declared("Caf\u00e9 au lait.".encode("utf-8"), charset)
    assert decoded.text == "Caf\u00e9 au lait." and decoded.encoding == "utf-8"
    assert decoded.warnings == (f"the declared charset {charset!r} is unknown or no text encoding; decoded as utf-8",)


def test_a_declared_charset_is_used_when_it_is_one():
    assert decode_declared("Caf\u00e9".encode("cp1252"), "windows-1252").text == "Caf\u00e9"
