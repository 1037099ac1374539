"""Issue 16, outputs: nothing lost under -o, output always valid UTF-8 and
JSON, SIGHUP handled like SIGTERM, no stale temporary files.

Each test runs the ``summarize`` command as a subprocess (see _reliability.py).
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from _reliability import (
    error_lines,
    group_alive,
    temporary_files,
    visible_names,
    kill_group,
    numbered,
    open_fifo_for_writing,
    run_summarize,
    snapshot,
    wait_for,
)

# --- -o never destroys an input ------------------------------------------------------
#
# Rule: before writing anything, a run refuses (one "Error:" line, exit 1,
# nothing written) when a summary file it would write is one of its inputs,
# or when the output folder lies inside an input folder and holds inputs.


def refused_without_writing(result: subprocess.CompletedProcess, before: dict, after: dict, at_risk: str) -> None:
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    errors = error_lines(result.stderr)
    assert len(errors) == 1, result.stderr
    assert at_risk in errors[0], errors[0]
    assert after == before  # no input changed, no file added


@pytest.fixture
def two_articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(numbered(12, shift=1))
    (folder / "a.txt").write_text(numbered(12, shift=2))
    (folder / "a.jsonl").write_text(json.dumps({"id": 1, "text": numbered(12, shift=3)}) + "\n")
    return folder


@pytest.mark.parametrize(
    "fmt, inputs, at_risk",
    [
        pytest.param("plain", ["in/a.md", "in/a.txt"], "in/a.txt", id="plain-summary-of-a.md-over-input-a.txt"),
        pytest.param("markdown", ["in/a.txt", "in/a.md"], "in/a.md", id="markdown-summary-of-a.txt-over-input-a.md"),
        pytest.param("jsonl", ["in/a.txt", "in/a.jsonl"], "in/a.jsonl", id="jsonl-summary-of-a.txt-over-dataset-a.jsonl"),
    ],
)
@pytest.mark.parametrize("spelling", ["in", "./in", "absolute"])
def test_summary_that_would_overwrite_a_later_input_is_refused_before_writing(tmp_path, two_articles, fmt, inputs, at_risk, spelling):
    out = str(two_articles) if spelling == "absolute" else spelling
    before = snapshot(tmp_path)
    result = run_summarize(["-j", "1", "-f", fmt, "-o", out, *inputs], cwd=tmp_path)
    refused_without_writing(result, before, snapshot(tmp_path), at_risk.split("/")[-1])


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_output_folder_inside_the_input_folder_holding_inputs_is_refused(tmp_path, jobs):
    # summarize -o in/sub in/: in/sub/b.txt was silently left out and
    # in/sub/a.txt overwritten with the summary of in/a.txt; exit 0.
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(numbered(12, shift=1))
    (tmp_path / "in" / "sub" / "a.txt").write_text(numbered(12, shift=2))
    (tmp_path / "in" / "sub" / "b.txt").write_text(numbered(12, shift=3))
    before = snapshot(tmp_path)
    result = run_summarize(["-j", jobs, "-o", "in/sub", "in/"], cwd=tmp_path)
    refused_without_writing(result, before, snapshot(tmp_path), "in/sub")


@pytest.mark.parametrize("out", ["in", "in/", "./in", "absolute"])
def test_output_folder_equal_to_the_input_folder_says_so(tmp_path, out):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(numbered(12, shift=1))
    before = snapshot(tmp_path)
    result = run_summarize(["-o", str(folder) if out == "absolute" else out, "in"], cwd=tmp_path)
    refused_without_writing(result, before, snapshot(tmp_path), "in")
    assert "no input found" not in result.stderr


def test_output_folder_inside_the_input_folder_still_works_and_resumes(tmp_path):
    # Not a bug today: the common layout must keep working once the above are refused.
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(numbered(12, shift=1))
    (tmp_path / "in" / "b.md").write_text(numbered(12, shift=2))
    first = run_summarize(["-j", "1", "-o", "in/summaries", "in"], cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert visible_names(tmp_path / "in" / "summaries") == ["a.txt", "b.txt"]
    again = run_summarize(["-j", "1", "-o", "in/summaries", "--skip-existing", "in"], cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stderr.splitlines()[-1].startswith("0 summarized, 0 failed, 2 skipped in ")


# --- file names that are not valid UTF-8 ------------------------------------------------

BAD_NAME = b"caf\xe9.txt"  # Latin-1 bytes: not UTF-8


@pytest.fixture
def badly_named(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    try:
        with open(os.path.join(os.fsencode(folder), BAD_NAME), "w") as handle:
            handle.write(numbered(12, shift=1))
    except (OSError, UnicodeError):
        pytest.skip("the file system refuses names that are not UTF-8")
    (folder / "ok.txt").write_text(numbered(12, shift=2))
    return folder


def strict_json(text: str):
    """``json.loads`` that refuses NaN and Infinity, as most JSON parsers do."""

    def refuse(name: str):
        raise ValueError(f"not JSON: {name}")

    return json.loads(text, parse_constant=refuse)


def test_name_not_utf8_with_json_output_dir_writes_valid_utf8_json(tmp_path, badly_named):
    out = tmp_path / "out"
    result = run_summarize(["-j", "1", "-f", "json", "-o", out, badly_named])
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    written = [out / name for name in visible_names(out)]
    assert len(written) == 2
    for path in written:
        data = strict_json(path.read_bytes().decode("utf-8"))
        assert data["sentences"]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "plain", "markdown"])
@pytest.mark.parametrize("encoding", ["default", "utf-8:strict"])
def test_name_not_utf8_on_stdout_is_escaped_and_output_stays_utf8(badly_named, fmt, encoding):
    env = {**os.environ}
    if encoding != "default":
        env["PYTHONIOENCODING"] = encoding
    result = run_summarize(["-j", "1", "-f", fmt, badly_named], text=False, env=env)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert b"Traceback" not in result.stderr
    out = result.stdout.decode("utf-8")  # raises on a raw Latin-1 byte
    if fmt == "json":
        assert len(strict_json(out)) == 2
    elif fmt == "jsonl":
        assert len([strict_json(line) for line in out.splitlines()]) == 2
    assert "caf" in out


def test_single_file_not_utf8_name_in_json_source_is_valid_utf8(badly_named):
    path = os.path.join(os.fsencode(badly_named), BAD_NAME)
    result = run_summarize(["-f", "json", path], text=False)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    data = strict_json(result.stdout.decode("utf-8"))
    assert "caf" in data["source"]


# --- record ids that JSON cannot carry -------------------------------------------------


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_dataset_id_nan_or_infinity_gives_valid_json(tmp_path, constant, fmt):
    dataset = tmp_path / "d.jsonl"
    dataset.write_text(
        f'{{"id": {constant}, "text": {json.dumps(numbered(6, shift=1))}}}\n'
        + json.dumps({"id": 2, "text": numbered(6, shift=2)})
        + "\n"
    )
    result = run_summarize(["-j", "1", "-f", fmt, dataset])
    assert "Traceback" not in result.stderr
    records = strict_json(result.stdout) if fmt == "json" else [strict_json(line) for line in result.stdout.splitlines()]
    assert len(records) == 2
    assert records[1]["id"] == 2 and records[1]["sentences"]


# --- SIGHUP in batch, and temporary files left by a run that was killed -------------------


def _dataset_line(i: int) -> str:
    return json.dumps({"id": i, "text": numbered(12, shift=i)}) + "\n"


def _start_dataset_run(tmp_path: Path, jobs: str):
    """A batch run writing a dataset read from a FIFO into out/: returns
    (process, FIFO write descriptor, out folder) once the run has started
    writing its output file (a hidden temporary file exists)."""
    fifo = tmp_path / "d.jsonl"
    os.mkfifo(fifo)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarize", "-j", jobs, "-f", "jsonl", "-o", str(out), str(fifo)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    fd = open_fifo_for_writing(fifo, proc)
    # Enough lines for several chunks per worker: results come back while the FIFO stays open.
    os.write(fd, "".join(_dataset_line(i) for i in range(200)).encode())
    wait_for(lambda: bool(temporary_files(out)), what="the output file to be started")
    return proc, fd, out


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not hasattr(signal, "SIGHUP"), reason="POSIX signals and FIFOs")
@pytest.mark.parametrize("group", [False, True], ids=["process", "group"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sighup_in_batch_exits_129_cleanly_and_leaves_no_temporary_file(tmp_path, jobs, group):
    proc, fd, out = _start_dataset_run(tmp_path, jobs)
    try:
        if group:
            os.killpg(proc.pid, signal.SIGHUP)  # the terminal hung up: the whole group gets it
        else:
            proc.send_signal(signal.SIGHUP)
        _, stderr = proc.communicate(timeout=30)
        # No worker is left behind once the command has exited.
        wait_for(lambda: not group_alive(proc.pid), seconds=15, what="the workers to exit")
    finally:
        os.close(fd)
        kill_group(proc)
    assert proc.returncode == 129, stderr.decode(errors="replace")
    assert b"Traceback" not in stderr
    assert temporary_files(out) == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX FIFOs")
@pytest.mark.parametrize("skip_existing", [False, True], ids=["rerun", "skip-existing"])
def test_temporary_file_of_a_killed_run_is_gone_after_the_next_run(tmp_path, skip_existing):
    proc, fd, out = _start_dataset_run(tmp_path, "1")
    try:
        os.killpg(proc.pid, signal.SIGKILL)  # as the out-of-memory killer would: no clean-up possible
        proc.communicate(timeout=30)
    finally:
        os.close(fd)
        kill_group(proc)
    assert temporary_files(out)  # what the killed run left behind
    dataset = tmp_path / "d.jsonl"
    dataset.unlink()
    dataset.write_text("".join(_dataset_line(i) for i in range(3)))
    result = run_summarize(["-j", "1", "-f", "jsonl", "-o", out, *(["--skip-existing"] if skip_existing else []), dataset])
    assert result.returncode == 0, result.stderr
    assert temporary_files(out) == []
    assert visible_names(out) == ["d.jsonl"]
