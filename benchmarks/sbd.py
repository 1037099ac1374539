#!/usr/bin/env python3
"""Benchmark the sentence splitter: throughput and hard-wrap invariance.

    python benchmarks/sbd.py FILE [FILE ...] [--field text_par] [--widths 40,72]

Each FILE is either JSONL (one record per line; the text is read from
``--field``) or plain text (the whole file is one document).  Reported per
file: MB/s of ``split_sentences`` (one process, one pass, after a warm-up
call), and for each wrap width the number of documents whose sentence
boundaries change when every paragraph is hard-wrapped with
``textwrap.fill`` (0 is the contract: wrapped text splits as unwrapped).
Boundary accuracy against gold data is measured by the shared
``sbd_eval.py``, not here.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import textwrap
import time
from pathlib import Path
from typing import List, Sequence

from summarize.sentences import split_sentences

_WS = re.compile(r"\s+")
_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")


def load(path: Path, field: str) -> List[str]:
    """Return the documents of ``path``: JSONL records' ``field``, or the whole file."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return [json.loads(line)[field] for line in text.splitlines() if line.strip()]
    return [text]


def cut_points(sentences: Sequence[str]) -> List[int]:
    """Return sentence ends counted in non-whitespace characters."""
    out, n = [], 0
    for s in sentences:
        n += len(_WS.sub("", s))
        out.append(n)
    return out


def wrapped(doc: str, width: int) -> str:
    """Hard-wrap every paragraph of ``doc`` at ``width`` columns."""
    paragraphs = _PARAGRAPH.split(doc)
    return "\n\n".join(
        textwrap.fill(p, width, break_long_words=False) for p in paragraphs
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--field", default="text_par", help="JSONL field holding the text")
    ap.add_argument("--widths", default="40,60,72,79", help="comma-separated wrap widths")
    a = ap.parse_args()
    widths = [int(w) for w in a.widths.split(",") if w]
    split_sentences("Warm-up. Data files and nltk are loaded here.")
    for path in a.files:
        docs = load(path, a.field)
        t0 = time.perf_counter()
        results = [split_sentences(d) for d in docs]
        secs = time.perf_counter() - t0
        mb = sum(len(d.encode("utf-8")) for d in docs) / 1e6
        changed = {
            w: sum(
                cut_points(split_sentences(wrapped(d, w))) != cut_points(r)
                for d, r in zip(docs, results)
            )
            for w in widths
        }
        wraps = "  ".join(f"wrap{w}: {n} changed" for w, n in changed.items())
        print(f"{path.name}: {len(docs)} docs, {mb / secs:.2f} MB/s  {wraps}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
