#!/usr/bin/env python3
"""Speed benchmark: start-up, one article, in-process throughput, NLTK's import cost, stages.

    python benchmarks/speed.py [--runs 10] [--rounds 5] [--limit 700] [--no-envs]

Prints, from one run, a table with the raw medians and every figure of
issue 8 as a ratio beside its target (1-3), then a table of where the time
goes (4):

1. start-up, median of ``--runs`` each: ``python -c pass``, ``python -c
   "import nltk"``, ``summarize --help``, ``summarize --version`` and
   ``summarize samples/libya-haftar-rome-paris.txt > /dev/null`` (the
   console script beside this Python, else ``python -m summarize``);
   target: the last at most 0.1 s above ``import nltk``.
2. in-process throughput on articles the process has not seen before
   (``../shared/eval/dev.jsonl``; the samples, with a note, when it is
   absent): each of ``--rounds`` fresh processes warms up on one line of
   text (data files, lazy imports), then runs ``summarize(text,
   sentences=3)`` and ``split_sentences(text)`` over all the texts, the order
   alternating between rounds.  A fresh process per round means no cache
   (the stem cache in ``summarize.terms``) holds anything from a previous
   pass.  Medians of the rounds; target: ``summarize()`` at least 50% of the
   splitter's MB/s.
3. unless ``--no-envs``, throwaway virtualenvs under ``--envs-dir`` (default
   ``benchmarks/.envs/``; made once, then reused; need PyPI, skipped with a
   note when they cannot be made):
   (a) summa's TextRank (``summarize(text, words=70)``) on the same texts,
   in an environment of its own (it pulls in scipy), one fresh process;
   target: ours at least 5x its MB/s;
   (b) ``import nltk`` in a clean environment (nltk, click, rich) and in one
   with numpy and scipy as well, and ``summarize`` on the sample in each
   (this checkout on ``PYTHONPATH``), also with ``SUMMARIZE_FULL_NLTK=1``:
   what the run would cost importing all of NLTK.
4. where ``summarize()``'s time goes beyond splitting: one more fresh
   process runs it over the texts with a clock around each stage (as
   ``summarize.core`` calls them: layout and splitting, words, boilerplate,
   content terms with the Porter stemming inside them, priors, term
   weights, scores, selection; the rest is building the result), then over
   the same texts again without clocks, caches warm: the difference is what
   meeting each word for the first time costs.  The clocks themselves cost
   a few percent (shown).

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
from typing import Dict, List, Optional, Sequence

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLE = ROOT / "samples" / "libya-haftar-rome-paris.txt"

# Both probes below start alike: the texts loaded, then one warm-up call
# (data files, lazy imports), so they time the same state of the process.
PROBE_START = """
import json, sys, time
import summarize
texts = json.load(open(sys.argv[1], encoding="utf-8"))
summarize.summarize("Warm-up. Data files and lazy imports load here.")
"""

# Run in a fresh interpreter: argv[1] is a JSON file of texts, argv[2] the
# order ("summarize-first" or "split-first"); prints {"summarize": MB/s,
# "split": MB/s}.
OURS_PROBE = PROBE_START + """
size = sum(len(t.encode("utf-8")) for t in texts)
def mb_s(fn):
    start = time.perf_counter()
    for t in texts:
        fn(t)
    return size / (time.perf_counter() - start) / 1e6
runs = {"summarize": lambda t: summarize.summarize(t, sentences=3), "split": summarize.split_sentences}
order = ["summarize", "split"] if sys.argv[2] == "summarize-first" else ["split", "summarize"]
print(json.dumps({name: mb_s(runs[name]) for name in order}))
"""

# Stage timing: argv[1] is the JSON file of texts; prints {stage: seconds,
# ..., "total": instrumented seconds, "again": seconds for a second pass, no
# clocks}.  Each stage is a function that summarize.core calls through a
# module attribute, so wrapping the attribute times every call.
STAGES_PROBE = PROBE_START + """
from summarize import core, scoring, selection, terms
clock = time.perf_counter
spent = {}
originals = []
def clocked(stage, inner):
    def run(*args, **kwargs):
        start = clock()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[stage] = spent.get(stage, 0.0) + clock() - start
    return run
def clocked_maker(stage, make):
    # A stage whose function makes the test each sentence is put to
    # (core.furniture_test): both the making and every test are timed.
    timed = clocked(stage, make)
    def run(*args, **kwargs):
        test = timed(*args, **kwargs)
        return None if test is None else clocked(stage, test)
    return run
stages = (
    (core, "body_sentences", "layout and sentence splitting"),
    (core, "sentence_words", "words of each sentence"),
    (core, "tokens_terms", "content terms"),
    (core, "content_terms", "content terms"),
    (scoring, "words_prior", "priors"),
    (scoring, "term_weights", "term weights"),
    (scoring, "score_sentences", "scores"),
    (selection, "select", "selection"),
)
for owner, name, stage in stages:
    originals.append((owner, name, getattr(owner, name)))
    setattr(owner, name, clocked(stage, getattr(owner, name)))
