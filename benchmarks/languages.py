#!/usr/bin/env python3
"""Every language on the shared dev data: splitting beside the peers, detection, keywords, cost.

    python benchmarks/languages.py [--only split,detect,keywords,load] [--languages de,fr] [--no-peers]

``split``: boundary F1 (the shared ``sbd_eval.score``) of
``split_sentences(text, code)`` ("ours"), of the English rules applied as
they are ("en rules": what every language got before issue 18), and of the
peers where installed: NLTK's untrained Punkt, pysbd and sentencex
(``pip install pysbd sentencex``; pysbd has no Portuguese).  Sets:
``../shared/sbd/ml/ud_<code>_dev.jsonl`` (``text``), Dutch cut into its two
treebanks (Alpino: news; LassySmall: web and Wikipedia), and for English UD
EWT and GUM (``text_par``).

``detect``: ``languages.detect`` on short paragraphs (two consecutive gold
sentences of at least 12 words, 200 per language, spread over each UD dev
set), on the UD pseudo-documents, on the CNN dev articles (English) and the
OrangeSum dev articles (French); accuracy, errors, and milliseconds per text.

``keywords``: the share of the top-5 keywords (``summarize(text,
keywords=5)``, language detected) that a broad stopword list not shipped
here calls function words (``stopwordsiso``: ``pip install stopwordsiso``),
on the first 300 UD dev documents of each language, the CNN dev articles
and the OrangeSum dev articles.

``load``: milliseconds to load a language in a fresh process where English
is loaded (Punkt parameters, word lists, stemmer, patterns: the first
summary in it less a second one), best of 5.

Needs the shared data (``--shared``; default: the first ``shared`` beside
this checkout or one of its parents); without it, says so and exits 0.
Wall-clock figures on a loaded machine are noisy: compare the ``load``
figures with care.
"""
from __future__ import annotations

import argparse
import collections
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import summarize
from summarize import languages
from summarize.sentences import split_sentences

HERE = Path(__file__).resolve().parent
PARTS = ("split", "detect", "keywords", "load")


def find_shared() -> Optional[Path]:
    for parent in HERE.parents:
        if (parent / "shared" / "sbd").is_dir():
            return parent / "shared"
    return None


