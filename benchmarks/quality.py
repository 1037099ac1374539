#!/usr/bin/env python3
"""Summary quality on every shared dev set: ours beside Lead-N, ROUGE F1 with 95% CIs.

    python benchmarks/quality.py [--limit N | --half 1|2] [--only SET,...] [--set NAME=VALUE ...]
    python benchmarks/quality.py --ablation [round1 | round3 | history] [--limit N] [--only SET,...]
    python benchmarks/quality.py [--data PATH] [--sentences N] [--drop-first | --drop K]

With no options: every dev set of ``../shared/eval`` (issue 20), one table:

==============  =======================  =========  ============================
set             file                     sentences  scored against
==============  =======================  =========  ============================
cnn             dev.jsonl                3          the highlights
cnn-drop1       dev.jsonl, first body    1          the highlights (the proxy
                sentence removed                    for XSum: the lead is gone)
bbc             bbc_dev.jsonl            7          the extractive summary
scitldr         scitldr_dev.jsonl        1          the best of all ``references``
                (title line kept)                   (``score_multi``)
orangesum-fr    orangesum_fr_dev.jsonl   1          the abstract, words ``\\w+``
                                                    lower-cased, unstemmed
bbc-lead        bbc_dev.jsonl, title     1          the removed first sentence
                and first body sentence             (how XSum was made: a proxy
                removed                             for XSum, BBC's own style)
bbc-lower       bbc_dev.jsonl, text and  12         the extractive summary,
                reference lower-cased               lower-cased (a proxy for
                                                    long papers: no capital
                                                    helps splitter or layout)
==============  =======================  =========  ============================

Both systems see the same sentences: Lead-N is the first N body sentences
of the project's own splitter after its title and dateline handling
(``summarize.core.body_sentences``; a title is never a summary sentence),
and ours is ``summarize(text, sentences=N)``, both in the language
``summarize`` detects for each text (French on OrangeSum).  ROUGE-1/2/Lsum F1 x100 come
from Google's ``rouge-score`` (Porter stemming except for French; for Lsum
one sentence per line), with 95% percentile-bootstrap intervals (1000
resamples, fixed seed) and the paired difference ours - lead.  "words" is
the mean summary length in whitespace-separated words.  The last column
holds issue 20's figures on the held-aside collections of the same kind
(not these files): summarize then, Lead, the best peer and the target.

``--only`` picks sets by name; ``--limit N`` takes each set's first N
records (quick loops); ``--half 1`` or ``2`` the first or second half of
each (choose on one, report the other); ``--words N`` sets a word budget
instead of the sets' sentence counts (Lead then takes whole sentences while
they fit, and at least one, as ``summarize`` does).  ``--set`` overrides one field of
``summarize.scoring.Weights`` for every set (``--set position=0``).
``--ablation`` prints the table of ``benchmarks/README.md``: each part of
issue 20's second round (centrality for long summaries of undated text)
alone on top of its first round, and the defaults without each;
``--ablation round1`` the first round's refinements the same way;
``--ablation round3`` the third round's parts (the writer's voice,
``Weights.voice``; PageRank for long summaries, ``Weights.rank``) each
off or set otherwise against the defaults;
``--ablation history`` the older rows, the refinements of the first CNN
scorer switched on one at a time.

``--data PATH`` measures one other JSONL file with ``text`` and
``reference`` (``references`` too: scored against the best); ``--sentences``
(default 3, 1 with a drop) and ``--drop-first`` / ``--drop K`` (remove each
article's first K body sentences and what came before) apply to it, or to
CNN's ``dev.jsonl`` without ``--data``.

Needs this package installed (``pip install -e '.[dev]'``, which brings
``rouge-score``) and the shared eval data (``--eval-dir``; default: the
first ``shared/eval`` beside this checkout or one of its parents); without
them it says so and exits 0.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import random
import re
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

try:
    import summarize
    from summarize import core, languages, scoring
    from summarize.budget import Budget
    from summarize.errors import NoTextError
    from summarize.sentences import normalize_space
except ImportError:  # pragma: no cover - depends on the environment
    summarize = None  # type: ignore[assignment]

METRICS = ("rouge1", "rouge2", "rougeLsum")
LABELS = {"rouge1": "R1", "rouge2": "R2", "rougeLsum": "RLsum"}
RESAMPLES = 1000
SEED = 12345
HERE = Path(__file__).resolve().parent


@dataclasses.dataclass(frozen=True)
class Suite:
    """One dev set and how it is measured.

    ``multi``: score against the best of the record's ``references``.
    ``stemmed``: rouge-score's own tokenizer with Porter stemming; otherwise
    words are ``\\w+`` lower-cased (French).  ``held_aside``: issue 20's
    figures on the held-aside collection this set stands for, as
    ``(summarize, Lead, best peer and target)``.  ``lead_reference``: the
    reference is the article's first ``drop`` body sentences, the ones
    removed (how XSum was made).  ``lower``: text and reference lower-cased.
    """

    name: str
    file: str
    sentences: int
    drop: int = 0
    multi: bool = False
    stemmed: bool = True
    held_aside: Tuple[str, str, str] = ("", "", "")
    lead_reference: bool = False
    lower: bool = False


SUITES = (
    Suite("cnn", "dev.jsonl", 3,
          held_aside=("Lead-3 +3.0", "", "target: R1 >= Lead-3 +3.0, R2 >= Lead-3 +1.5")),
    Suite("cnn-drop1", "dev.jsonl", 1, drop=1,
          held_aside=("XSum 18.2", "16.1", "summa 20.2, sumy Luhn 18.1; target >= 20.2")),
    Suite("bbc", "bbc_dev.jsonl", 7,
          held_aside=("66.9", "58.9", "summa 76.1, sumy TextRank 74.3, Luhn 68.5; target >= 74.3")),
    Suite("scitldr", "scitldr_dev.jsonl", 1, multi=True,
          held_aside=("35.8", "31.3", "summa 39.8 (36.2 without the title), Luhn 38.1; target >= 36.2")),
    Suite("orangesum-fr", "orangesum_fr_dev.jsonl", 1, stemmed=False,
          held_aside=("", "", "target (issue 18): R1 >= Lead-1 +4.0, R2 >= Lead-1 +2.0; never below Lead at -w 40")),
    Suite("bbc-lead", "bbc_dev.jsonl", 1, drop=1, lead_reference=True,
          held_aside=("XSum 18.2", "16.1", "summa 20.2; target >= 20.2")),
    Suite("bbc-lower", "bbc_dev.jsonl", 12, lower=True,
          held_aside=("papers 47.3", "42.7", "summa 47.5; target >= 47.6, R2 >= 17.1")),
)

# Issue 20's second round: the scorer moves toward centrality as the summary
# takes more of an undated text (``Weights.central_share``), one ``central_*``
# knob per part.  ``--ablation`` measures each part alone on top of the first
# round (CENTRAL_BEFORE), and the defaults without each.
CENTRAL_BEFORE: Dict[str, object] = dict(central_share=0)
_CENTRAL_NONE: Dict[str, object] = dict(central_share=0.4, central_position=None, central_quote=None,
                                       central_dangling=None, central_title_boost=None, central_exponent=None,
                                       central_others=None)
CENTRAL: List[Tuple[str, Dict[str, object]]] = [
    ("position prior fades", dict(central_position=0)),
    ("quote discount fades", dict(central_quote=1)),
    ("opener discount fades", dict(central_dangling=1)),
    ("title boost fades", dict(central_title_boost=0)),
    ("length exponent toward 0.5", dict(central_exponent=0.5)),
    ("terms count in other sentences", dict(central_others=1)),
]

# Issue 20's third round against the defaults: the writer's voice
# (``Weights.voice``, faded by the document's quotation marks,
# ``voice_quotes``) and PageRank for long summaries (``central_rank`` from
# ``rank_from``).
ROUND3: List[Tuple[str, Dict[str, object]]] = [
    ("defaults - writer's voice (voice 0)", dict(voice=0)),
    ("voice 0.15", dict(voice=0.15)),
    ("voice 0.5", dict(voice=0.5)),
    ("voice not faded by quotation marks", dict(voice_quotes=1e9)),
    ("defaults - rank (central_rank none)", dict(central_rank=None)),
    ("rank from c = 0.25", dict(rank_from=0.25)),
    ("rank from c = 0.75", dict(rank_from=0.75)),
    ("central_rank 0.5", dict(central_rank=0.5)),
    ("defaults - voice - rank (second round)", dict(voice=0, central_rank=None)),
]

# Issue 20's first round, each a ``Weights`` field; BEFORE switches them all
# off (the scorer as it was), and the second round with them.  ``--ablation
# round1`` measures each alone on top of BEFORE, and the first round's
# defaults without each.
BEFORE: Dict[str, object] = dict(quote_by_share=0, determiners=0, undated_position=1, one_sentence_exponent=None,
                                 redundancy_share=0, **CENTRAL_BEFORE)
REFINEMENTS: List[Tuple[str, Dict[str, object]]] = [
    ("quote discount by quoted share", dict(quote_by_share=1)),
    ("'This paper' is no dangling opener", dict(determiners=1)),
    ("position x0.5 without a dateline", dict(undated_position=0.5)),
    ("length exponent 0.5 for one sentence", dict(one_sentence_exponent=0.5)),
    ("redundancy fades with budget share", dict(redundancy_share=0.4)),
]

# The first scorer's refinements in the order they were added (CNN only),
# each row switching one more on; the first row is the scorer this project
# started with (tf / max tf, title boost, sum / length ** 0.5, top scores).
HISTORY: List[Tuple[str, Dict[str, float]]] = [
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
    ("+ boilerplate skipped", dict()),
]


def find_eval_dir() -> Optional[Path]:
    """The first ``shared/eval`` next to this checkout or one of its parents (worktrees live deeper)."""
    for parent in HERE.parents:
        candidate = parent / "shared" / "eval"
        if candidate.is_dir():
            return candidate
    return None


def load(path: Path, limit: Optional[int]) -> List[dict]:
    """The first ``limit`` records (all without one) of a JSONL file."""
    records = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                records.append(json.loads(line))
                if limit is not None and len(records) >= limit:
                    break
    return records


def prepared(suite: Suite, records: List[dict]) -> List[dict]:
    """The records as ``suite`` measures them: lower-cased (``lower``), or
    with their first ``drop`` body sentences as the reference
    (``lead_reference``; empty when the text has no more sentences)."""
    if suite.lower:
        records = [dict(r, text=r["text"].lower(), reference=r["reference"].lower(),
                        references=[t.lower() for t in r.get("references") or []]) for r in records]
    if suite.lead_reference:
        out = []
        for r in records:
            try:
                _, spans = core.body_sentences(r["text"], None, languages.resolve(r["text"]).language)
            except NoTextError:
                spans = core.Spans()
            lead = [normalize_space(r["text"][s:e]) for s, e in spans[:suite.drop]] if len(spans) > suite.drop else []
            out.append(dict(r, reference="\n".join(lead), references=None))
        records = out
    return records


def halved(records: List[dict], half: Optional[int]) -> List[dict]:
    """The first (1) or second (2) half of ``records``, or all of them."""
    middle = len(records) // 2
    return records if half is None else records[:middle] if half == 1 else records[middle:]


def weights_with(changes: Dict[str, object]) -> "scoring.Weights":
    """The default ``Weights`` with ``changes`` applied; an unknown name exits with a message."""
    fields = {f.name: f.type for f in dataclasses.fields(scoring.Weights)}
    for name in changes:
        if name not in fields:
            sys.exit(f"--set: no weight named {name!r}; known: {', '.join(sorted(fields))}")
    typed = {
        name: None if v is None or str(v).lower() == "none" else bool(float(v)) if fields[name] in (bool, "bool") else float(v)
        for name, v in changes.items()
    }
    return dataclasses.replace(scoring.DEFAULT_WEIGHTS, **typed)


# --- ROUGE -------------------------------------------------------------------


class _CachedStems:
    """rouge-score's Porter stemmer with each word stemmed once (same stems)."""

    def __init__(self) -> None:
        from nltk.stem import porter

        self._stem = porter.PorterStemmer().stem  # as DefaultTokenizer(use_stemmer=True)
        self._cache: Dict[str, str] = {}

    def stem(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            stem = self._cache[word] = self._stem(word)
        return stem


class _Tokenizer:
    """A rouge-score tokenizer that remembers each text's tokens.

    Stemmed: exactly rouge-score's ``DefaultTokenizer(use_stemmer=True)``
    (its ``tokenize`` function with the same Porter stemmer).  Unstemmed:
    ``\\w+`` lower-cased, for languages its ASCII-only default would cut
    apart ("été" -> "t").  The same reference and lead sentences are
    tokenized many times over a run; the cache makes that free.
    """

    def __init__(self, stemmed: bool) -> None:
        self._cache: Dict[str, List[str]] = {}
        if stemmed:
            from rouge_score import tokenize

            stems = _CachedStems()
            self._tokenize: Callable[[str], List[str]] = lambda text: tokenize.tokenize(text, stems)
        else:
            self._tokenize = lambda text: re.findall(r"\w+", text.lower())

    def tokenize(self, text: str) -> List[str]:
        tokens = self._cache.get(text)
        if tokens is None:
            tokens = self._cache[text] = self._tokenize(text)
        return tokens


_SCORERS: Dict[bool, object] = {}


def scorer(stemmed: bool):
    """One ``RougeScorer`` per tokenizer, kept for the run (its token cache with it)."""
    if stemmed not in _SCORERS:
        from rouge_score import rouge_scorer

        _SCORERS[stemmed] = rouge_scorer.RougeScorer(list(METRICS), tokenizer=_Tokenizer(stemmed))
    return _SCORERS[stemmed]


def references(record: dict, multi: bool) -> List[str]:
    """The record's reference(s), one sentence (highlight) per line."""
    texts = record["references"] if multi and record.get("references") else [record["reference"]]
    return ["\n".join(line.strip() for line in text.split("\n") if line.strip()) for text in texts]


def rouge(summaries: List[List[str]], records: List[dict], suite: Suite) -> Dict[str, List[float]]:
    """Per-record F1 x100 for each metric; an empty summary scores 0."""
    rouge_scorer = scorer(suite.stemmed)
    out: Dict[str, List[float]] = {m: [] for m in METRICS}
    for summary, record in zip(summaries, records):
        if not summary:
            for m in METRICS:
                out[m].append(0.0)
            continue
        targets = references(record, suite.multi)
        prediction = "\n".join(summary)
        if len(targets) > 1:
            scores = rouge_scorer.score_multi(targets, prediction)
        else:
            scores = rouge_scorer.score(targets[0], prediction)
        for m in METRICS:
            out[m].append(100.0 * scores[m].fmeasure)
    return out


# --- runs --------------------------------------------------------------------


def run(records: List[dict], count: int, drop: int, weights: "scoring.Weights", words: Optional[int] = None):
    """Return ``(lead summaries, our summaries, seconds summarizing)``.

    Each summary is a list of sentences: ``count`` of them, or as many
    whole ones as fit in ``words`` (at least one).  With ``drop``, the
    article starts at its ``drop``-th body sentence (0-based).  Articles
    too short to summarize give empty summaries (scored 0 for both systems).
    """
    budget = Budget(words=words) if words else Budget(sentences=count)
    leads: List[List[str]] = []
    ours: List[List[str]] = []
    seconds = 0.0
    for record in records:
        text = record["text"]
        language = languages.resolve(text).language
        try:
            _, spans = core.body_sentences(text, None, language)
            if drop:
                text = text[spans[drop][0]:] if len(spans) > drop else ""
                _, spans = core.body_sentences(text, None, language)
        except NoTextError:  # nothing (left) to summarize
            leads.append([])
            ours.append([])
            continue
        lead = [normalize_space(text[s:e]) for s, e in spans[:count]]
        if words:
            lead, total = [], 0
            for s, e in spans:
                sentence = normalize_space(text[s:e])
                total += len(sentence.split())
                if lead and total > words:
                    break
                lead.append(sentence)
        leads.append(lead)
        t0 = time.perf_counter()
        summary = core.summarize_with(text, budget, weights, language=language)
        seconds += time.perf_counter() - t0
        ours.append([s.text for s in summary.sentences])
    return leads, ours, seconds


def mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def mean_words(summaries: List[List[str]]) -> float:
    return mean([len(" ".join(s).split()) for s in summaries])


def resamples_for(n: int) -> List[List[int]]:
    rng = random.Random(SEED)
    return [[rng.randrange(n) for _ in range(n)] for _ in range(RESAMPLES)]


def interval(values: Sequence[float], resamples: List[List[int]]) -> Tuple[float, float, float]:
    """``(mean, low, high)``: the mean and its 95% percentile-bootstrap interval."""
    n = len(values)
    means = sorted(sum(values[i] for i in idx) / n for idx in resamples)
    return mean(values), means[int(0.025 * RESAMPLES)], means[int(0.975 * RESAMPLES) - 1]


def table(suites: Sequence[Tuple[Suite, List[dict]]], weights: "scoring.Weights", words: Optional[int] = None) -> None:
    """Print one table: per set, Lead-N, ours and ours - lead, with intervals and held-aside figures."""
    print(f"| set | system | {' | '.join(LABELS[m] + ' [95% CI]' for m in METRICS)} | words "
          "| held-aside R1 (issue 20) |")
    print("|---|---|" + "---|" * (len(METRICS) + 2))
    total = 0.0
    for suite, records in suites:
        leads, ours, seconds = run(records, suite.sentences, suite.drop, weights, words)
        total += seconds
        lead_scores, our_scores = rouge(leads, records, suite), rouge(ours, records, suite)
        resamples = resamples_for(len(records))
        label = f"{suite.name} ({len(records)}, {f'{words} words' if words else f'{suite.sentences} sent.'})"
        mine, lead_figure, peers = suite.held_aside
        for name, summaries, scores, held in (
            ("lead" if words else f"lead-{suite.sentences}", leads, lead_scores, lead_figure),
            ("ours", ours, our_scores, mine),
        ):
            cells = ["{:.2f} [{:.2f}, {:.2f}]".format(*interval(scores[m], resamples)) for m in METRICS]
            print(f"| {label} | {name} | {' | '.join(cells)} | {mean_words(summaries):.1f} | {held} |")
        cells = []
        for m in METRICS:
            diff = [a - b for a, b in zip(our_scores[m], lead_scores[m])]
            cells.append("{:+.2f} [{:+.2f}, {:+.2f}]".format(*interval(diff, resamples)))
        ratio = mean_words(ours) / max(mean_words(leads), 1e-9)
        print(f"| {label} | ours - lead | {' | '.join(cells)} | x{ratio:.2f} | {peers} |")
    print(f"\nsummarize_with() time, all sets: {total:.1f} s")


def ablation(suites: Sequence[Tuple[Suite, List[dict]]], rows: List[Tuple[str, Dict[str, float]]]) -> None:
    """Print one row per weight setting: R1 on every set (R2 too on CNN), summary words, and
    the mean R1 change over the sets against the first setting."""
    header = []
    for suite, _ in suites:
        header += [f"{suite.name} R1"] + (["cnn R2"] if suite.name == "cnn" else []) + ["words"]
    print(f"| setting | {' | '.join(header)} | mean R1 change |")
    print("|---|" + "---|" * (len(header) + 1))
    first: Optional[List[float]] = None
    for name, changes in [("Lead-N", {})] + rows:
        cells, r1s = [], []
        for suite, records in suites:
            leads, ours, _ = run(records, suite.sentences, suite.drop, weights_with(changes))
            summaries = leads if name == "Lead-N" else ours
            scores = rouge(summaries, records, suite)
            r1s.append(mean(scores["rouge1"]))
            cells.append(f"{r1s[-1]:.2f}")
            if suite.name == "cnn":
                cells.append(f"{mean(scores['rouge2']):.2f}")
            cells.append(f"{mean_words(summaries):.0f}")
        change = ""
        if name != "Lead-N":
            first = first or r1s
            change = f"{mean([a - b for a, b in zip(r1s, first)]):+.2f}"
        print(f"| {name} | {' | '.join(cells)} | {change} |", flush=True)


def ablation_rows(which: str) -> List[Tuple[str, Dict[str, object]]]:
    """The rows of ``--ablation``: the second round of issue 20 (``central``),
    its first (``round1``) or third (``round3``) round, or the first scorer's
    history (``history``)."""
    if which == "history":
        return [(name, {**BEFORE, **changes}) for name, changes in HISTORY]
    if which == "round3":
        return [("defaults", {})] + ROUND3
    if which == "round1":
        rows: List[Tuple[str, Dict[str, object]]] = [("before issue 20", dict(BEFORE))]
        for name, on in REFINEMENTS:
            rows.append((f"before + {name}", {**BEFORE, **on}))
        rows.append(("first round", dict(CENTRAL_BEFORE)))
        for name, on in REFINEMENTS:
            rows.append((f"first round - {name}", {**CENTRAL_BEFORE, **{k: BEFORE[k] for k in on}}))
        return rows
    rows = [("first round (no centrality)", dict(CENTRAL_BEFORE))]
    for name, on in CENTRAL:
        rows.append((f"first round + {name}", {**_CENTRAL_NONE, **on}))
    rows.append(("defaults", {}))
    for name, on in CENTRAL:
        rows.append((f"defaults - {name}", {k: None for k in on}))
    return rows


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=None, help="where the dev sets are (default: shared/eval)")
    parser.add_argument("--only", default=None, metavar="SET,...",
                        help=f"only these sets ({', '.join(s.name for s in SUITES)})")
    parser.add_argument("--data", type=Path, default=None, help="one other JSONL file with text and reference")
    parser.add_argument("--limit", type=int, default=None, help="only the first N records of each set")
    parser.add_argument("--sentences", type=int, default=None, help="with --data or a drop: summary length")
    parser.add_argument("--words", type=int, default=None, metavar="N", help="a word budget instead of each set's sentences")
    drops = parser.add_mutually_exclusive_group()
    drops.add_argument("--drop-first", action="store_const", const=1, dest="drop",
                       help="remove each article's first body sentence (CNN, or --data)")
    drops.add_argument("--drop", type=int, default=None, metavar="K", help="remove each article's first K sentences")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="override a scoring weight")
    parser.add_argument("--ablation", nargs="?", const="central", choices=("central", "round1", "round3", "history"),
                        help="the README's ablation table (or issue 20's first or third round, or the first scorer's history)")
    parser.add_argument("--half", type=int, choices=(1, 2), default=None,
                        help="only the first or the second half of each set (tune on one, report the other)")
    args = parser.parse_args(argv)

    if summarize is None:
        print("skipped: the summarize package is not installed (pip install -e '.[dev]')")
        return 0
    try:
        import rouge_score  # noqa: F401
    except ImportError:
        print("skipped: rouge-score is not installed (pip install -e '.[dev]')")
        return 0
    eval_dir = args.eval_dir or find_eval_dir()

    if args.data is not None or args.sentences is not None or args.drop is not None:
        path = args.data or (eval_dir / "dev.jsonl" if eval_dir else Path("dev.jsonl"))
        drop = args.drop or 0
        count = args.sentences or (1 if drop else 3)
        if not path.is_file():
            print(f"skipped: no evaluation data at {path}")
            return 0
        first = load(path, 1)
        multi = bool(first and first[0].get("references"))
        stemmed = not (first and first[0].get("lang", "en") != "en")
        wanted = [Suite(path.stem + (f"-drop{drop}" if drop else ""), str(path), count, drop, multi, stemmed)]
    else:
        names = args.only.split(",") if args.only else [s.name for s in SUITES]
        unknown = set(names) - {s.name for s in SUITES}
        if unknown:
            sys.exit(f"--only: no set named {', '.join(sorted(unknown))}; known: {', '.join(s.name for s in SUITES)}")
        wanted = [s for s in SUITES if s.name in names]
    suites = []
    for suite in wanted:
        path = Path(suite.file) if Path(suite.file).is_absolute() else (eval_dir or Path(".")) / suite.file
        if not path.is_file():
            print(f"note: {suite.name} skipped: no evaluation data at {path}", file=sys.stderr)
            continue
        suites.append((suite, prepared(suite, halved(load(path, args.limit), args.half))))
    if not suites:
        print("skipped: no evaluation data found (the shared eval sets are not here; see --eval-dir)")
        return 0

    where = Path(summarize.__file__).resolve().parent.parent
    print(f"summarize {summarize.__version__} from {where}; ROUGE F1 x100 (rouge-score)"
          + (f"; {', '.join(args.set)}" if args.set else ""))
    if args.ablation:
        ablation(suites, ablation_rows(args.ablation))
        return 0
    changes = dict(pair.partition("=")[::2] for pair in args.set)
    table(suites, weights_with(changes), args.words)
    return 0


if __name__ == "__main__":
    sys.exit(main())
