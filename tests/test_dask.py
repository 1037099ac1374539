"""summarize.dask: many files on one shared local:2 Dask cluster.

One cluster (``summarize.dask.connect("local:2")``, the code ``--scheduler
local:2`` runs) serves every test here; runs reach it by its ``tcp://``
address, as they would a cluster they did not start.  A mock S3 server
(moto's, on 127.0.0.1) starts before it, so the workers inherit its
endpoint and dummy credentials from the environment, as real workers get
theirs.  Skipped without the dask extra.
"""
from __future__ import annotations

import io
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("fsspec")

from summarize import dask as sd  # noqa: E402
from summarize.batch import Settings, run_batch  # noqa: E402
from summarize.cli import HINTS  # noqa: E402
from summarize.outcome import Request  # noqa: E402
from summarize.outputs import record_of  # noqa: E402
from summarize.render import Showing  # noqa: E402
from summarize.walk import Names  # noqa: E402

# Small articles written for these tests.
ARTICLES = [
    (
        "Harbour board backs dredging plan\n\n"
        "The harbour board voted on Tuesday to dredge the inner channel before the autumn storms. "
        "Members said the silt had made the main berth too shallow for the larger ferries. "
        "The work will take about six weeks and will close the north quay at night. "
        "Fishermen asked the board to keep one lane open for the early boats. "
        "A state grant covers most of the cost, the treasurer said."
    ),
    (
        "Library opens a repair café\n\n"
        "The town library will host a repair café on the first Saturday of every month. "
        "Volunteers will mend lamps, toasters, bicycles and torn clothes for free. "
        "Organisers hope to keep a few hundred kilos of goods out of the landfill each year. "
        "Visitors are asked to bring broken items in a bag with their name on it. "
        "The first session drew forty people and a queue that reached the car park."
    ),
    (
        "Night trains return to the valley line\n\n"
        "A night train will run on the valley line again from March, the rail company said. "
        "The service was cut twelve years ago when the old sleeping cars were withdrawn. "
        "New carriages with couchettes and a small café will be used on the route. "
        "Tickets go on sale next month, with a discount for students and pensioners. "
        "Local hotels expect more weekend visitors from the capital."
    ),
    (
        "School garden wins regional prize\n\n"
        "Pupils at the hill school won the regional prize for their vegetable garden. "
        "The judges praised the rainwater tanks the children built from old barrels. "
        "Beans, squash and potatoes from the beds are cooked in the school kitchen. "
        "The head teacher said the prize money will pay for a small greenhouse. "
        "Parents helped to dig the beds over three weekends in spring."
    ),
    (
        "Bridge repairs delayed by supply problems\n\n"
        "Repairs to the old stone bridge will finish two months late, the council said. "
        "The special lime mortar needed for the arches had to be ordered from abroad. "
        "Cars will keep using the temporary crossing downstream until the summer. "
        "Shop owners on the east bank say fewer customers have come since the closure. "
        "The council promised a street market to bring people back to the area."
    ),
    (
        "Choir records its first album\n\n"
        "The community choir has recorded its first album in the old mill hall. "
        "Sixty singers aged from nine to eighty-seven took part in the sessions. "
        "The songs include folk tunes from the valley and two pieces written by members. "
        "Sales will fund a trip to a choir festival in the north next year. "
        "The conductor said the hall's wooden roof gave the recording a warm sound."
    ),
]

BAD_LINES = (
    b"\n"  # blank: skipped, still counted in line numbers
    b"not json\n"
    b"[1, 2]\n"
    b'{"id": 7}\n'
    b'{"id": "empty", "text": "   "}\n'
)


