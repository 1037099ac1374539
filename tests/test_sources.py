"""Reading inputs: decoding rules and input errors."""
from __future__ import annotations

import io
import os

import pytest

from summarize.errors import InputError, NoTextError
from summarize.sources import read_path, read_stream


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
