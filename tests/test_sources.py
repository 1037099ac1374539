"""Reading inputs: decoding rules and input errors."""
from __future__ import annotations

import io
import os

import pytest

from summarize.document import Reading
from summarize.errors import InputError, NoTextError, TooLargeError
from summarize.sources import read_any, read_path, read_stream


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


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_that_never_ends_is_refused_at_the_cap():
    with pytest.raises(TooLargeError, match="/dev/zero: the input is larger than the 1,000-byte limit"):
        read_any("/dev/zero", Reading(max_bytes=1000))


def test_a_file_over_the_cap_is_refused_and_one_at_it_is_read(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("It rained. " * 10)  # 110 bytes
    assert read_any(str(path), Reading(max_bytes=110)).text.startswith("It rained.")
    with pytest.raises(TooLargeError) as caught:
        read_any(str(path), Reading(max_bytes=109))
    assert caught.value.setting == "max_bytes" and caught.value.source == str(path)


def test_stdin_over_the_cap_is_refused():
    with pytest.raises(TooLargeError, match="<stdin>: the input is larger than the 5-byte limit"):
        read_stream(io.BytesIO(b"From a pipe."), reading=Reading(max_bytes=5))


def test_local_inputs_default_to_a_larger_cap_than_urls():
    assert Reading().limit() > Reading().limit(url=True)
    assert Reading(max_bytes=7).limit() == Reading(max_bytes=7).limit(url=True) == 7