def records(start: int, count: int, ids: bool = True) -> bytes:
    lines = []
    for number in range(start, start + count):
        record = {"id": f"art-{number}", "text": ARTICLES[number % len(ARTICLES)]} if ids else {"text": ARTICLES[number % len(ARTICLES)]}
        lines.append(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
    return b"".join(lines)


def listing(folder: Path) -> list:
    return sorted(p.name for p in folder.iterdir())


def settings(output, fmt: str = "jsonl", **changes) -> Settings:
    showing = Showing(keywords=10 if fmt in ("json", "jsonl", "parquet") else 0)
    base = dict(request=Request(keywords=showing.keywords), fmt=fmt, output_dir=str(output), showing=showing, hints=HINTS,
                names=Names(("*.jsonl", "*.txt", "*.md")))
    base.update(changes)
    return Settings(**base)


# --- the shared cluster and the mock S3 server ----------------------------------------------


@pytest.fixture(scope="module")
def s3_endpoint():
    """``http://127.0.0.1:PORT`` of a moto S3 server, or None without moto."""
    try:
        from moto.server import ThreadedMotoServer
    except ImportError:
        yield None
        return
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    names = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL")
    saved = {name: os.environ.get(name) for name in names}
    os.environ.update(AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing", AWS_DEFAULT_REGION="us-east-1",
                      AWS_ENDPOINT_URL=endpoint)
    yield endpoint
    server.stop()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="module")
def client(s3_endpoint):
    """A client of the shared local:2 cluster (its workers see the S3 server)."""
    with sd.connect("local:2") as client:
        client.wait_for_workers(2)
        yield client


@pytest.fixture(scope="module")
def cluster(client):
    """The shared cluster's scheduler address: runs connect to it as to any."""
    return client.scheduler.address


@pytest.fixture
def inputs(tmp_path):
    """Three small datasets (one with bad records among good ones) and an article."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_bytes(records(0, 4))
    (folder / "b.jsonl").write_bytes(records(4, 3, ids=False))
    (folder / "c.jsonl").write_bytes(records(7, 2) + BAD_LINES + records(9, 2))
    (folder / "story.txt").write_text(ARTICLES[2], encoding="utf-8")
    return folder


class Ran:
    """A run's ``Report`` and what it wrote on stderr."""

    def __init__(self, report: sd.Report, stderr: str) -> None:
        self.manifest, self.tally, self.exit_status, self.stderr = report.manifest, report.tally, report.exit_status, stderr


def run(inputs, output, cluster, fmt: str = "jsonl", **changes) -> Ran:
    stderr = io.StringIO()
    report = sd.summarize_files([str(p) for p in inputs], settings(output, fmt, **changes), cluster, stderr=stderr)
    return Ran(report, stderr.getvalue())


def paths(folder: Path, *names: str) -> list:
    return [folder / name for name in (names or ("a.jsonl", "b.jsonl", "c.jsonl", "story.txt"))]


def single_machine(args, fmt: str = "jsonl") -> str:
    """What ``summarize -f FMT ARGS`` prints on stdout, run in this process."""
    out, err = io.StringIO(), io.StringIO()
    run_batch([str(a) for a in args], Settings(request=Request(keywords=10 if fmt in ("json", "jsonl") else 0), fmt=fmt,
                                               showing=Showing(keywords=10 if fmt in ("json", "jsonl") else 0), hints=HINTS), out, err)
    return out.getvalue()


# --- what each output holds -------------------------------------------------------------------


def test_each_output_is_what_summarize_prints_for_that_file(cluster, inputs, tmp_path):
    out = tmp_path / "out"
    report = run(paths(inputs), out, cluster)
    assert report.exit_status == 0
    assert listing(out) == ["_SUCCESS", "_manifest.json", "a.jsonl", "b.jsonl", "c.jsonl", "story.jsonl"]
    for name in ("a.jsonl", "b.jsonl", "c.jsonl", "story.txt"):
        printed = subprocess.run([sys.executable, "-m", "summarize", "-f", "jsonl", str(inputs / name)], capture_output=True).stdout
        assert (out / (Path(name).stem + ".jsonl")).read_bytes() == printed


@pytest.mark.parametrize("fmt", ["plain", "json", "markdown"])
def test_every_text_format_writes_what_dash_o_writes(cluster, inputs, tmp_path, fmt):
    batch_out, cluster_out = tmp_path / "batch", tmp_path / "cluster"
    extra = dict(request=Request(explain=True, keywords=3), showing=Showing(explain=True, keywords=3, show_keywords=True))
    run_batch([str(inputs)], settings(batch_out, fmt, **extra), io.StringIO(), io.StringIO())
    report = run([inputs], cluster_out, cluster, fmt, **extra)
    assert report.exit_status == 0
    written = sorted(p.name for p in batch_out.iterdir() if not p.name.startswith("."))
    assert written == [n for n in listing(cluster_out) if not n.startswith("_")]
    for name in written:
        assert (cluster_out / name).read_bytes() == (batch_out / name).read_bytes(), name


