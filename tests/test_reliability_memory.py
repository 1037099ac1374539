"""Issue 16, memory: bounded whatever the input.

Peak memory is a child's maximum resident set (``ru_maxrss``), compared
with a baseline child: a run on a one-sentence file for per-input costs, or
the same run on an input of the same size and shape where only the property
under test differs (for the caches).  Sizes and bounds are far apart, so
allocator noise cannot decide a test.
"""
from __future__ import annotations

import json
import os
import random
import string
import subprocess
import sys

import pytest

from _reliability import error_lines, numbered, peak_rss, run_summarize, summarize_command

resource = pytest.importorskip("resource", reason="POSIX resource usage")

MB = 1_000_000
GROWTH_PER_INPUT_BYTE = 30
"""Peak memory beyond the interpreter's baseline, per byte of input, that no text may exceed."""


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> int:
    tiny = tmp_path_factory.mktemp("baseline") / "tiny.txt"
    tiny.write_text("One sentence is all there is.\n")
    status, rss = peak_rss(summarize_command(str(tiny)))
    assert status == 0
    return rss


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ab\n" * 333_333, id="short-lines"),
        pytest.param("Go. " * 250_000, id="two-letter-sentences"),
        pytest.param("- A\n" * 250_000, id="list-items"),
        pytest.param("\n\n".join(["Ok."] * 200_000), id="one-word-paragraphs"),
    ],
)
def test_text_of_tiny_sentences_stays_under_30_times_its_size(tmp_path, baseline, text):
    # 1 MB of "Ab\n" peaked at 290 MB (280 times the input); prose stays near 10 times.
    path = tmp_path / "tiny-sentences.txt"
    path.write_text(text)
    size = path.stat().st_size
    status, rss = peak_rss(summarize_command("-n", "3", str(path)), timeout=180)
    assert status == 0
    growth = (rss - baseline) / size
    assert growth < GROWTH_PER_INPUT_BYTE, f"peak {rss / MB:.0f} MB, baseline {baseline / MB:.0f} MB: {growth:.0f}x the input"


# --- the term caches ------------------------------------------------------------------------


def _dataset(path, records: int, tokens_per_record: int, token_length: int, unique: bool) -> None:
    rng = random.Random(5)
    same = ["".join(rng.choice(string.ascii_lowercase) for _ in range(token_length)) for _ in range(tokens_per_record)]
    with open(path, "w") as handle:
        for i in range(records):
            tokens = [
                "".join(rng.choice(string.ascii_lowercase) for _ in range(token_length)) for _ in range(tokens_per_record)
            ] if unique else same
            body = ". ".join(f"The harbor board studied {token}" for token in tokens)
            handle.write(json.dumps({"id": i, "text": f"The harbor board met on Tuesday. {body}. Work starts in spring."}) + "\n")


@pytest.mark.parametrize(
    "tokens_per_record, token_length",
    [pytest.param(1, MB, id="one-1MB-token-a-record"), pytest.param(1_000, 500, id="1000-500-byte-tokens-a-record")],
)
def test_term_caches_do_not_keep_every_long_token(tmp_path, tokens_per_record, token_length):
    # 40 records with a unique 1 MB token each peaked at 400 MB, against 82 MB
    # when every record holds the same token: the caches kept every key.
    unique, same = tmp_path / "unique.jsonl", tmp_path / "same.jsonl"
    _dataset(unique, 40, tokens_per_record, token_length, unique=True)
    _dataset(same, 40, tokens_per_record, token_length, unique=False)
    peaks = {}
    for path in (unique, same):
        status, peaks[path.name] = peak_rss(summarize_command("-j", "1", "-f", "jsonl", str(path)), timeout=300)
        assert status == 0
    extra = (peaks["unique.jsonl"] - peaks["same.jsonl"]) / MB
    assert extra < 25, f"{extra:.0f} MB more with unique tokens ({peaks})"


# --- the size of local input --------------------------------------------------------------


def _address_space_limit():
    # Today /dev/zero is read until MemoryError: cap the child at 2 GB so that takes seconds, not the machine.
    return lambda: resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))


def _max_bytes_error(result: subprocess.CompletedProcess) -> None:
    assert result.returncode == 1, result.stderr[-2000:]
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and "--max-bytes" in errors[0], result.stderr[-2000:]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
@pytest.mark.parametrize("how", ["path", "stdin"])
def test_endless_device_is_refused_at_the_size_cap(how):
    if how == "path":
        result = run_summarize(["/dev/zero"], timeout=120, preexec_fn=_address_space_limit())
    else:
        with open("/dev/zero", "rb") as zero:
            result = run_summarize(["-"], stdin=zero, timeout=120, preexec_fn=_address_space_limit())
    _max_bytes_error(result)


@pytest.mark.parametrize("how", ["path", "stdin", "html-file"])
def test_max_bytes_applies_to_local_input(tmp_path, how):
    path = tmp_path / ("big.html" if how == "html-file" else "big.txt")
    text = numbered(60)  # about 2.5 KB
    path.write_text(f"<html><body><article><p>{text}</p></article></body></html>" if how == "html-file" else text)
    if how == "stdin":
        result = run_summarize(["--max-bytes", "1000", "-"], input=text)
    else:
        result = run_summarize(["--max-bytes", "1000", path])
    _max_bytes_error(result)


def test_input_within_max_bytes_is_summarized(tmp_path):
    path = tmp_path / "small.txt"
    path.write_text(numbered(12))
    result = run_summarize(["--max-bytes", str(path.stat().st_size), path])
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 3


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_max_bytes_in_batch_fails_that_input_only(tmp_path, jobs):
    (tmp_path / "big.txt").write_text(numbered(60))
    (tmp_path / "small.txt").write_text(numbered(12, shift=1))
    result = run_summarize(["-j", jobs, "--max-bytes", "1000", tmp_path])
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert [line for line in result.stdout.splitlines() if line.startswith("==> ")] == [f"==> {tmp_path / 'small.txt'} <=="]
    errors = error_lines(result.stderr)
    assert len(errors) == 1 and "big.txt" in errors[0], result.stderr
