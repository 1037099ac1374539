#!/usr/bin/env python3
"""Scale benchmark: one big article at 1, 10 and 50 MB, then adversarial shapes.

    python benchmarks/scale.py [--sizes 1 10 50]
    python benchmarks/scale.py --shapes all --shape-sizes 1 10 [--timeout 600]
    python benchmarks/scale.py --sizes --shapes short-lines initials   # shapes only

Builds each article from the project's samples (sentences shuffled and
numbered so no two paragraphs are the same), runs ``python -m summarize`` on
it once, and prints wall time, time per MB and peak memory (the child's
maximum resident set).  Targets: time per MB at the largest size within 1.5x
of that at the smallest; peak memory under 30x the input size.

The run on a one-sentence article comes first: the interpreter, click and
NLTK's modules, a fixed cost that dominates at 1 MB.  "growth / input" is
the peak minus that baseline over the input size: what each MB really costs.

The shapes (issue 16) are inputs whose cost once grew faster than their
size, each at 1 and 10 MB: ``short-lines`` ("Ab" a line: one sentence per 3
bytes), ``huge-sentence`` (words without an end mark: one sentence),
``initials`` ("A. B. C. D. " in one paragraph), ``titles`` ("Mr. Dr. St. "),
and long summaries of distinct sentences (made-up words, four to a
paragraph): ``ratio-0.2`` and ``ratio-1``.  A run that
fails or passes ``--timeout`` is reported as such, not retried.
"""
from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[1]


def _sample_sentences() -> List[str]:
    from summarize import split_sentences

    return [s for p in sorted((ROOT / "samples").glob("*.txt")) for s in split_sentences(p.read_text(encoding="utf-8"))]


def build_article(path: Path, megabytes: float, seed: int = 7) -> int:
    """Write an article of about ``megabytes`` MB to ``path``; return its size in bytes."""
    sentences = _sample_sentences()
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