def test_bad_records_are_error_records_in_place_and_the_file_is_done(cluster, inputs, tmp_path):
    out = tmp_path / "out"
    report = run(paths(inputs, "c.jsonl"), out, cluster)
    source = str(inputs / "c.jsonl")
    rows = [json.loads(line) for line in (out / "c.jsonl").read_bytes().splitlines()]
    assert [row["source"] for row in rows] == [f"{source}:{n}" for n in (1, 2, 4, 5, 6, 7, 8, 9)]
    errors = {row["source"]: row["error"] for row in rows if "error" in row}
    assert errors == {
        f"{source}:4": "not valid JSON (Expecting value: line 1 column 1 (char 0))",
        f"{source}:5": 'not a JSON object; each line must be one {"text": ...} object',
        f"{source}:6": 'no "text" field; the record\'s field is "id" (choose the field with --text-field)',
        f"{source}:7": "no text to summarize (the input is empty or only whitespace)",
    }
    assert rows[5]["id"] == "empty"
    entry = report.manifest.units[source]
    assert (entry["status"], entry["documents"], entry["summarized"], entry["failed"]) == ("done", 8, 4, 4)
    # Bad records are error records in a whole output: the run succeeds, and says so.
    assert report.exit_status == 0 and (out / "_SUCCESS").exists()
    assert (report.tally.summarized, report.tally.failed, report.tally.skipped) == (4, 4, 0)
    lines = report.stderr.splitlines()
    assert f"Error: {source}:6: {errors[source + ':6']}" in lines
    assert lines[-1].startswith("4 summarized, 4 failed, 0 skipped in ")


def test_an_input_that_cannot_be_read_fails_alone_without_retries(cluster, inputs, tmp_path):
    (inputs / "empty.jsonl").write_bytes(b"\n\n")
    (inputs / "blank.txt").write_text("   \n", encoding="utf-8")
    out = tmp_path / "out"
    report = run([inputs / "empty.jsonl", inputs / "blank.txt", inputs / "missing.jsonl", inputs / "a.jsonl"], out, cluster)
    units = report.manifest.units
    assert units[str(inputs / "empty.jsonl")]["error"] == "no records: the dataset is empty"
    assert units[str(inputs / "blank.txt")]["error"] == "no text to summarize (the input is empty or only whitespace)"
    assert units[str(inputs / "missing.jsonl")]["error"] == "no such file or folder"
    assert units[str(inputs / "a.jsonl")]["status"] == "done"
    assert sorted(report.manifest.failed) == sorted(str(inputs / n) for n in ("empty.jsonl", "blank.txt", "missing.jsonl"))
    assert listing(out) == ["_manifest.json", "a.jsonl"]  # no _SUCCESS
    assert report.exit_status == 1

    from summarize.document import Reading

    big = run([inputs / "story.txt"], tmp_path / "capped", cluster, request=Request(reading=Reading(max_bytes=50), keywords=10))
    error = "the input is larger than the 50-byte limit (raise it with --max-bytes)"
    assert big.manifest.units[str(inputs / "story.txt")]["error"] == error
    assert f"Error: {inputs / 'story.txt'}: {error}" in big.stderr.splitlines()


# --- Parquet -------------------------------------------------------------------------------------


