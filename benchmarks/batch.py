"""Batch throughput: `summarize FOLDER` with --jobs 1 and 2, against OTS.

Builds a folder of one .txt file per article of ../shared/eval/dev.jsonl in
a temporary directory (the data never enters the repository), then times,
side by side:

- ``summarize --jobs 1 FOLDER`` and ``summarize --jobs 2 FOLDER`` (JSON Lines
  to /dev/null), articles per second and the peak resident memory of the
  largest process (the parent or one worker);
- the Open Text Summarizer (``ots``, ``apt-get install ots``) run once per
  file, as its users must, when it is installed.

Each figure is the best of ``--repeat`` runs: other programs sharing the
CPUs slow single runs down, and the best run is the least disturbed.  The
CPU seconds (all processes) show the cost of the workers themselves: when
the CPUs are busy with other work, --jobs 2 cannot be twice as fast, but its
CPU seconds stay close to those of --jobs 1.

    python benchmarks/batch.py [--repeat 3] [--limit 700]
    python benchmarks/batch.py --scale 100000   # many tiny files: rate and memory
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"

# Runs commands in a fresh process, so RUSAGE_CHILDREN covers them (and
# their workers) alone; prints {"seconds", "cpu_seconds", "max_rss_kb"}.
MEASURE = r"""
import json, resource, subprocess, sys, time
commands = json.loads(sys.argv[1])
start = time.perf_counter()
for command in commands:
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "max_rss_kb": usage.ru_maxrss}))
"""


def measure(commands: list) -> dict:
    """Seconds to run ``commands`` one after another, the CPU seconds they
    used (all processes), and the peak RSS (KiB) of the largest process."""
    out = subprocess.run([sys.executable, "-c", MEASURE, json.dumps(commands)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def best_of(repeat: int, commands: list) -> dict:
    runs = [measure(commands) for _ in range(repeat)]
    return {
        "seconds": min(r["seconds"] for r in runs),
        "cpu_seconds": min(r["cpu_seconds"] for r in runs),
        "all_seconds": [round(r["seconds"], 2) for r in runs],
        "max_rss_kb": max(r["max_rss_kb"] for r in runs),
    }


def build_folder(folder: Path, limit: int) -> int:
    count = 0
    with DEV.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if count >= limit:
                break
            (folder / f"{number:04d}.txt").write_text(json.loads(line)["text"], encoding="utf-8")
            count += 1
    return count


def summarize_command(folder: Path, jobs: int) -> list:
    return [sys.executable, "-m", "summarize", "--jobs", str(jobs), "--format", "jsonl", str(folder)]


def report(rows: list, articles: int) -> None:
    print(f"{'':24} {'articles/s':>10} {'seconds':>8} {'CPU s':>6} {'peak RSS':>9}   all runs (s)")
    for name, result in rows:
        rate = articles / result["seconds"]
        print(
            f"{name:24} {rate:10.1f} {result['seconds']:8.2f} {result['cpu_seconds']:6.2f} "
            f"{result['max_rss_kb'] / 1024:7.1f}MB   {result['all_seconds']}"
        )


def compare(args: argparse.Namespace) -> int:
    if not DEV.exists():
        print(f"skipped: {DEV} not found (the shared evaluation data sits next to the repository)")
        return 0
    with tempfile.TemporaryDirectory(prefix="summarize-bench-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        articles = build_folder(folder, args.limit)
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(f"{articles} articles from {DEV.name}, best of {args.repeat} runs; "
              f"{os.cpu_count()} CPUs, load average {load:.2f} before the runs\n")
        rows = [(f"summarize --jobs {jobs}", best_of(args.repeat, [summarize_command(folder, jobs)])) for jobs in (1, 2)]
        ots = shutil.which("ots")
        if ots:
            files = sorted(folder.iterdir())
            rows.append(("ots (one run per file)", best_of(args.repeat, [[ots, str(f)] for f in files])))
        report(rows, articles)
        if hasattr(os, "getloadavg"):
            print(f"\nload average after the runs: {os.getloadavg()[0]:.2f} (other work on the same CPUs slows every row)")
        one, two = rows[0][1]["seconds"], rows[1][1]["seconds"]
        print(f"\n--jobs 2 / --jobs 1: {one / two:.2f}x (target >= 1.7x)")
        if ots:
            print(f"--jobs 2 / ots:      {rows[2][1]['seconds'] / two:.2f}x (target >= 3x)")
        else:
            print("ots: not installed, skipped (apt-get install ots)")
    return 0


def scale(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="summarize-scale-") as tmp:
        folder = Path(tmp) / "many"
        for i in range(args.scale):
            sub = folder / f"{i // 1000:03d}"
            if i % 1000 == 0:
                sub.mkdir(parents=True)
            (sub / f"{i:06d}.txt").write_text(
                f"Item {i} was filed on a quiet day. The clerk read item {i} twice. Nobody objected to item {i}.\n"
            )
        print(f"{args.scale} small files in {args.scale // 1000 + 1} folders, one run each\n")
        rows = [(f"summarize --jobs {jobs}", best_of(1, [summarize_command(folder, jobs)])) for jobs in args.jobs]
        report(rows, args.scale)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is shown (default 3)")
    parser.add_argument("--limit", type=int, default=700, help="articles to use from dev.jsonl (default all 700)")
    parser.add_argument("--scale", type=int, help="instead: time this many tiny generated files")
    parser.add_argument("--jobs", type=int, nargs="+", default=[2], help="with --scale: the --jobs values to run")
    args = parser.parse_args()
    return scale(args) if args.scale else compare(args)


if __name__ == "__main__":
    sys.exit(main())
