#!/usr/bin/env python3
"""Summary quality on the shared dev set: ours beside Lead-N, ROUGE F1 with 95% CIs.

    python benchmarks/quality.py [--limit N] [--data PATH] [--sentences N]
                                 [--drop-first] [--set NAME=VALUE ...]

Both systems see the same sentences: Lead-N is the first N body sentences
of the project's own splitter after its title and dateline handling
(``summarize.core.body_sentences``), and ours is ``summarize(text,
sentences=N)``.  ROUGE-1/2/Lsum F1 x100 come from Google's ``rouge-score``
(Porter stemming; for Lsum one sentence per line: ours one per line, the
references one highlight per line), with 95% percentile-bootstrap intervals
(1000 resamples, fixed seed) and the paired difference ours - lead.
"words" is the mean summary length in whitespace-separated words.

``--drop-first`` removes each article's first body sentence (and what came
before it: title, dateline) and defaults to one sentence: copying the lead is
then no better than chance, so this is the proxy for collections where
position tells nothing.  ``--set`` overrides one field of
``summarize.scoring.Weights`` for an ablation (e.g. ``--set position=0``).

Needs ``rouge-score`` (``pip install -e .[dev]``) and the shared eval data
(default ``../shared/eval/dev.jsonl`` from the repo root); without either it
says so and exits 0.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import random
import sys
import time
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "dev.jsonl"
METRICS = ("rouge1", "rouge2", "rougeLsum")
LABELS = {"rouge1": "R1", "rouge2": "R2", "rougeLsum": "RLsum"}
RESAMPLES = 1000
SEED = 12345

sys.path.insert(0, str(ROOT))

from summarize import core, scoring, selection  # noqa: E402
from summarize.sentences import normalize_space  # noqa: E402


def load(path: Path, limit: int | None) -> List[dict]:
    """The first ``limit`` records (all without one) of a JSONL file with ``text`` and ``reference``."""
    records = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                records.append(json.loads(line))
                if limit is not None and len(records) >= limit:
                    break
    return records


def parse_overrides(pairs: Sequence[str]) -> scoring.Weights:
    """``["name=value", ...]`` → ``Weights`` with those fields replaced (values as floats)."""
    fields = {f.name for f in dataclasses.fields(scoring.Weights)}
    changes: Dict[str, float] = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        if name not in fields:
            sys.exit(f"--set: no weight named {name!r}; known: {', '.join(sorted(fields))}")
        changes[name] = float(value)
    return dataclasses.replace(scoring.DEFAULT_WEIGHTS, **changes)


def run(records: List[dict], count: int, drop_first: bool, weights: scoring.Weights):
    """Return ``(lead summaries, our summaries, seconds splitting, seconds summarizing)``.

    Each summary is a list of sentences.  Articles too short to summarize
    give empty summaries (scored 0 for both systems).
    """
    budget = selection.Budget.of(sentences=count)
    leads: List[List[str]] = []
    ours: List[List[str]] = []
    split_seconds = 0.0
    ours_seconds = 0.0
    for record in records:
        text = record["text"]
        t0 = time.perf_counter()
        try:
            _, spans = core.body_sentences(text)
            if drop_first:
                text = text[spans[1][0]:] if len(spans) > 1 else ""
                _, spans = core.body_sentences(text)
        except Exception:  # NoTextError, or nothing left after dropping
            leads.append([])
            ours.append([])
            continue
        split_seconds += time.perf_counter() - t0
        leads.append([normalize_space(text[s:e]) for s, e in spans[:count]])
        t0 = time.perf_counter()
        summary = core.summarize_with(text, budget, weights)
        ours_seconds += time.perf_counter() - t0
        ours.append([s.text for s in summary.sentences])
    return leads, ours, split_seconds, ours_seconds


def rouge(summaries: List[List[str]], records: List[dict]) -> Dict[str, List[float]]:
    """Per-article F1 x100 for each metric; an empty summary scores 0."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    out: Dict[str, List[float]] = {m: [] for m in METRICS}
    for summary, record in zip(summaries, records):
        if not summary:
            for m in METRICS:
                out[m].append(0.0)
            continue
        reference = "\n".join(line.strip() for line in record["reference"].split("\n") if line.strip())
        scores = scorer.score(reference, "\n".join(summary))
        for m in METRICS:
            out[m].append(100.0 * scores[m].fmeasure)
    return out


def _resamples(n: int) -> List[List[int]]:
    rng = random.Random(SEED)
    return [[rng.randrange(n) for _ in range(n)] for _ in range(RESAMPLES)]


def interval(values: Sequence[float], resamples: List[List[int]]) -> Tuple[float, float, float]:
    """``(mean, low, high)``: the mean and its 95% percentile-bootstrap interval."""
    n = len(values)
    means = sorted(sum(values[i] for i in idx) / n for idx in resamples)
    return sum(values) / n, means[int(0.025 * RESAMPLES)], means[int(0.975 * RESAMPLES) - 1]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL with text and reference")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--sentences", type=int, default=None, help="summary length (default 3; 1 with --drop-first)")
    parser.add_argument("--drop-first", action="store_true", help="remove each article's first sentence")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="override a scoring weight")
    args = parser.parse_args(argv)

    if not args.data.is_file():
        print(f"skipped: no evaluation data at {args.data} (the shared eval set is not here)")
        return 0
    try:
        import rouge_score  # noqa: F401
    except ImportError:
        print("skipped: rouge-score is not installed (pip install -e '.[dev]')")
        return 0

    count = args.sentences or (1 if args.drop_first else 3)
    weights = parse_overrides(args.set)
    records = load(args.data, args.limit)
    t0 = time.perf_counter()
    leads, ours, split_s, ours_s = run(records, count, args.drop_first, weights)
    lead_scores, our_scores = rouge(leads, records), rouge(ours, records)
    resamples = _resamples(len(records))

    mode = f"{count} sentence{'s' if count > 1 else ''}" + (", first sentence dropped" if args.drop_first else "")
    print(f"{args.data.name}: {len(records)} articles, {mode}")
    if args.set:
        print("weights: " + ", ".join(args.set))
    print(f"| system | {' | '.join(LABELS[m] + ' [95% CI]' for m in METRICS)} | words |")
    print("|---|" + "---|" * (len(METRICS) + 1))
    for name, summaries, scores in ((f"lead-{count}", leads, lead_scores), ("ours", ours, our_scores)):
        cells = ["{:.2f} [{:.2f}, {:.2f}]".format(*interval(scores[m], resamples)) for m in METRICS]
        words = sum(len(" ".join(s).split()) for s in summaries) / len(summaries)
        print(f"| {name} | {' | '.join(cells)} | {words:.1f} |")
    cells = []
    for m in METRICS:
        diff = [a - b for a, b in zip(our_scores[m], lead_scores[m])]
        cells.append("{:+.2f} [{:+.2f}, {:+.2f}]".format(*interval(diff, resamples)))
    print(f"| ours - lead | {' | '.join(cells)} | |")
    print(
        f"time: splitting {split_s:.1f}s, summarizing (splitting again + scoring + selection) {ours_s:.1f}s, "
        f"total {time.perf_counter() - t0:.1f}s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