originals.append((core, "furniture_test", core.furniture_test))
core.furniture_test = clocked_maker("boilerplate", core.furniture_test)
english = terms.vocabulary("en")
stem = english.stem
english.stem = clocked("Porter stemming", stem)
def seconds_for_all():
    start = clock()
    for t in texts:
        summarize.summarize(t, sentences=3)
    return clock() - start
spent["total"] = seconds_for_all()
unseen = ({stage for _, _, stage in stages} | {"boilerplate"}) - spent.keys()
if unseen:  # summarize.core no longer calls it by that name: the table would be wrong
    sys.exit(f"stages never called: {sorted(unseen)}")
for owner, name, inner in originals:
    setattr(owner, name, inner)
english.stem = stem
spent["again"] = seconds_for_all()
print(json.dumps(spent))
"""

SUMMA_PROBE = """
import json, sys, time
from summa.summarizer import summarize
texts = json.load(open(sys.argv[1], encoding="utf-8"))
size = sum(len(t.encode("utf-8")) for t in texts)
start = time.perf_counter()
for t in texts:
    summarize(t, words=70)
print(json.dumps({"summa": size / (time.perf_counter() - start) / 1e6}))
"""


def median_seconds(command: Sequence[str], runs: int, env: Optional[Dict[str, str]] = None) -> float:
    """Median wall time of ``command`` over ``runs`` runs, output discarded."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def load_texts(limit: int) -> tuple:
    """(texts, where they came from): dev articles, or the samples without ../shared."""
    data = SHARED / "eval" / "dev.jsonl"
    if data.exists():
        with data.open(encoding="utf-8") as handle:
            texts = [json.loads(line)["text"] for _, line in zip(range(limit), handle)]
        return texts, f"{len(texts)} dev articles"
    print(f"note: {data} not found; throughput is measured on the samples", file=sys.stderr)
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    return texts, f"{len(texts)} samples (no ../shared)"


def probe(python: str, code: str, texts_file: str, *args: str, env: Optional[Dict[str, str]] = None) -> dict:
    """Run ``code`` in a fresh ``python`` on the texts; return the JSON it prints."""
    out = subprocess.run([python, "-c", code, texts_file, *args], capture_output=True, text=True,
                         check=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def make_env(envs: Path, name: str, packages: Sequence[str]) -> Optional[Path]:
    """A cached virtualenv with ``packages``; None (with a note) if it cannot be made."""
    python = envs / name / "bin" / "python"
    if python.exists():
        return python
    print(f"note: creating {envs / name} ({' '.join(packages)}) ...", file=sys.stderr)
    try:
        subprocess.run([sys.executable, "-m", "venv", str(envs / name)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *packages], check=True,
                       stdout=subprocess.DEVNULL)
    except subprocess.CalledProcessError as exc:
        print(f"note: could not build {name}: {exc}; skipping it", file=sys.stderr)
        return None
    return python


def summarize_command(python: str) -> List[str]:
    """The console script installed beside ``python``, else ``python -m summarize``."""
    script = Path(python).parent / "summarize"
    return [str(script)] if script.exists() else [python, "-m", "summarize"]


def row(label: str, value: str, note: str = "") -> None:
    print(f"| {label} | {value} | {note} |", flush=True)


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="runs per start-up median (default 10)")
    parser.add_argument("--rounds", type=int, default=5, help="fresh processes for throughput (default 5)")
    parser.add_argument("--limit", type=int, default=700, help="articles for throughput (default 700)")
    parser.add_argument("--no-envs", dest="envs", action="store_false",
                        help="skip the summa, clean and numpy/scipy environments")
    parser.add_argument("--envs-dir", type=Path, default=ROOT / "benchmarks" / ".envs",
                        help="where the throwaway environments live (default benchmarks/.envs)")
    args = parser.parse_args()

    py = sys.executable
    ours = summarize_command(py)
    median = f"median of {args.runs}"
    print("| measure | median | ratio, target |\n|---|---|---|")
    bare = median_seconds([py, "-c", "pass"], args.runs)
    nltk_s = median_seconds([py, "-c", "import nltk"], args.runs)
    help_s = median_seconds([*ours, "--help"], args.runs)
    version_s = median_seconds([*ours, "--version"], args.runs)
    one_s = median_seconds([*ours, str(SAMPLE)], args.runs)
    row("`python -c pass`", f"{bare:.3f} s", median)
    row('`python -c "import nltk"`', f"{nltk_s:.3f} s", median)
    row("`summarize --help`", f"{help_s:.3f} s", f"{help_s - bare:+.3f} s over bare Python")
    row("`summarize --version`", f"{version_s:.3f} s", f"{version_s - bare:+.3f} s over bare Python")
    row("`summarize` sample article", f"{one_s:.3f} s",
        f"{one_s - nltk_s:+.3f} s vs import nltk (target <= +0.100: {verdict(one_s - nltk_s <= 0.1)})")

    texts, source = load_texts(args.limit)
    env = dict(os.environ)  # the probes import the package installed in this environment
    with tempfile.TemporaryDirectory() as tmp:
        texts_file = os.path.join(tmp, "texts.json")
        with open(texts_file, "w", encoding="utf-8") as handle:
            json.dump(texts, handle)
        rounds = [probe(py, OURS_PROBE, texts_file, "summarize-first" if r % 2 == 0 else "split-first", env=env)
                  for r in range(args.rounds)]
        ours_mb = statistics.median(r["summarize"] for r in rounds)
        split_mb = statistics.median(r["split"] for r in rounds)
        size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        rounds_note = f"median of {args.rounds} fresh processes"
        row(f"`summarize()` in-process, {source}", f"{ours_mb:.2f} MB/s",
            f"{len(texts) / (size_mb / ours_mb):.0f} articles/s; {rounds_note}")
        row("`split_sentences()` alone, same texts", f"{split_mb:.2f} MB/s",
            f"summarize() = {ours_mb / split_mb:.1%} of it (target >= 50%: {verdict(ours_mb >= 0.5 * split_mb)})")
        stages = probe(py, STAGES_PROBE, texts_file, env=env)
        if args.envs:
            summa_py = make_env(args.envs_dir, "summa", ["summa"])
            if summa_py is None:
                row("summa TextRank", "skipped", "its environment could not be made")
            else:
                summa_mb = probe(str(summa_py), SUMMA_PROBE, texts_file)["summa"]
                row("summa TextRank in-process (own env)", f"{summa_mb:.2f} MB/s",
                    f"{len(texts) / (size_mb / summa_mb):.0f} articles/s; ours = {ours_mb / summa_mb:.1f}x "
                    f"(target >= 5x: {verdict(ours_mb >= 5 * summa_mb)})")

    if args.envs:
        # The throwaway environments hold NLTK's dependencies only: this
        # checkout reaches them on PYTHONPATH (a cached environment would keep
        # a stale installed copy).
        import_costs(args, {**env, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))})
    print_stages(stages, split_seconds=size_mb / split_mb, summarize_seconds=size_mb / ours_mb, source=source)
    return 0