def test_parquet_row_groups_round_trip_to_the_fixed_schema(cluster, tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    rows = [{"id": number, "text": ARTICLES[number % len(ARTICLES)]} for number in range(5)] + [{"id": 5, "text": None}]
    source = tmp_path / "news.parquet"
    pq.write_table(pa.Table.from_pylist(rows), source, row_group_size=3)
    out = tmp_path / "out"

    report = run([source], out, cluster, "parquet")

    assert report.exit_status == 0
    assert sorted(report.manifest.units) == [f"{source}#rg0", f"{source}#rg1"]
    assert listing(out / "news") == ["rg-00000.parquet", "rg-00001.parquet"]
    tables = [pq.read_table(out / "news" / name) for name in ("rg-00000.parquet", "rg-00001.parquet")]
    assert all(table.schema.equals(sd.parquet_schema()) for table in tables)
    got = tables[0].to_pylist() + tables[1].to_pylist()
    # Rows are numbered through the file, as a dataset's lines are.
    assert [row["source"] for row in got] == [f"{source}:{n}" for n in range(1, 7)]
    assert [row["id"] for row in got] == ["0", "1", "2", "3", "4", "5"]
    # The same records as the JSON Lines path, in the fixed schema.
    dataset = tmp_path / "news.jsonl"
    dataset.write_bytes(b"".join(json.dumps(row).encode() + b"\n" for row in rows))
    expected = [json.loads(line) for line in single_machine([dataset]).splitlines()]
    schema = sd.parquet_schema().names
    for row, record in zip(got, expected):
        record["source"] = record["source"].replace("news.jsonl", "news.parquet")
        if row["settings"] is not None:  # a struct holds every limit, null when not set
            row["settings"] = {key: value for key, value in row["settings"].items() if value is not None}
        assert row == {name: sd.parquet_row(record).get(name) for name in schema}
    assert got[5]["error"] == 'no "text" field; the record\'s fields are "id", "text" (choose the field with --text-field)'


def test_the_parquet_schema_holds_every_field_of_a_record():
    pytest.importorskip("pyarrow")
    import summarize
    from summarize.outcome import Outcome, failed

    summary = summarize.summarize(ARTICLES[0], explain=True, keywords=3)
    outcome = Outcome("a.txt", summary=summary, record_id=1, meta={"byline": "B", "date": "D", "url": "U"})
    keys = set(record_of(outcome)) | set(record_of(failed("b.txt", "broken", 2)))
    assert keys <= set(sd.parquet_schema().names)


def test_a_damaged_parquet_file_fails_alone(cluster, inputs, tmp_path):
    pytest.importorskip("pyarrow")
    (inputs / "broken.parquet").write_bytes(b"PAR1 this is not parquet")
    out = tmp_path / "out"
    report = run([inputs / "broken.parquet", inputs / "a.jsonl"], out, cluster)
    assert report.manifest.failed == [str(inputs / "broken.parquet")]
    assert report.manifest.units[str(inputs / "broken.parquet")]["error"].startswith("cannot read it as Parquet")
    assert listing(out) == ["_manifest.json", "a.jsonl"]
    assert report.exit_status == 1


# --- resume, failures, retries ----------------------------------------------------------------------


def test_resume_skips_existing_outputs_and_the_manifest_accumulates(cluster, inputs, tmp_path):
    out = tmp_path / "out"
    run(paths(inputs, "a.jsonl", "b.jsonl"), out, cluster)
    first = (out / "a.jsonl").stat().st_mtime_ns

    report = run(paths(inputs), out, cluster, skip_existing=True)

    assert (out / "a.jsonl").stat().st_mtime_ns == first
    manifest = json.loads((out / "_manifest.json").read_bytes())
    assert [(r["done"], r["skipped"]) for r in manifest["runs"]] == [(2, 0), (2, 2)]
    assert {key: unit["status"] for key, unit in manifest["units"].items()} == {
        str(inputs / "a.jsonl"): "skipped",
        str(inputs / "b.jsonl"): "skipped",
        str(inputs / "c.jsonl"): "done",
        str(inputs / "story.txt"): "done",
    }
    assert report.exit_status == 0 and (out / "_SUCCESS").exists()
    assert report.stderr.splitlines()[-1].startswith("5 summarized, 4 failed, 2 skipped in ")


def test_a_resumed_run_with_other_options_is_refused_before_any_work(cluster, inputs, tmp_path):
    out = tmp_path / "out"
    run(paths(inputs, "a.jsonl"), out, cluster)
    kept = (out / "_manifest.json").read_bytes()
    from summarize.budget import Budget
    from summarize.errors import OutputError

    with pytest.raises(OutputError, match=r'other options \(budget: \{"sentences": 3\} then \{"sentences": 5\}\)'):
        run(paths(inputs), out, cluster, skip_existing=True, request=Request(budget=Budget(sentences=5), keywords=10))
    assert (out / "_manifest.json").read_bytes() == kept
    assert listing(out) == ["_SUCCESS", "_manifest.json", "a.jsonl"]


def test_a_file_that_always_fails_is_listed_and_the_others_are_written(cluster, inputs, tmp_path):
    out = tmp_path / "out"
    (out / "b.jsonl").mkdir(parents=True)  # its output cannot be written: every attempt raises

    report = run(paths(inputs), out, cluster)

    failed = str(inputs / "b.jsonl")
    assert report.manifest.failed == [failed]
    assert report.manifest.units[failed]["error"].startswith("IsADirectoryError:")
    assert f"Error: {failed}: IsADirectoryError:" in report.stderr
    assert listing(out) == ["_manifest.json", "a.jsonl", "b.jsonl", "c.jsonl", "story.jsonl"]  # no _SUCCESS
    assert not [p for p in out.rglob(".*.tmp")]  # no temporary file left
    assert report.exit_status == 1

    # Resumed once the fault is gone: only the failed file is summarized.
    (out / "b.jsonl").rmdir()
    before = {name: (out / name).stat().st_mtime_ns for name in ("a.jsonl", "c.jsonl")}
    report = run(paths(inputs), out, cluster, skip_existing=True)
    assert report.exit_status == 0
    assert {name: (out / name).stat().st_mtime_ns for name in ("a.jsonl", "c.jsonl")} == before
    assert (report.manifest.runs[-1]["done"], report.manifest.runs[-1]["skipped"]) == (1, 3)
    assert report.manifest.units[failed]["status"] == "done"
    assert listing(out) == ["_SUCCESS", "_manifest.json", "a.jsonl", "b.jsonl", "c.jsonl", "story.jsonl"]


def _open_fifo(fifo: Path, timeout: float) -> int:
    """``fifo`` opened for writing once a process has opened it to read (a
    reader blocks in open() until then), else -1 after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # ENXIO: no reader yet
            time.sleep(0.02)
    return -1


def _holds(pid: int, fifo: Path) -> bool:
    try:
        return any(os.readlink(f"/proc/{pid}/fd/{fd}") == str(fifo) for fd in os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return False


def _reader_of(fifo: Path, *others: int, tries: int = 1500) -> int:
    """The process, other than this one and ``others``, that has ``fifo`` open
    (looked for ``tries`` times, 20 ms apart)."""
    for _ in range(tries):
        for pid in map(int, filter(str.isdigit, os.listdir("/proc"))):
            if pid != os.getpid() and pid not in others and _holds(pid, fifo):
                return pid
        time.sleep(0.02)
    raise AssertionError(f"no process has {fifo} open")


def _kill(pid: int, fifo: Path) -> None:
    """SIGKILL ``pid`` and wait until it has let go of ``fifo``."""
    os.kill(pid, signal.SIGKILL)
    for _ in range(500):
        if not _holds(pid, fifo):
            return
        time.sleep(0.02)


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="finds the worker by its open files in /proc")
def test_a_worker_killed_mid_file_is_retried_and_the_output_is_whole(client, cluster, tmp_path):
    # The input is a named pipe: the task reads the first records and waits
    # for the rest, and its worker is killed then.  The retry reads it whole.
    folder = tmp_path / "in"
    folder.mkdir()
    fifo = folder / "live.jsonl"
    os.mkfifo(fifo)
    data = records(0, 6)
    half = data[: data.index(b"\n", len(data) // 2) + 1]
    killed = []

    def feed():
        pipe = _open_fifo(fifo, 30)
        if pipe < 0:
            return
        try:
            pid = _reader_of(fifo)
            os.write(pipe, half)
            time.sleep(0.3)  # the first records are summarized
            _kill(pid, fifo)
            killed.append(pid)
            # Still open here, so the retry's open() returns at once: it reads all of it.
            _reader_of(fifo, pid)
            os.set_blocking(pipe, True)
            os.write(pipe, data)
        finally:
            os.close(pipe)

    feeder = threading.Thread(target=feed)
    feeder.start()
    out = tmp_path / "out"

    report = run([fifo], out, cluster)
    feeder.join(30)

    assert killed, "the first attempt never started"
    entry = report.manifest.units[str(fifo)]
    assert entry["status"] == "done" and not entry["worker"].startswith(f"{killed[0]}@")
    assert entry["documents"] == 6
    fifo.unlink()
    (folder / "live.jsonl").write_bytes(data)  # the same bytes, as a file, for the command
    assert (out / "live.jsonl").read_text(encoding="utf-8") == single_machine([folder / "live.jsonl"])
    assert listing(out) == ["_SUCCESS", "_manifest.json", "live.jsonl"]
    client.wait_for_workers(2, timeout=30)


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="finds the worker by its open files in /proc")
def test_a_file_that_kills_its_worker_every_time_fails_and_spares_the_others(client, cluster, inputs, tmp_path):
    # Each worker that opens the pipe is killed.  The scheduler lets a task
    # kill allowed-failures + 1 workers (3 by default; 0 here, to be quick).
    fifo = inputs / "deadly.jsonl"
    os.mkfifo(fifo)
    allowed = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler.allowed_failures)
    client.run_on_scheduler(lambda dask_scheduler: setattr(dask_scheduler, "allowed_failures", 0))
    done = threading.Event()
    deaths = []

    def kill_each_reader():
        # The pipe stays open for writing (nothing is written), so each
        # reader's open() returns and it waits to read.
        pipe = _open_fifo(fifo, 30)
        if pipe < 0:
            return
        try:
            while not done.is_set():
                try:
                    pid = _reader_of(fifo, *deaths, tries=10)
                except AssertionError:
                    continue
                _kill(pid, fifo)
                deaths.append(pid)
        finally:
            os.close(pipe)

    killer = threading.Thread(target=kill_each_reader)
    killer.start()
    out = tmp_path / "out"
    try:
        report = run(paths(inputs, "a.jsonl", "deadly.jsonl", "b.jsonl", "c.jsonl"), out, cluster)
    finally:
        done.set()
        killer.join(10)
        client.run_on_scheduler(lambda dask_scheduler: setattr(dask_scheduler, "allowed_failures", allowed))
    assert report.manifest.failed == [str(fifo)]
    assert report.manifest.units[str(fifo)]["error"].startswith("its worker process died each time it was tried")
    # Once among the others (any task its worker held would have died too), once alone.
    assert len(deaths) == 2 and report.manifest.runs[-1]["suspects"] == 1
    assert listing(out) == ["_manifest.json", "a.jsonl", "b.jsonl", "c.jsonl"]
    assert report.exit_status == 1
    client.wait_for_workers(2, timeout=30)


# --- other filesystems -----------------------------------------------------------------------------


def test_memory_filesystem(client, cluster, inputs):
    # memory:// lives in each process: the inputs are put into this
    # process's and every worker's, and each output is found in the worker
    # that wrote it; the manifest and _SUCCESS in this process's.
    data = {name: (inputs / name).read_bytes() for name in ("a.jsonl", "c.jsonl")}

    def stage(files):
        import fsspec

        for name, content in files.items():
            fsspec.filesystem("memory").pipe_file(f"/in/{name}", content)

    def collect():
        import fsspec

        fs = fsspec.filesystem("memory")
        return {path: fs.cat_file(path) for path in fs.find("/out")} if fs.exists("/out") else {}

    stage(data)
    client.run(stage, data)
    report = sd.summarize_files(["memory://in/*.jsonl"], settings("memory://out"), cluster)

    found: dict = {}
    for files in client.run(collect).values():
        for path, content in files.items():
            assert path not in found, "an output written twice"
            found[path] = content
    expected = {}
    for name, content in data.items():
        local = inputs / name
        # The command names documents after the input as given: the URL here.
        expected[f"/out/{name}"] = single_machine([local]).replace(str(local), f"memory:///in/{name}").encode()
    assert found == expected
    assert report.exit_status == 0
    assert sorted(collect()) == ["/out/_SUCCESS", "/out/_manifest.json"]


def test_s3_through_a_mock_server(cluster, s3_endpoint, inputs):
    if s3_endpoint is None:
        pytest.skip("moto is not installed")
    s3fs = pytest.importorskip("s3fs")
    fs = s3fs.S3FileSystem()
    fs.mkdir("news")
    for name in ("a.jsonl", "b.jsonl", "c.jsonl"):
        fs.pipe_file(f"news/in/2024/{name}", (inputs / name).read_bytes())

    report = sd.summarize_files(["s3://news/in/*/*.jsonl"], settings("s3://news/out"), cluster)

    assert report.exit_status == 0
    assert sorted(fs.find("news/out")) == [
        "news/out/2024/a.jsonl", "news/out/2024/b.jsonl", "news/out/2024/c.jsonl", "news/out/_SUCCESS", "news/out/_manifest.json",
    ]
    for name in ("a.jsonl", "b.jsonl", "c.jsonl"):
        local = inputs / name
        expected = single_machine([local]).replace(str(local), f"s3://news/in/2024/{name}").encode()
        assert fs.cat_file(f"news/out/2024/{name}") == expected

    again = sd.summarize_files(["s3://news/in/*/*.jsonl"], settings("s3://news/out", skip_existing=True), cluster)
    assert (again.manifest.runs[-1]["done"], again.manifest.runs[-1]["skipped"]) == (0, 3)
    assert len(again.manifest.runs) == 2


def test_a_compressed_dataset_is_read_as_one_stream(cluster, inputs, tmp_path):
    import gzip

    (inputs / "z.jsonl.gz").write_bytes(gzip.compress((inputs / "a.jsonl").read_bytes()))
    out = tmp_path / "out"
    report = run([inputs / "z.jsonl.gz"], out, cluster)
    assert report.exit_status == 0
    (inputs / "z.jsonl").write_bytes((inputs / "a.jsonl").read_bytes())
    expected = single_machine([inputs / "z.jsonl"]).replace("z.jsonl:", "z.jsonl.gz:")
    assert (out / "z.jsonl").read_text(encoding="utf-8") == expected


def test_a_bag_of_texts_and_records_gives_the_records_of_jsonl(client):
    import dask.bag

    texts = dask.bag.from_sequence([ARTICLES[0], {"id": "x", "text": ARTICLES[1]}, "", {"body": "no text"}], npartitions=2)
    got = sd.summarize_bag(texts, Request(keywords=2), name="batch").compute(scheduler=client)
    assert [record["source"] for record in got] == ["batch:0:1", "batch:0:2", "batch:1:1", "batch:1:2"]
    assert got[1]["id"] == "x"
    import summarize

    assert [s["text"] for s in got[0]["sentences"]] == [s.text for s in summarize.summarize(ARTICLES[0]).sentences]
    assert got[2]["error"] == "no text to summarize (the input is empty or only whitespace)"
    assert got[3]["error"].startswith('no "text" field')


def test_a_dask_dataframe_of_records(client):
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = dd.from_pandas(pd.DataFrame({"id": ["a", "b", "c"], "text": ARTICLES[:3]}), npartitions=2)
    got = sd.summarize_bag(frame, Request(keywords=2)).compute(scheduler=client)
    assert [record["id"] for record in got] == ["a", "b", "c"]
    assert all("error" not in record for record in got)


# --- planning, without the cluster ---------------------------------------------------------------


def test_outputs_mirror_the_inputs_below_each_argument(tmp_path):
    folder = tmp_path / "news"
    (folder / "world").mkdir(parents=True)
    (folder / "world" / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    (folder / "b.jsonl.gz").write_bytes(b"")
    (folder / ".hidden.txt").write_text(ARTICLES[1], encoding="utf-8")
    (tmp_path / "c.md").write_text(ARTICLES[2], encoding="utf-8")
    units, failures = sd.plan([str(folder), str(tmp_path / "c.md"), str(tmp_path / "nothing-*.txt")], "jsonl",
                              Names(("*.txt", "*.jsonl.gz")))
    assert [(u.name, u.kind, u.output) for u in units] == [
        (str(folder / "b.jsonl.gz"), "dataset", "b.jsonl"),
        (str(folder / "world" / "a.txt"), "text", "world/a.jsonl"),
        (str(tmp_path / "c.md"), "text", "c.jsonl"),
    ]
    assert failures == {str(tmp_path / "nothing-*.txt"): "no such file or folder, and nothing matches"}


def test_two_inputs_writing_one_output_fail_the_second(tmp_path):
    for name in ("a.txt", "a.md"):
        (tmp_path / name).write_text(ARTICLES[0], encoding="utf-8")
    units, failures = sd.plan([str(tmp_path / "a.txt"), str(tmp_path / "a.md")], "plain")
    assert [u.output for u in units] == ["a.txt"]
    assert failures == {str(tmp_path / "a.md"): f"its summary would overwrite the one of {tmp_path / 'a.txt'} in a.txt"}


def test_without_the_extra_the_option_says_which_to_install(monkeypatch):
    import importlib.util

    from summarize.errors import MissingExtraError

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "s3fs" else real(name, *a))
    with pytest.raises(MissingExtraError, match=r"reading and writing s3:// needs the s3 extra \(pip install 'summarize\[s3\]'\)"):
        sd.check_extras(["s3://bucket/a.jsonl"], "out", "jsonl")
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    with pytest.raises(MissingExtraError, match=r"needs the dask extra \(pip install 'summarize\[dask\]'\)"):
        sd.check_extras(["a.jsonl"], "out", "jsonl")


# --- the command, in a subprocess with its own local:2 cluster ---------------------------------------


def test_the_command_starts_a_local_cluster_and_says_only_what_it_should(inputs, tmp_path):
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "summarize", "--scheduler", "local:2", "-f", "jsonl", "-o", str(out), *map(str, paths(inputs))],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert lines[0].startswith("Dask dashboard: http://127.0.0.1:")
    assert lines[1:-1] == [
        f"Error: {inputs / 'c.jsonl'}:4: not valid JSON (Expecting value: line 1 column 1 (char 0))",
        f"Error: {inputs / 'c.jsonl'}:5: not a JSON object; each line must be one {{\"text\": ...}} object",
        f"Error: {inputs / 'c.jsonl'}:6: no \"text\" field; the record's field is \"id\" (choose the field with --text-field)",
        f"Error: {inputs / 'c.jsonl'}:7: no text to summarize (the input is empty or only whitespace)",
    ]
    assert lines[-1].startswith("12 summarized, 4 failed, 0 skipped in ")
    assert listing(out) == ["_SUCCESS", "_manifest.json", "a.jsonl", "b.jsonl", "c.jsonl", "story.jsonl"]
    assert (out / "a.jsonl").read_text(encoding="utf-8") == single_machine([inputs / "a.jsonl"])


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="finds the worker by its open files in /proc")
def test_ctrl_c_cancels_leaves_no_partial_file_and_exits_130(tmp_path):
    fifo = tmp_path / "stuck.jsonl"  # a worker waits on it for ever
    os.mkfifo(fifo)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "summarize", "--scheduler", "local:2", "-f", "jsonl", "-o", str(out), str(fifo)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    pipe = -1
    try:
        first = proc.stderr.readline()  # the dashboard link: the cluster is up
        pipe = _open_fifo(fifo, 30)  # a worker is reading it, and waits for more
        _reader_of(fifo)
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C in a terminal: the whole process group
        stdout, rest = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        if pipe >= 0:
            os.close(pipe)
    lines = (first + rest).splitlines()
    assert proc.returncode == 130, rest
    assert stdout == ""
    assert lines[0].startswith("Dask dashboard: ")
    assert lines[1].startswith("0 summarized, 0 failed, 0 skipped in ")
    assert lines[2:] == ["Interrupted."]
    assert listing(out) == ["_manifest.json"]  # nothing half-written, no _SUCCESS
    run = json.loads((out / "_manifest.json").read_bytes())["runs"][-1]
    assert run["interrupted"] is True and run["done"] == 0
    time.sleep(0.5)
    assert not [pid for pid in map(int, filter(str.isdigit, os.listdir("/proc"))) if _holds(pid, fifo)]
