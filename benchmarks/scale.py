#!/usr/bin/env python3
"""Scale benchmark: one big article at 1, 10 and 50 MB.

    python benchmarks/scale.py [--sizes 1 10 50]

Builds each article from the project's samples (sentences shuffled and
numbered so no two paragraphs are the same), runs ``python -m summarize`` on
it once, and prints wall time, time per MB and peak memory (the child's
maximum resident set).  Targets: time per MB at the largest size within 1.5x
of that at the smallest; peak memory under 30x the input size.

The run on a one-sentence article comes first: the interpreter, click and
NLTK's modules, a fixed cost that dominates at 1 MB.  "growth / input" is
the peak minus that baseline over the input size: what each MB really costs.
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_article(path: Path, megabytes: float, seed: int = 7) -> int:
    """Write an article of about ``megabytes`` MB to ``path``; return its size in bytes."""
    from summarize import split_sentences

    sentences = [s for p in sorted((ROOT / "samples").glob("*.txt"))
                 for s in split_sentences(p.read_text(encoding="utf-8"))]
    rng = random.Random(seed)
    target = int(megabytes * 1_000_000)
    written = 0
    paragraph = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write("A Very Long Article\n\n")
        while written < target:
            chosen = rng.sample(sentences, 4)
            text = f"Part {paragraph}: " + " ".join(chosen) + "\n\n"
            handle.write(text)
            written += len(text.encode("utf-8"))
            paragraph += 1
    return path.stat().st_size


def run_once(path: Path) -> tuple:
    """(seconds, peak RSS in bytes) of one ``summarize`` run on ``path``."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "summarize", str(path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"summarize failed on {path}")
    return seconds, usage.ru_maxrss * 1024  # ru_maxrss is in KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 50], help="sizes in MB")
    args = parser.parse_args()
    per_mb, ratios = [], []
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("One sentence is all there is.\n", encoding="utf-8")
        base_seconds, base_rss = run_once(tiny)
        print(f"baseline (one sentence): {base_seconds:.2f} s, peak RSS {base_rss / 1e6:.0f} MB\n")
        print("| input | time | s per MB | peak RSS | RSS / input | growth / input |\n|---|---|---|---|---|---|")
        for size in args.sizes:
            path = Path(tmp) / f"article-{size:g}mb.txt"
            nbytes = build_article(path, size)
            seconds, rss = run_once(path)
            per_mb.append(seconds / (nbytes / 1e6))
            ratios.append(rss / nbytes)
            print(f"| {nbytes / 1e6:.1f} MB | {seconds:.2f} s | {per_mb[-1]:.3f} | "
                  f"{rss / 1e6:.0f} MB | {ratios[-1]:.1f}x | {(rss - base_rss) / nbytes:.1f}x |")
            path.unlink()
    print(f"\ntime per MB, largest vs smallest: {per_mb[-1] / per_mb[0]:.2f}x (target <= 1.5x)")
    print(f"peak RSS / input, worst: {max(ratios):.1f}x at {args.sizes[ratios.index(max(ratios))]:g} MB (target < 30x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
