"""Reading inputs: decoding rules and input errors."""
from __future__ import annotations

import io
import os

import pytest

from summarize.errors import InputError, NoTextError
from summarize.sources import decode, read_path, read_stream


def test_plain_utf8_is_decoded_without_warnings():
    doc = decode("Caf\u00e9 au lait. \u2014 Done.".encode("utf-8"), "a.txt")
    assert doc.text == "Caf\u00e9 au lait. \u2014 Done."
    assert doc.warnings == ()


def test_utf8_bom_is_dropped():
    doc = decode(b"\xef\xbb\xbfHello there.", "a.txt")
    assert doc.text == "Hello there."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(encoding):
    bom = b"\xff\xfe" if encoding.endswith("le") else b"\xfe\xff"
    doc = decode(bom + "Hello \u00e9t\u00e9.".encode(encoding), "a.txt")
    assert doc.text == "Hello \u00e9t\u00e9."
    assert doc.warnings == ()


def test_nul_bytes_without_bom_are_refused_as_binary():
    with pytest.raises(InputError, match=r"a\.png: looks like a binary file"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.png")


def test_invalid_byte_inside_utf8_text_is_replaced_with_a_warning():
    doc = decode("Caf\u00e9 ".encode() + b"\xff" + " na\u00efve.".encode(), "a.txt")
    assert doc.text == "Caf\u00e9 \ufffd na\u00efve."
    assert len(doc.warnings) == 1
    assert "a.txt: 1 invalid UTF-8 byte (first at byte 6) replaced with U+FFFD" == doc.warnings[0]


def test_latin1_text_falls_back_to_windows_1252_with_a_warning():
    doc = decode(b"Caf\xe9 \x93quoted\x94.", "old.txt")
    assert doc.text == "Caf\u00e9 \u201cquoted\u201d."
    assert doc.encoding == "cp1252"
    assert doc.warnings == ("old.txt: not valid UTF-8; decoded as Windows-1252 (Latin-1)",)


@pytest.mark.parametrize("raw", [b"One.\r\nTwo.\r\n", b"One.\rTwo.\r"], ids=["crlf", "lone-cr"])
def test_line_endings_become_newlines(raw):
    assert decode(raw, "a.txt").text == "One.\nTwo.\n"


def test_missing_file_names_the_path(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(InputError, match="nope.txt: no such file"):
        read_path(str(missing))


def test_directory_is_refused(tmp_path):
    with pytest.raises(InputError, match="is a directory"):
        read_path(str(tmp_path))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs a non-root POSIX user")
def test_unreadable_file_is_refused(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Hidden text.")
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_path(str(path))


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"], ids=["empty", "whitespace"])
def test_empty_input_has_no_text_to_summarize(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(NoTextError, match="no text to summarize"):
        read_path(str(path))


def test_stream_is_read_whole_and_named_stdin():
    doc = read_stream(io.BytesIO(b"From a pipe."))
    assert (doc.name, doc.text) == ("<stdin>", "From a pipe.")
