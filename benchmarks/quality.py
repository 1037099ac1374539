#!/usr/bin/env python3
"""Summary quality on the shared dev set: ours beside Lead-N, ROUGE F1 with 95% CIs.

    python benchmarks/quality.py [--limit N] [--data PATH] [--sentences N]
                                 [--drop-first | --drop K] [--set NAME=VALUE ...]
    python benchmarks/quality.py --ablation [--limit N] [--data PATH]

Both systems see the same sentences: Lead-N is the first N body sentences
of the project's own splitter after its title and dateline handling
(``summarize.core.body_sentences``), and ours is ``summarize(text,
sentences=N)``.  ROUGE-1/2/Lsum F1 x100 come from Google's ``rouge-score``
(Porter stemming; for Lsum one sentence per line: ours one per line, the
references one highlight per line), with 95% percentile-bootstrap intervals
(1000 resamples, fixed seed) and the paired difference ours - lead.
"words" is the mean summary length in whitespace-separated words.

``--drop-first`` removes each article's first body sentence (and what came
before it: title, dateline) and defaults to one sentence, so copying the
lead is no longer the answer: the proxy for collections where position
tells little.  ``--drop K`` removes the first K sentences (``--drop 3``
leaves a lead barely better than chance).  ``--set`` overrides one field of
``summarize.scoring.Weights`` (e.g. ``--set position=0``).  ``--ablation``
prints the table of ``benchmarks/README.md``: the refinements switched on
one at a time, each row measured at 3 sentences and with the first one or
three sentences dropped at 1 sentence.

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
from typing import Dict, List, Optional, Sequence, Tuple

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "eval" / "dev.jsonl"
METRICS = ("rouge1", "rouge2", "rougeLsum")
LABELS = {"rouge1": "R1", "rouge2": "R2", "rougeLsum": "RLsum"}
RESAMPLES = 1000
SEED = 12345

sys.path.insert(0, str(ROOT))

from summarize import core, scoring, selection  # noqa: E402
from summarize.sentences import normalize_space  # noqa: E402

# The refinements in the order they were added, each row switching one more
# on; the first row is the scorer this project started with (tf / max tf,
# title boost, sum / length ** 0.5, top scores).  The last row is the defaults.
ABLATION: List[Tuple[str, Dict[str, float]]] = [
    ("tf / max tf, length^0.5 (start)", dict(length_exponent=0.5, position=0, redundancy=0, duplicate=1.01,
                                            quote=1, short_words=0, dangling=1, boilerplate=0)),
    ("+ length exponent 0.8", dict(position=0, redundancy=0, duplicate=1.01, quote=1, short_words=0,
                                   dangling=1, boilerplate=0)),
    ("+ position prior 1, decay 3", dict(redundancy=0, duplicate=1.01, quote=1, short_words=0, dangling=1,
                                         boilerplate=0)),
    ("+ MMR 0.3, duplicates 0.7", dict(quote=1, short_words=0, dangling=1, boilerplate=0)),
    ("+ quote opener x0.5", dict(short_words=0, dangling=1, boilerplate=0)),
    ("+ short sentence < 12 words", dict(dangling=1, boilerplate=0)),
    ("+ dangling opener x0.8", dict(boilerplate=0)),
    ("+ boilerplate skipped (defaults)", dict()),
]


def load(path: Path, limit: Optional[int]) -> List[dict]:
    """The first ``limit`` records (all without one) of a JSONL file with ``text`` and ``reference``."""
    records = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                records.append(json.loads(line))
                if limit is not None and len(records) >= limit:
                    break
    return records


def weights_with(changes: Dict[str, float]) -> scoring.Weights:
    """The default ``Weights`` with ``changes`` applied; an unknown name exits with a message."""
    fields = {f.name: f.type for f in dataclasses.fields(scoring.Weights)}
    for name in changes:
        if name not in fields:
            sys.exit(f"--set: no weight named {name!r}; known: {', '.join(sorted(fields))}")
    typed = {name: (bool(float(v)) if fields[name] in (bool, "bool") else float(v)) for name, v in changes.items()}
    return dataclasses.replace(scoring.DEFAULT_WEIGHTS, **typed)


def run(records: List[dict], count: int, drop: int, weights: scoring.Weights):
    """Return ``(lead summaries, our summaries, seconds splitting, seconds summarizing)``.

    Each summary is a list of sentences.  With ``drop``, the article starts
    at its ``drop``-th body sentence (0-based).  Articles too short to
    summarize give empty summaries (scored 0 for both systems).
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
            if drop:
                text = text[spans[drop][0]:] if len(spans) > drop else ""
                _, spans = core.body_sentences(text)
        except Exception:  # NoTextError: nothing (left) to summarize
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


_SCORER = None


def rouge(summaries: List[List[str]], records: List[dict]) -> Dict[str, List[float]]:
    """Per-article F1 x100 for each metric; an empty summary scores 0."""
    global _SCORER
    if _SCORER is None:
        from rouge_score import rouge_scorer

        _SCORER = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    out: Dict[str, List[float]] = {m: [] for m in METRICS}
    for summary, record in zip(summaries, records):
        if not summary:
            for m in METRICS:
                out[m].append(0.0)
            continue
        reference = "\n".join(line.strip() for line in record["reference"].split("\n") if line.strip())
        scores = _SCORER.score(reference, "\n".join(summary))
        for m in METRICS:
            out[m].append(100.0 * scores[m].fmeasure)
    return out


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def mean_words(summaries: List[List[str]]) -> float:
    return mean([len(" ".join(s).split()) for s in summaries])