def _repeated(unit: str) -> Callable[[Path, float], int]:
    def build(path: Path, megabytes: float) -> int:
        target = int(megabytes * 1_000_000)
        path.write_text(unit * (target // len(unit)), encoding="utf-8")
        return path.stat().st_size

    return build


def _huge_sentence(path: Path, megabytes: float) -> int:
    words = [w.strip(".,;:!?\"'()") for s in _sample_sentences() for w in s.split()]
    words = [w for w in words if w]
    rng = random.Random(3)
    target = int(megabytes * 1_000_000)
    with path.open("w", encoding="utf-8") as handle:
        written = 0
        while written < target:
            chunk = " ".join(rng.sample(words, 50)) + " "
            handle.write(chunk)
            written += len(chunk.encode("utf-8"))
    return path.stat().st_size


def _distinct_sentences(path: Path, megabytes: float) -> int:
    """Sentences of eight made-up words each, no two alike (the articles of
    ``build_article`` repeat a few hundred sample sentences, which redundancy
    control drops: a long summary of them stays short)."""
    vocabulary = [a + b + c for a in "bcdfg" for b in "aeiou" for c in "klmnprst"]
    rng = random.Random(0)
    target = int(megabytes * 1_000_000)
    with path.open("w", encoding="utf-8") as handle:
        written = 0
        while written < target:
            text = " ".join("Sentence " + " ".join(rng.sample(vocabulary, 8)) + "." for _ in range(4)) + "\n\n"
            handle.write(text)
            written += len(text)
    return path.stat().st_size


# name -> (how to build the input, extra options)
SHAPES: Dict[str, Tuple[Callable[[Path, float], int], List[str]]] = {
    "short-lines": (_repeated("Ab\n"), []),
    "huge-sentence": (_huge_sentence, []),
    "initials": (_repeated("A. B. C. D. "), []),
    "titles": (_repeated("Mr. Dr. St. "), []),
    "ratio-0.2": (_distinct_sentences, ["-r", "0.2"]),
    "ratio-1": (_distinct_sentences, ["-r", "1"]),
}


# Starts the command and prints its exit status and peak resident set.  A
# child's ru_maxrss counts the memory of the process it was spawned from
# (the kernel records the old image's peak at exec), and this script has
# loaded the splitter to build the articles: a small fresh interpreter
# starts each run instead, so no run inherits this one's size.
_REPORTER = """
import resource, subprocess, sys
status = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run_once(path: Path, options: Optional[List[str]] = None, timeout: Optional[float] = None) -> tuple:
    """(seconds, peak RSS in bytes, exit status) of one ``summarize`` run on
    ``path``; the status is None when it was stopped after ``timeout`` seconds
    (the peak is then unknown: 0)."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _REPORTER, sys.executable, "-m", "summarize", *(options or []), str(path)],
                            stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return time.perf_counter() - start, 0, None
    seconds = time.perf_counter() - start
    status, kib = out.split()
    return seconds, int(kib) * 1024, int(status)  # ru_maxrss is in KiB on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="*", default=[1, 10, 50], help="sizes of the prose article in MB (none: skip it)")
    parser.add_argument("--shapes", nargs="*", default=[], metavar="SHAPE",
                        help=f"adversarial shapes to run ({', '.join(SHAPES)}, or all)")
    parser.add_argument("--shape-sizes", type=float, nargs="+", default=[1, 10], help="sizes of each shape in MB")
    parser.add_argument("--timeout", type=float, default=600, help="seconds before a run is stopped")
    args = parser.parse_args()
    shapes = list(SHAPES) if args.shapes == ["all"] else args.shapes
    unknown = set(shapes) - set(SHAPES)
    if unknown:
        parser.error(f"unknown shapes: {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text("One sentence is all there is.\n", encoding="utf-8")
        base_seconds, base_rss, _ = run_once(tiny)
        print(f"baseline (one sentence): {base_seconds:.2f} s, peak RSS {base_rss / 1e6:.0f} MB\n")
        if args.sizes:
            per_mb, ratios = [], []
            print("| input | time | s per MB | peak RSS | RSS / input | growth / input |\n|---|---|---|---|---|---|")
            for size in args.sizes:
                path = Path(tmp) / f"article-{size:g}mb.txt"
                nbytes = build_article(path, size)
                seconds, rss, code = run_once(path, timeout=args.timeout)
                if code != 0:
                    raise SystemExit(f"summarize failed on {path}")
                per_mb.append(seconds / (nbytes / 1e6))
                ratios.append(rss / nbytes)
                print(f"| {nbytes / 1e6:.1f} MB | {seconds:.2f} s | {per_mb[-1]:.3f} | "
                      f"{rss / 1e6:.0f} MB | {ratios[-1]:.1f}x | {(rss - base_rss) / nbytes:.1f}x |")
                path.unlink()
            print(f"\ntime per MB, largest vs smallest: {per_mb[-1] / per_mb[0]:.2f}x (target <= 1.5x)")
            print(f"peak RSS / input, worst: {max(ratios):.1f}x at {args.sizes[ratios.index(max(ratios))]:g} MB (target < 30x)\n")
        if shapes:
            print("| shape | options | input | time | s per MB | peak RSS | growth / input | result |\n|---|---|---|---|---|---|---|---|")
            for name in shapes:
                build, options = SHAPES[name]
                for size in args.shape_sizes:
                    path = Path(tmp) / f"{name}-{size:g}mb.txt"
                    nbytes = build(path, size)
                    seconds, rss, code = run_once(path, options, timeout=args.timeout)
                    result = "ok" if code == 0 else (f"stopped after {args.timeout:g} s" if code is None else f"exit {code}")
                    memory = f"{rss / 1e6:.0f} MB | {(rss - base_rss) / nbytes:.1f}x" if rss else "? | ?"
                    print(f"| {name} | {' '.join(options) or '-'} | {nbytes / 1e6:.1f} MB | {seconds:.2f} s | "
                          f"{seconds / (nbytes / 1e6):.3f} | {memory} | {result} |", flush=True)
                    path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
