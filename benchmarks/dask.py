"""Runs on a Dask cluster against one machine: `-j 2` vs `--scheduler local:1` and `local:2`.

Builds, in a temporary directory (the data never enters the repository),
the 700 articles of ../shared/eval/dev.jsonl repeated to ``--records``
(7,000) as ``--files`` JSON Lines datasets (20), and the same records as
Parquet files of two row groups each (with pyarrow), then runs, one after
another within each repetition:

- ``summarize -j 2 -f jsonl -o OUT FILES`` (one machine, two workers);
- ``summarize --scheduler local:1`` and ``local:2`` on the same files;
- ``local:1`` and ``local:2`` on the Parquet files, ``-f parquet``.

For each: wall seconds, the cluster's start-up (from the run's
``_manifest.json``) and the wall seconds without it, records per second
without it, CPU seconds of every process of the command's tree, and the
peak of the tree's summed RSS and PSS (sampled every 50 ms with psutil and
/proc/PID/smaps_rollup).  The ratios (``local:2`` over ``-j 2``, wall
without start-up and CPU) are taken within each repetition, so both sides
of a ratio saw the same load; the table shows the median repetition.  The
JSON Lines outputs of local:2 are checked byte for byte against -j 2's.

    python benchmarks/dask.py [--repeat 3] [--records 7000] [--files 20]

Needs the dask and parquet extras (pip install '.[dask,parquet]').
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"


def build(folder: Path, records: int, files: int) -> Dict[str, List[str]]:
    """The dev set repeated to ``records`` lines over ``files`` datasets (and Parquet files)."""
    lines = [line for line in DEV.read_bytes().splitlines(keepends=True) if line.strip()]
    repeated = [lines[n % len(lines)] for n in range(records)]
    per_file = -(-records // files)
    jsonl, parquet = folder / "jsonl", folder / "parquet"
    jsonl.mkdir()
    made: Dict[str, List[str]] = {"jsonl": [], "parquet": []}
    for number in range(files):
        chunk = repeated[number * per_file : (number + 1) * per_file]
        if not chunk:
            break
        path = jsonl / f"part-{number:03d}.jsonl"
        path.write_bytes(b"".join(chunk))
        made["jsonl"].append(str(path))
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        return made
    parquet.mkdir()
    for path in made["jsonl"]:
        rows = [json.loads(line) for line in Path(path).read_bytes().splitlines()]
        table = pa.Table.from_pylist([{"id": str(r.get("id")), "text": r["text"]} for r in rows])
        target = parquet / (Path(path).stem + ".parquet")
        pq.write_table(table, target, row_group_size=-(-len(rows) // 2))
        made["parquet"].append(str(target))
    return made


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(command: List[str]) -> Dict[str, float]:
    """Wall seconds, CPU seconds and peak RSS/PSS (MB) of ``command``'s process tree."""
    import psutil

    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    top = psutil.Process(proc.pid)
    cpu: Dict[int, float] = {}
    peak_rss = peak_pss = 0
    while proc.poll() is None:
        rss = pss = 0
        try:
            tree = [top, *top.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for process in tree:
            try:
                rss += process.memory_info().rss
                pss += _pss_kb(process.pid) * 1024
                times = process.cpu_times()
                cpu[process.pid] = times.user + times.system
            except psutil.NoSuchProcess:
                pass
        peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.05)
    stderr = proc.stderr.read() if proc.stderr else ""
    proc.wait()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {proc.returncode}:\n{stderr}")
    return {
        "seconds": time.perf_counter() - started,
        "cpu": sum(cpu.values()),
        "rss_mb": peak_rss / 2**20,
        "pss_mb": peak_pss / 2**20,
    }