def interval(values: Sequence[float], resamples: List[List[int]]) -> Tuple[float, float, float]:
    """``(mean, low, high)``: the mean and its 95% percentile-bootstrap interval."""
    n = len(values)
    means = sorted(sum(values[i] for i in idx) / n for idx in resamples)
    return mean(values), means[int(0.025 * RESAMPLES)], means[int(0.975 * RESAMPLES) - 1]


def report(records: List[dict], count: int, drop: int, weights: scoring.Weights) -> None:
    """Print the table of ours beside Lead-``count``, with intervals and the paired difference."""
    t0 = time.perf_counter()
    leads, ours, split_s, ours_s = run(records, count, drop, weights)
    lead_scores, our_scores = rouge(leads, records), rouge(ours, records)
    rng = random.Random(SEED)
    n = len(records)
    resamples = [[rng.randrange(n) for _ in range(n)] for _ in range(RESAMPLES)]
    print(f"| system | {' | '.join(LABELS[m] + ' [95% CI]' for m in METRICS)} | words |")
    print("|---|" + "---|" * (len(METRICS) + 1))
    for name, summaries, scores in ((f"lead-{count}", leads, lead_scores), ("ours", ours, our_scores)):
        cells = ["{:.2f} [{:.2f}, {:.2f}]".format(*interval(scores[m], resamples)) for m in METRICS]
        print(f"| {name} | {' | '.join(cells)} | {mean_words(summaries):.1f} |")
    cells = []
    for m in METRICS:
        diff = [a - b for a, b in zip(our_scores[m], lead_scores[m])]
        cells.append("{:+.2f} [{:+.2f}, {:+.2f}]".format(*interval(diff, resamples)))
    ratio = mean_words(ours) / max(mean_words(leads), 1e-9)
    print(f"| ours - lead | {' | '.join(cells)} | x{ratio:.2f} |")
    print(
        f"time: splitting {split_s:.1f}s; summarizing {ours_s:.1f}s (splitting again, scoring, selection); "
        f"with ROUGE and bootstrap {time.perf_counter() - t0:.1f}s"
    )


def ablation(records: List[dict]) -> None:
    """Print one row per refinement: 3-sentence scores and the drop-first/drop-3 1-sentence R1."""
    lead3 = run(records, 3, 0, scoring.DEFAULT_WEIGHTS)[0]
    lead_d1 = run(records, 1, 1, scoring.DEFAULT_WEIGHTS)[0]
    lead_d3 = run(records, 1, 3, scoring.DEFAULT_WEIGHTS)[0]
    rows = [("Lead-3 / Lead-1", lead3, lead_d1, lead_d3)]
    for name, changes in ABLATION:
        weights = weights_with(changes)
        rows.append((name, run(records, 3, 0, weights)[1], run(records, 1, 1, weights)[1], run(records, 1, 3, weights)[1]))
    print("| system | R1 | R2 | RLsum | words | drop-first R1 (1 sent) | words | drop-3 R1 (1 sent) |")
    print("|---|---|---|---|---|---|---|---|")
    for name, three, first, third in rows:
        s3, d1, d3 = rouge(three, records), rouge(first, records), rouge(third, records)
        print(
            f"| {name} | {mean(s3['rouge1']):.2f} | {mean(s3['rouge2']):.2f} | {mean(s3['rougeLsum']):.2f} "
            f"| {mean_words(three):.1f} | {mean(d1['rouge1']):.2f} | {mean_words(first):.1f} | {mean(d3['rouge1']):.2f} |"
        )


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL with text and reference")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--sentences", type=int, default=None, help="summary length (default 3; 1 with a drop)")
    drops = parser.add_mutually_exclusive_group()
    drops.add_argument("--drop-first", action="store_const", const=1, dest="drop", help="remove each article's first sentence")
    drops.add_argument("--drop", type=int, default=0, metavar="K", help="remove each article's first K sentences")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="override a scoring weight")
    parser.add_argument("--ablation", action="store_true", help="the refinements one at a time (README table)")
    args = parser.parse_args(argv)

    if not args.data.is_file():
        print(f"skipped: no evaluation data at {args.data} (the shared eval set is not here)")
        return 0
    try:
        import rouge_score  # noqa: F401
    except ImportError:
        print("skipped: rouge-score is not installed (pip install -e '.[dev]')")
        return 0

    records = load(args.data, args.limit)
    if args.ablation:
        print(f"{args.data.name}: {len(records)} articles; ROUGE F1 x100 (rouge-score, stemmed)")
        ablation(records)
        return 0
    drop = args.drop or 0
    count = args.sentences or (1 if drop else 3)
    changes = dict(pair.partition("=")[::2] for pair in args.set)
    weights = weights_with(changes)
    mode = f"{count} sentence{'s' if count > 1 else ''}"
    if drop:
        mode += f", first {drop} sentence{'s' if drop > 1 else ''} dropped"
    print(f"{args.data.name}: {len(records)} articles, {mode}" + (f"; {', '.join(args.set)}" if args.set else ""))
    report(records, count, drop, weights)
    return 0


if __name__ == "__main__":
    sys.exit(main())
