"""Hostile input: every bad input gets a result or one clear line, never a traceback.

Each case names the input, the exit status and what stderr must say; stdout
carries results only.
"""
from __future__ import annotations

import ctypes
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time

import pytest
from click.testing import CliRunner

from summarize.cli import cli

try:
    import resource
except ImportError:  # Windows
    resource = None

PARAGRAPH = "The harbor board met on Tuesday. It approved the dredging plan. Work starts in spring. "


def invoke(args, **kwargs):
    return CliRunner().invoke(cli, args, **kwargs)


def assert_one_error_line(result, code, message):
    assert result.exit_code == code, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert any(message in line for line in lines), result.stderr
    assert "Traceback" not in result.stderr
    if code == 1:
        assert len(lines) == 1


@pytest.mark.parametrize(
    "content, message",
    [
        pytest.param(b"", "no text to summarize", id="empty-file"),
        pytest.param(b"  \n\t \n ", "no text to summarize", id="whitespace-only"),
        pytest.param(b"\x00" * 512, "looks like a binary file", id="nul-bytes"),
        pytest.param(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)), "looks like a binary file", id="executable"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)), "an image (PNG), not text", id="png"),
        pytest.param(b"\x1b\x07\x08\x7f\n", "no text to summarize", id="control-characters-only"),
    ],
)
def test_unsummarizable_files_fail_with_one_line(tmp_path, content, message):
    path = tmp_path / "input.bin"
    path.write_bytes(content)
    assert_one_error_line(invoke([str(path)]), 1, f"{path}: {message}")


@pytest.mark.parametrize(
    "content, warning, expected_word",
    [
        pytest.param(PARAGRAPH.encode() + b"\xff\xfe bad " + "Caf\u00e9 open.".encode(), "invalid UTF-8 byte", "Caf\u00e9", id="invalid-utf8-in-middle"),
        pytest.param(b"\xff\xfe" + (PARAGRAPH + "Caf\u00e9 open.").encode("utf-16-le"), None, "Caf\u00e9", id="utf16-with-bom"),
        pytest.param((PARAGRAPH + "Caf\u00e9 open.").encode("utf-16-le"), "no byte-order mark; decoded as UTF-16-LE", "Caf\u00e9", id="utf16-without-bom"),
        pytest.param((PARAGRAPH + "Caf\u00e9 open.").encode("latin-1"), "decoded as Windows-1252", "Caf\u00e9", id="latin-1"),
        pytest.param(PARAGRAPH.replace(". ", ".\r\n").encode(), None, "harbor", id="crlf"),
        pytest.param(PARAGRAPH.replace(". ", ".\r").encode(), None, "harbor", id="lone-cr"),
        pytest.param((PARAGRAPH + "Red \x1b[31malert\x1b[0m here.\x07").encode(), "removed 3 control characters", "harbor", id="control-characters"),
    ],
)
def test_odd_encodings_are_summarized(tmp_path, content, warning, expected_word):
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    result = invoke(["-r", "1", str(path)])
    assert result.exit_code == 0, result.stderr
    assert expected_word in result.stdout
    assert "\x1b" not in result.stdout and "\r" not in result.stdout
    if warning:
        assert warning in result.stderr
    else:
        assert "Warning" not in result.stderr


@pytest.mark.parametrize(
    "text, script",
    [
        pytest.param("\u05d6\u05d4 \u05de\u05e9\u05e4\u05d8 \u05e8\u05d0\u05e9\u05d5\u05df. \u05d6\u05d4 \u05de\u05e9\u05e4\u05d8 \u05e9\u05e0\u05d9.", "Hebrew", id="right-to-left"),
        pytest.param("\u6211\u4eec\u4eca\u5929\u53bb\u516c\u56ed\u3002\u5929\u6c14\u5f88\u597d\u3002", "Chinese or Japanese", id="cjk"),
        pytest.param("Party time \U0001F389\U0001F973. The cake \U0001F382 was great. Everyone came \U0001F44D.", None, id="emoji"),
        pytest.param("Word", None, id="one-word"),
        pytest.param("Just one sentence here.", None, id="one-sentence"),
    ],
)
def test_unusual_texts_give_sentences_from_the_input(text, script):
    result = invoke(["-"], input=text.encode())
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip()
    # A language that is not supported is read as English, and said first.
    unsupported = (
        f"Note: <stdin>: the text does not look like a supported language (written in {script} script); read as English\n"
        if script
        else ""
    )
    assert re.fullmatch(re.escape(unsupported) + r"Note: <stdin>: the text has only \d+ sentences?; printing it whole\n", result.stderr)
    squeezed = "".join(text.split())
    for line in result.stdout.splitlines():
        assert "".join(line.split()) in squeezed