def startup(out: Path) -> float:
    manifest = out / "_manifest.json"
    if not manifest.exists():
        return 0.0
    run = json.loads(manifest.read_bytes())["runs"][-1]
    return float(run.get("startup_seconds", 0.0))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="repetitions (default 3); the median is shown")
    parser.add_argument("--records", type=int, default=7000, help="records in all (default 7000)")
    parser.add_argument("--files", type=int, default=20, help="datasets to spread them over (default 20)")
    args = parser.parse_args()

    summarize = [sys.executable, "-m", "summarize"]
    with tempfile.TemporaryDirectory(prefix="summarize-dask-bench-") as temp:
        folder = Path(temp)
        data = build(folder, args.records, args.files)
        configs = [
            ("-j 2, JSON Lines", [*summarize, "-j", "2", "-f", "jsonl"], data["jsonl"]),
            ("local:1, JSON Lines", [*summarize, "--scheduler", "local:1", "-f", "jsonl"], data["jsonl"]),
            ("local:2, JSON Lines", [*summarize, "--scheduler", "local:2", "-f", "jsonl"], data["jsonl"]),
        ]
        if data["parquet"]:
            configs += [
                ("local:1, Parquet", [*summarize, "--scheduler", "local:1", "-f", "parquet"], data["parquet"]),
                ("local:2, Parquet", [*summarize, "--scheduler", "local:2", "-f", "parquet"], data["parquet"]),
            ]
        print(f"{args.records:,} records in {len(data['jsonl'])} files; load average {os.getloadavg()[0]:.1f}; "
              f"{os.cpu_count()} CPUs", flush=True)
        results: Dict[str, List[Dict[str, float]]] = {name: [] for name, _, _ in configs}
        identical: Optional[bool] = None
        for rep in range(args.repeat):
            for index, (name, command, inputs) in enumerate(configs):
                out = folder / f"out-{rep}-{index}"
                figures = measure([*command, "-o", str(out), *inputs])
                figures["startup"] = startup(out)
                figures["work"] = figures["seconds"] - figures["startup"]
                results[name].append(figures)
                print(f"rep {rep}  {name:22} wall {figures['seconds']:6.2f} s  start-up {figures['startup']:5.2f} s  "
                      f"cpu {figures['cpu']:6.1f} s  rss {figures['rss_mb']:5.0f} MB  pss {figures['pss_mb']:5.0f} MB", flush=True)
            if identical is None:
                names = [Path(p).name for p in data["jsonl"]]
                _, mismatch, errors = filecmp.cmpfiles(folder / f"out-{rep}-0", folder / f"out-{rep}-2", names, shallow=False)
                identical = not mismatch and not errors
            for index in range(len(configs)):
                shutil.rmtree(folder / f"out-{rep}-{index}", ignore_errors=True)
        print(f"\nload average after: {os.getloadavg()[0]:.1f}\n")
        print("| run | wall s | start-up s | wall − start-up s | records/s (− start-up) | CPU s | peak RSS (tree) | peak PSS (tree) |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for name, runs in results.items():
            median = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            rate = args.records / median["work"] if median["work"] else 0
            print(f"| {name} | {median['seconds']:.2f} | {median['startup']:.2f} | {median['work']:.2f} | {rate:,.0f} | "
                  f"{median['cpu']:.1f} | {median['rss_mb']:.0f} MB | {median['pss_mb']:.0f} MB |")
        base = results["-j 2, JSON Lines"]
        print("\nratios to -j 2 within each repetition (wall − start-up; CPU):")
        for name, runs in results.items():
            if name.startswith("-j"):
                continue
            walls = [run["work"] / ref["seconds"] for run, ref in zip(runs, base)]
            cpus = [run["cpu"] / ref["cpu"] for run, ref in zip(runs, base)]
            print(f"  {name:22} wall {', '.join(f'{w:.2f}' for w in walls)} (median {statistics.median(walls):.2f})   "
                  f"CPU {', '.join(f'{c:.2f}' for c in cpus)} (median {statistics.median(cpus):.2f})")
        print(f"\nlocal:2 JSON Lines outputs byte-identical to -j 2's: {identical}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