def load(path: Path) -> List[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def split_sets(shared: Path, code: str) -> List[Tuple[str, List[dict], str]]:
    """``(name, records, field)`` of the dev sets of ``code``."""
    if code == "en":
        return [(name, load(shared / "sbd" / f"ud_{name.lower()}_dev.jsonl"), "text_par") for name in ("EWT", "GUM")]
    records = load(shared / "sbd" / "ml" / f"ud_{code}_dev.jsonl")
    if code == "nl":  # Alpino's sentence ids hold a backslash, LassySmall's do not
        alpino = [r for r in records if "\\" in r["sent_ids"][0]]
        return [("Alpino", alpino, "text"), ("LassySmall", [r for r in records if r not in alpino], "text")]
    name = {"de": "GSD", "fr": "GSD", "es": "GSD", "it": "ISDT", "pt": "Bosque", "ru": "GSD"}.get(code, code)
    return [(name, records, "text")]


def peers(code: str) -> Dict[str, Callable[[str], List[str]]]:
    """The peers installed, as splitters of ``code`` text."""
    out: Dict[str, Callable[[str], List[str]]] = {}
    try:
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        out["punkt"] = PunktSentenceTokenizer().tokenize
    except ImportError:
        pass
    try:
        import pysbd

        out["pysbd"] = pysbd.Segmenter(language=code, clean=False).segment
    except Exception:  # not installed, or no such language (Portuguese)
        pass
    try:
        from sentencex import segment

        out["sentencex"] = lambda text: list(segment(code, text))
    except ImportError:
        pass
    return out


def split_table(shared: Path, codes: Sequence[str], with_peers: bool) -> None:
    sys.path.insert(0, str(shared / "tools"))
    from sbd_eval import score

    columns = ("ours", "en rules", "punkt", "pysbd", "sentencex")
    print("| language | set | " + " | ".join(columns) + " |")
    print("|---|---|" + "---|" * len(columns))
    for code in codes:
        others = peers(code) if with_peers else {}
        for name, records, field in split_sets(shared, code):
            row = {"ours": score(lambda t: split_sentences(t, code), records, field)["F1"]}
            row["en rules"] = score(lambda t: split_sentences(t, "en"), records, field)["F1"]
            for peer, splitter in others.items():
                row[peer] = score(splitter, records, field)["F1"]
            cells = [f"{row[c]:.4f}" if c in row else "-" for c in columns]
            print(f"| {code} | {name} ({len(records)} docs) | " + " | ".join(cells) + " |", flush=True)


def short_paragraphs(records: List[dict], count: int = 200) -> List[str]:
    """Two consecutive gold sentences of at least 12 words, ``count`` spread over the set."""
    pool = []
    for record in records:
        sentences = record["sentences"]
        for i in range(0, len(sentences) - 1, 2):
            paragraph = " ".join(sentences[i:i + 2])
            if len(paragraph.split()) >= 12:
                pool.append(paragraph)
    step = max(1, len(pool) // count)
    return pool[::step][:count]


def detect_table(shared: Path, codes: Sequence[str]) -> None:
    paragraphs: List[Tuple[str, str]] = []
    documents: List[Tuple[str, str]] = []
    for code in codes:
        records = load(shared / "sbd" / ("ud_ewt_dev.jsonl" if code == "en" else f"ml/ud_{code}_dev.jsonl"))
        paragraphs += [(code, p) for p in short_paragraphs(records)]
        documents += [(code, r["text"]) for r in records]
    sets = [("short paragraphs", paragraphs), ("UD documents", documents)]
    eval_dir = shared / "eval"
    if (eval_dir / "dev.jsonl").is_file():
        sets.append(("CNN dev articles", [("en", r["text"]) for r in load(eval_dir / "dev.jsonl")]))
    if (eval_dir / "orangesum_fr_dev.jsonl").is_file():
        sets.append(("OrangeSum dev articles", [("fr", r["text"]) for r in load(eval_dir / "orangesum_fr_dev.jsonl")]))
    languages.detect("Warm-up: the stopword lists load here.")
    print("| texts | right | accuracy | ms per text | per language | errors (truth -> read as) |")
    print("|---|---|---|---|---|---|")
    for label, items in sets:
        start = time.perf_counter()
        found = [languages.detect(text) for _, text in items]
        ms = (time.perf_counter() - start) / len(items) * 1e3
        total: collections.Counter = collections.Counter()
        wrong: collections.Counter = collections.Counter()
        for (code, _), detection in zip(items, found):
            total[code] += 1
            if detection.language != code or not detection.supported:
                wrong[(code, detection.language if detection.supported else "unsupported")] += 1
        right = len(items) - sum(wrong.values())
        per = " ".join(f"{c} {total[c] - sum(n for (t, _), n in wrong.items() if t == c)}/{total[c]}" for c in total)
        errors = ", ".join(f"{t} -> {r}: {n}" for (t, r), n in wrong.most_common())
        print(f"| {label} | {right}/{len(items)} | {right / len(items):.2%} | {ms:.3f} | {per} | {errors or '-'} |")


def keywords_table(shared: Path, codes: Sequence[str]) -> None:
    try:
        import stopwordsiso
    except ImportError:
        print("keywords: skipped (pip install stopwordsiso: the independent stopword lists)")
        return
    sets = []
    for code in codes:
        path = shared / "eval" / "dev.jsonl" if code == "en" else shared / "sbd" / "ml" / f"ud_{code}_dev.jsonl"
        sets.append((code, "CNN dev" if code == "en" else "UD dev", [r["text"] for r in load(path)][:300]))
    if "fr" in codes and (shared / "eval" / "orangesum_fr_dev.jsonl").is_file():
        sets.append(("fr", "OrangeSum dev", [r["text"] for r in load(shared / "eval" / "orangesum_fr_dev.jsonl")]))
    print("| language | texts | keywords | function words | share | commonest |")
    print("|---|---|---|---|---|---|")
    for code, label, texts in sets:
        judge = {w.lower() for w in stopwordsiso.stopwords(code)}
        count = bad = 0
        common: collections.Counter = collections.Counter()
        for text in texts:
            for keyword in summarize.summarize(text, keywords=5).keywords or ():
                count += 1
                if keyword.term.lower() in judge:
                    bad += 1
                    common[keyword.term.lower()] += 1
        top = ", ".join(f"{w} {n}" for w, n in common.most_common(5))
        print(f"| {code} | {label} ({len(texts)}) | {count} | {bad} | {bad / max(count, 1):.1%} | {top or '-'} |")


LOAD_PROBE = """
import time
from summarize import summarize
summarize("A warm-up. English is loaded first. Then the language is timed.", language="en")
text = "Eins zwei drei. Vier fünf sechs. Sieben acht neun."
start = time.perf_counter()
summarize(text, language="{code}", keywords=3)
first = time.perf_counter() - start
start = time.perf_counter()
summarize(text, language="{code}", keywords=3)
print((first - (time.perf_counter() - start)) * 1000)
"""


def load_table(codes: Sequence[str], runs: int = 5) -> None:
    print("| language | load ms (best of %d fresh processes) |" % runs)
    print("|---|---|")
    for code in codes:
        if code == "en":
            continue
        times = [
            float(subprocess.run([sys.executable, "-c", LOAD_PROBE.format(code=code)], capture_output=True, text=True,
                                 check=True).stdout)
            for _ in range(runs)
        ]
        print(f"| {code} | {min(times):.1f} |", flush=True)


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(PARTS), help=f"comma-separated parts: {', '.join(PARTS)}")
    parser.add_argument("--languages", default=",".join(languages.supported()), help="comma-separated codes")
    parser.add_argument("--no-peers", action="store_true", help="splitting without the peers")
    parser.add_argument("--shared", type=Path, default=None, help="the shared data folder (default: ../shared)")
    args = parser.parse_args(argv)
    shared = args.shared or find_shared()
    if shared is None or not (shared / "sbd" / "ml").is_dir():
        print("skipped: no shared data (../shared/sbd/ml): nothing to measure")
        return 0
    codes = [languages.check(code) for code in args.languages.split(",")]
    parts = args.only.split(",")
    unknown = set(parts) - set(PARTS)
    if unknown:
        sys.exit(f"--only: no part named {', '.join(sorted(unknown))}; known: {', '.join(PARTS)}")
    print(f"summarize {summarize.__version__} from {Path(summarize.__file__).resolve().parent.parent}\n")
    for part in PARTS:
        if part in parts:
            print(f"## {part}\n")
            {"split": lambda: split_table(shared, codes, not args.no_peers),
             "detect": lambda: detect_table(shared, codes),
             "keywords": lambda: keywords_table(shared, codes),
             "load": lambda: load_table(codes)}[part]()
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