def test_single_huge_line_without_punctuation_completes(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(" ".join(["harbor", "river", "stone", "light"] * 250_000))  # about 5 MB
    result = invoke([str(path)])
    assert result.exit_code == 0
    assert len(result.stdout) == path.stat().st_size + 1  # the text, one newline
    assert "only 1 sentence" in result.stderr


def test_nonexistent_path(tmp_path):
    assert_one_error_line(invoke([str(tmp_path / "missing.txt")]), 1, "missing.txt: no such file")


def test_unreadable_file_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(PARAGRAPH)
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads anything: simulate the kernel's answer instead
        real_open = open

        def deny(file, *args, **kwargs):
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr("builtins.open", deny)
    assert_one_error_line(invoke([str(path)]), 1, "locked.txt: permission denied")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_read_like_a_pipe(tmp_path):
    fifo = tmp_path / "feed"
    os.mkfifo(fifo)

    def feed():
        with open(fifo, "w") as handle:
            handle.write(PARAGRAPH)

    writer = threading.Thread(target=feed)
    writer.start()
    result = invoke(["-r", "1", str(fifo)])
    writer.join(timeout=10)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "The harbor board met on Tuesday."


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop_is_reported(tmp_path):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    assert_one_error_line(invoke([str(loop)]), 1, "loop.txt: cannot read it")


@pytest.mark.parametrize(
    "args, message",
    [
        pytest.param(["-n", "0"], "Invalid value for '-n' / '--sentences'", id="n-zero"),
        pytest.param(["-n", "-1"], "Invalid value for '-n' / '--sentences'", id="n-negative"),
        pytest.param(["-n", "three"], "'three' is not a valid integer", id="n-not-a-number"),
        pytest.param(["--ratio", "0"], "Invalid value for '-r' / '--ratio'", id="ratio-zero"),
        pytest.param(["--ratio", "1.5"], "Invalid value for '-r' / '--ratio'", id="ratio-above-one"),
        pytest.param(["--words", "0"], "Invalid value for '-w' / '--words'", id="words-zero"),
        pytest.param(["--format", "xml"], "Invalid value for '-f' / '--format'", id="unknown-format"),
        pytest.param(["-n", "2", "-r", "0.5"], "cannot be combined", id="sentences-and-ratio"),
        pytest.param(["-w", "9", "-n", "2"], "cannot be combined", id="sentences-and-words"),
        pytest.param(["-r", "0.5", "-w", "9"], "-r/--ratio and -w/--words cannot be combined", id="ratio-and-words"),
        pytest.param(["-n", "2", "-r", "0.5", "-w", "9"], "-n/--sentences and -r/--ratio and -w/--words cannot be combined", id="all-three"),
        pytest.param(["--skip-existing"], "--skip-existing needs --output-dir", id="skip-existing-without-output-dir"),
        pytest.param(["-f", "rich", "-o", "out"], "rich output cannot go to files", id="rich-to-files"),
        pytest.param(["--jobs", "0"], "Invalid value for '-j' / '--jobs'", id="jobs-zero"),
        pytest.param(["--timeout", "0"], "Invalid value for '--timeout'", id="timeout-zero"),
        pytest.param(["--bogus"], "No such option '--bogus'", id="unknown-option"),
    ],
)
def test_bad_options_are_usage_errors(tmp_path, args, message):
    path = tmp_path / "a.txt"
    path.write_text(PARAGRAPH)
    assert_one_error_line(invoke([*args, str(path)]), 2, message)


# --- the same sentence, over and over ----------------------------------------

REPEATED = "The council approved the new bridge over the river on Monday. "


@pytest.mark.parametrize("limit", [["-n", "3"], ["-r", "1"], ["-w", "500"]], ids=["sentences", "ratio", "words"])
@pytest.mark.parametrize("rest", ["", PARAGRAPH], ids=["alone", "with-other-sentences"])
def test_sentence_repeated_1000_times_is_printed_once(limit, rest):
    result = invoke([*limit, "-"], input=REPEATED * 1000 + rest)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines.count(REPEATED.strip()) == 1
    assert len(lines) == len(set(lines))
    assert result.stderr == ""


# --- folders with nothing to read ----------------------------------------------


def test_folder_without_text_files_is_one_error(tmp_path):
    folder = tmp_path / "pictures"
    (folder / "nested").mkdir(parents=True)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / ".hidden.txt").write_text(PARAGRAPH)
    result = invoke([str(folder)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == f"Error: no input found: no files named *.txt, *.md or *.markdown in {folder}"
    assert "Traceback" not in result.stderr


# --- real permissions and write faults, in a child process --------------------
#
# Root ignores file permissions through CAP_DAC_OVERRIDE.  Tests run as root in
# some sandboxes, so the child drops that capability (and CAP_DAC_READ_SEARCH)
# from its bounding set before exec: chmod then means for it what it means for
# any user.  A disk that fills up is a file size limit (ulimit -f): Python
# ignores SIGXFSZ, so the write fails with EFBIG, as a full disk fails with ENOSPC.

PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


def _drop_root_overrides() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


@pytest.fixture
def permissions_apply(tmp_path):
    """A ``preexec_fn`` under which chmod is obeyed (None for a non-root
    user); skips where root cannot give up its override."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    if os.geteuid() != 0:
        return None
    probe = tmp_path / "probe"
    probe.mkdir(mode=0o555)
    try:
        denied = subprocess.run(
            [sys.executable, "-c", f"open({str(probe / 'x')!r}, 'w')"], capture_output=True, preexec_fn=_drop_root_overrides
        ).returncode != 0
    except (subprocess.SubprocessError, OSError):
        denied = False
    probe.rmdir()
    if not denied:
        pytest.skip("running as root and cannot drop CAP_DAC_OVERRIDE")
    return _drop_root_overrides


def file_size_limit(nbytes: int):
    """A ``preexec_fn`` setting ``ulimit -f`` to ``nbytes``."""
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (nbytes, nbytes))


def run_summarize(args, **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "summarize", *map(str, args)], stderr=subprocess.PIPE, text=True, timeout=120, **kwargs
    )


def articles(folder, count: int = 3):
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"{i}.txt").write_text(numbered(12, shift=i))
    return folder


VOCABULARY = [f"{a}{b}{c}" for a in "bcdfg" for b in "aeiou" for c in "klmnprst"]


def numbered(count: int, shift: int = 0) -> str:
    """``count`` distinct sentences of made-up words (none a near-duplicate of
    another), with a few English function words so that they read as English
    (else language detection would add a note on stderr)."""
    rng = random.Random(shift)
    return " ".join("Sentence " + " ".join(rng.sample(VOCABULARY, 8)) + " is on the list." for _ in range(count))


def leftovers(folder) -> list:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_unreadable_file_is_reported_by_the_kernel(tmp_path, permissions_apply):
    path = tmp_path / "locked.txt"
    path.write_text(PARAGRAPH)
    path.chmod(0)
    result = run_summarize([path], preexec_fn=permissions_apply)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: {path}: permission denied\n"


def test_folder_whose_files_are_unreadable_fails_each(tmp_path, permissions_apply):
    folder = articles(tmp_path / "in", 2)
    for path in folder.iterdir():
        path.chmod(0)
    result = run_summarize([folder], preexec_fn=permissions_apply)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Error: {folder / '0.txt'}: permission denied",
        f"Error: {folder / '1.txt'}: permission denied",
    ] + result.stderr.splitlines()[2:]
    assert result.stderr.splitlines()[-1].startswith("0 summarized, 2 failed, 0 skipped in ")


def test_unwritable_output_dir_is_one_error_and_leaves_nothing(tmp_path, permissions_apply):
    folder = articles(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir(mode=0o555)
    result = run_summarize(["-o", out, folder], preexec_fn=permissions_apply)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == f"Error: cannot write {out / '0.txt'}: Permission denied"
    assert "Traceback" not in result.stderr
    assert leftovers(out) == []


def test_output_dir_that_is_a_file_is_a_usage_error(tmp_path):
    folder = articles(tmp_path / "in")
    out = tmp_path / "out"
    out.write_text("in the way")
    assert_one_error_line(invoke(["-o", str(out), str(folder)]), 2, f"Directory '{out}' is a file")
    assert out.read_text() == "in the way"


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX resource limits")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_disk_full_under_output_dir_is_one_error_and_leaves_nothing(tmp_path, jobs):
    folder = articles(tmp_path / "in")
    out = tmp_path / "out"
    result = run_summarize(["-j", jobs, "-o", out, folder], preexec_fn=file_size_limit(100))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == f"Error: cannot write {out / '0.txt'}: File too large"
    assert result.stderr.splitlines()[-2].startswith("0 summarized, 0 failed, 0 skipped in ")
    assert "Traceback" not in result.stderr
    assert leftovers(out) == []


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX resource limits")
@pytest.mark.parametrize("records", [3, 200], ids=["fails-at-close", "fails-mid-file"])
def test_disk_full_keeps_finished_files_whole_and_removes_the_one_cut_short(tmp_path, records):
    first = articles(tmp_path / "in", 1) / "0.txt"
    dataset = tmp_path / "in" / "d.jsonl"
    dataset.write_text("".join(json.dumps({"id": i, "text": numbered(12, shift=i)}) + "\n" for i in range(records)))
    out = tmp_path / "out"
    result = run_summarize(["-j", "1", "-o", out, "-f", "jsonl", first, dataset], preexec_fn=file_size_limit(1000))
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == f"Error: cannot write {out / 'd.jsonl'}: File too large"
    # The tally counts what was delivered: the dataset's summaries went with its file.
    assert result.stderr.splitlines()[-2].startswith("1 summarized, 0 failed, 0 skipped in ")
    assert "Traceback" not in result.stderr
    assert leftovers(out) == ["0.jsonl"]
    alone = run_summarize(["-f", "jsonl", first]).stdout
    assert (out / "0.jsonl").read_text() == alone


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [[], ["-f", "json"], ["-n", "1"]], ids=["plain", "json", "one-short-line"])
def test_stdout_on_a_full_device_is_one_error(tmp_path, args):
    path = tmp_path / "a.txt"
    path.write_text(numbered(12))
    with open("/dev/full", "w") as full:
        result = run_summarize([*args, path], stdout=full)
    assert result.returncode == 1
    assert result.stderr == "Error: cannot write to stdout: No space left on device\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_stdout_on_a_full_device_in_batch_mode_is_one_error(tmp_path):
    folder = articles(tmp_path / "in")
    with open("/dev/full", "w") as full:
        result = run_summarize([folder], stdout=full)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "Error: cannot write to stdout: No space left on device"
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="POSIX resource limits")
@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "PYTHONUNBUFFERED"])
def test_stdout_cut_short_by_a_size_limit_is_one_error(tmp_path, unbuffered):
    # The first write succeeds in part (100 of about 130 bytes), the rest fails:
    # unbuffered, Python's text layer used to drop that rest and exit 0.
    path = tmp_path / "a.txt"
    path.write_text(numbered(12))
    env = {**os.environ, "PYTHONUNBUFFERED": unbuffered}
    with open(tmp_path / "summary.txt", "w") as target:
        result = run_summarize([path], stdout=target, preexec_fn=file_size_limit(100), env=env)
    assert result.returncode == 1
    assert result.stderr == "Error: cannot write to stdout: File too large\n"


# --- signals in the middle of the work ------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("sig, code, message", [(signal.SIGINT, 130, "Interrupted."), (signal.SIGTERM, 143, "Terminated.")])
def test_signal_while_summarizing_exits_cleanly(sig, code, message):
    # test_cli signals a process blocked on stdin; this one is busy splitting
    # and scoring 3 MB, where the interrupt lands in arbitrary library code.
    big = "\n\n".join(numbered(20, shift=i) for i in range(3000)).encode()
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarize", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    proc.stdin.write(big)  # returns once the child has read nearly all of it: it is past start-up
    proc.stdin.close()
    time.sleep(0.2)
    proc.send_signal(sig)
    out, err = proc.stdout.read(), proc.stderr.read()  # a few bytes each: no pipe fills up
    assert proc.wait(timeout=60) == code, err.decode()
    assert err.decode().strip() == message
    assert out == b""
