#!/usr/bin/env python3
"""Speed benchmark: start-up, one article, in-process throughput, NLTK's import cost.

    python benchmarks/speed.py [--runs 10] [--limit 700] [--no-envs]

Prints, from one run:
1. start-up medians (``--runs`` each): ``python -c pass``, ``python -c "import
   nltk"``, ``summarize --help``, ``summarize --version`` and ``summarize
   samples/libya-haftar-rome-paris.txt > /dev/null``; target: the last at most
   0.1 s above ``import nltk``.
2. in-process throughput on articles the process has not seen before
   (``../shared/eval/dev.jsonl``, or the samples when it is absent):
   ``summarize()`` runs first on every article, then ``split_sentences()``
   alone on the same texts, so no cache of the first pass can help the
   second; target: ``summarize()`` at least 50% of the splitter's MB/s.
3. with ``--envs`` (default): throwaway virtualenvs under
   ``benchmarks/.envs/`` (made once, then reused; needs PyPI) for
   (a) summa's TextRank on the same texts, in an environment of its own
   (it pulls in scipy); target: ours at least 5x its MB/s;
   (b) ``import nltk`` in a clean environment and in one with numpy and
   scipy, beside ``summarize`` start-up in that second environment.

The machine's load matters: run it on a quiet machine and read medians.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, List, Sequence

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "samples" / "libya-haftar-rome-paris.txt"
ENVS = ROOT / "benchmarks" / ".envs"


def median_seconds(command: Sequence[str], runs: int, env: dict | None = None) -> float:
    """Median wall time of ``command`` over ``runs`` runs, stdout discarded."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def load_texts(limit: int) -> List[str]:
    data = SHARED / "eval" / "dev.jsonl"
    if data.exists():
        with data.open(encoding="utf-8") as handle:
            return [json.loads(line)["text"] for _, line in zip(range(limit), handle)]
    print(f"note: {data} not found; using the samples", file=sys.stderr)
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]


def throughput(fn: Callable[[str], object], texts: Sequence[str]) -> float:
    """MB/s of ``fn`` over ``texts``, one call each."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    start = time.perf_counter()
    for text in texts:
        fn(text)
    return size / (time.perf_counter() - start) / 1e6


def make_env(name: str, packages: Sequence[str]) -> Path | None:
    """A cached virtualenv with ``packages``; None (with a note) if it cannot be made."""
    python = ENVS / name / "bin" / "python"
    if python.exists():
        return python
    print(f"note: creating benchmarks/.envs/{name} ({' '.join(packages)}) ...", file=sys.stderr)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(ENVS / name)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *packages], check=True,
                       stdout=subprocess.DEVNULL)
    except subprocess.CalledProcessError as exc:
        print(f"note: could not build {name}: {exc}; skipping it", file=sys.stderr)
        return None
    return python


SUMMA_PROBE = """
import json, sys, time
from summa.summarizer import summarize
texts = json.load(open(sys.argv[1], encoding="utf-8"))
size = sum(len(t.encode("utf-8")) for t in texts)
start = time.perf_counter()
for t in texts:
    summarize(t, words=70)
print(size / (time.perf_counter() - start) / 1e6)
"""


def summa_mb_s(texts: Sequence[str]) -> float | None:
    python = make_env("summa", ["summa"])
    if python is None:
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(list(texts), handle)
    try:
        out = subprocess.run([str(python), "-c", SUMMA_PROBE, handle.name], capture_output=True, text=True, check=True)
    finally:
        os.unlink(handle.name)
    return float(out.stdout.strip())


def row(label: str, value: str, note: str = "") -> None:
    print(f"| {label} | {value} | {note} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs per start-up median (default 10)")
    parser.add_argument("--limit", type=int, default=700, help="articles for throughput (default 700)")
    parser.add_argument("--no-envs", dest="envs", action="store_false",
                        help="skip the summa and numpy/scipy environments")
    args = parser.parse_args()

    py = sys.executable
    script = [py, "-m", "summarize"]
    print("| measure | value | note |\n|---|---|---|")
    bare = median_seconds([py, "-c", "pass"], args.runs)
    nltk_s = median_seconds([py, "-c", "import nltk"], args.runs)
    help_s = median_seconds([*script, "--help"], args.runs)
    version_s = median_seconds([*script, "--version"], args.runs)
    one_s = median_seconds([*script, str(SAMPLE)], args.runs)
    row("python -c pass", f"{bare:.3f} s", f"median of {args.runs}")
    row('python -c "import nltk"', f"{nltk_s:.3f} s", f"median of {args.runs}")
    row("summarize --help", f"{help_s:.3f} s", f"{help_s - bare:+.3f} s over bare Python")
    row("summarize --version", f"{version_s:.3f} s", f"{version_s - bare:+.3f} s over bare Python")
    row("summarize sample article", f"{one_s:.3f} s",
        f"{one_s - nltk_s:+.3f} s vs import nltk (target <= +0.100)")

    sys.path.insert(0, str(ROOT))
    import summarize

    texts = load_texts(args.limit)
    summarize.summarize("Warm-up. Data files and lazy imports load here.")
    ours = throughput(lambda t: summarize.summarize(t, sentences=3), texts)
    split = throughput(summarize.split_sentences, texts)
    row(f"summarize() in-process, {len(texts)} articles", f"{ours:.2f} MB/s",
        f"{len(texts) / (sum(len(t.encode()) for t in texts) / 1e6 / ours):.0f} articles/s")
    row("split_sentences() alone", f"{split:.2f} MB/s",
        f"summarize() = {ours / split:.0%} of it (target >= 50%)")
    if args.envs:
        summa = summa_mb_s(texts)
        if summa is not None:
            row("summa TextRank in-process (own env)", f"{summa:.2f} MB/s",
                f"ours = {ours / summa:.1f}x (target >= 5x)")
        clean = make_env("nltk-clean", ["nltk"])
        sci = make_env("nltk-scipy", ["nltk", "numpy", "scipy", str(ROOT)])
        if clean is not None:
            row("import nltk, clean env", f"{median_seconds([str(clean), '-c', 'import nltk'], args.runs):.3f} s", "")
        if sci is not None:
            sci_nltk = median_seconds([str(sci), "-c", "import nltk"], args.runs)
            sci_one = median_seconds([str(sci), "-m", "summarize", str(SAMPLE)], args.runs)
            row("import nltk, env with numpy+scipy", f"{sci_nltk:.3f} s", "")
            row("summarize sample article, numpy+scipy env", f"{sci_one:.3f} s",
                f"{sci_one - sci_nltk:+.3f} s vs import nltk there")
    return 0


if __name__ == "__main__":
    sys.exit(main())