def import_costs(args: argparse.Namespace, env: Dict[str, str]) -> None:
    """``import nltk`` and ``summarize`` on the sample in a clean environment and in one with numpy+scipy."""
    median = f"median of {args.runs}"
    base = ["nltk", "click", "rich"]
    for name, label, packages in (("nltk-clean", "clean env", base),
                                  ("nltk-scipy", "env with numpy+scipy", [*base, "numpy", "scipy"])):
        python = make_env(args.envs_dir, name, packages)
        if python is None:
            row(f"{label}", "skipped", "its environment could not be made")
            continue
        env_nltk = median_seconds([str(python), "-c", "import nltk"], args.runs)
        env_one = median_seconds([str(python), "-m", "summarize", str(SAMPLE)], args.runs, env=env)
        env_full = median_seconds([str(python), "-m", "summarize", str(SAMPLE)], args.runs,
                                  env={**env, "SUMMARIZE_FULL_NLTK": "1"})
        row(f'`python -c "import nltk"`, {label}', f"{env_nltk:.3f} s", median)
        row(f"`python -m summarize` sample article, {label}", f"{env_one:.3f} s",
            f"{env_one - env_nltk:+.3f} s vs import nltk there")
        row(f"same with `SUMMARIZE_FULL_NLTK=1`, {label}", f"{env_full:.3f} s",
            f"{env_full - env_one:+.3f} s: what importing all of NLTK would cost")


def print_stages(stages: Dict[str, float], split_seconds: float, summarize_seconds: float, source: str) -> None:
    """The second table: where ``summarize()``'s time goes (see the module docstring, 4)."""
    total, again = stages.pop("total"), stages.pop("again")
    stemming = stages.get("Porter stemming", 0.0)
    print(f"\nWhere `summarize()`'s time goes, {source}, one fresh process with a clock per stage:\n")
    print("| stage | seconds | share |\n|---|---|---|")
    for stage, seconds in sorted(stages.items(), key=lambda item: -item[1]):
        if stage == "content terms":
            note = f"{seconds / total:.1%}; of it Porter stemming {stemming:.3f} s (below)"
        elif stage == "Porter stemming":
            note = "each new word once (inside content terms)"
        else:
            note = f"{seconds / total:.1%}"
        row(stage, f"{seconds:.3f} s", note)
    rest = total - sum(seconds for stage, seconds in stages.items() if stage != "Porter stemming")
    row("the rest (the loop over sentences, the Summary)", f"{rest:.3f} s", f"{rest / total:.1%}")
    row("total, clocked", f"{total:.3f} s", f"unclocked median {summarize_seconds:.3f} s (the clocks cost the difference)")
    row("same texts again, caches warm", f"{again:.3f} s", f"first sight of each word costs {summarize_seconds - again:+.3f} s")
    row("`split_sentences()` alone, same texts", f"{split_seconds:.3f} s",
        f"the 50% target allows {2 * split_seconds:.3f} s for summarize(), "
        f"{split_seconds:.3f} s beyond splitting; it takes {summarize_seconds - split_seconds:.3f} s beyond")


if __name__ == "__main__":
    sys.exit(main())
