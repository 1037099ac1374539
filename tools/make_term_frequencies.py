#!/usr/bin/env python3
"""Derive ``summarize/data/term_frequencies.txt`` from the ``wordfreq`` package.

    pip install wordfreq==3.1.1 && python tools/make_term_frequencies.py [--words 40000]

The scorer weighs a term by how rare it is in English at large (an inverse
document frequency without a document collection).  This script takes the
``--words`` most frequent English words from wordfreq, reduces each to the
term the summarizer scores it by (``summarize.terms.content_terms``: stopwords
and numbers dropped, possessive removed, Porter stem), adds up the
frequencies of the words sharing a stem and writes one line per stem:
``stem zipf``, most frequent first, where zipf = log10(frequency per billion
words).  Nothing here comes from the evaluation data.

wordfreq's code is Apache-2.0; its word lists are CC BY-SA 4.0 (see
https://github.com/rspeer/wordfreq#license), so the derived file is
CC BY-SA 4.0 too, and says so in its header.
"""
from __future__ import annotations

import argparse
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarize.terms import content_terms  # noqa: E402

HEADER = """\
# English term frequencies for summarize's rarity (IDF-like) weights.
# One line per term: a Porter stem as summarize.terms.content_terms makes it,
# then its Zipf frequency: log10(occurrences per billion words), summed over
# the words that share the stem.  Most frequent first.
# Derived by tools/make_term_frequencies.py from the {words} most frequent
# English words of wordfreq {version} (Robyn Speer et al.,
# https://github.com/rspeer/wordfreq), whose data is licensed CC BY-SA 4.0
# (https://creativecommons.org/licenses/by-sa/4.0/); this derived list is
# under the same license.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=40000, help="how many of the most frequent words to use")
    parser.add_argument("--out", type=Path, default=ROOT / "summarize" / "data" / "term_frequencies.txt")
    args = parser.parse_args()

    import wordfreq
    from importlib.metadata import version

    frequency = defaultdict(float)
    for word in wordfreq.top_n_list("en", args.words):
        terms = content_terms(word)
        if len(terms) == 1:
            frequency[terms[0]] += wordfreq.word_frequency(word, "en")
    rows = sorted(frequency.items(), key=lambda kv: (-kv[1], kv[0]))
    with args.out.open("w", encoding="utf-8") as f:
        f.write(HEADER.format(words=args.words, version=version("wordfreq")))
        for term, freq in rows:
            f.write(f"{term} {math.log10(freq) + 9:.1f}\n")
    print(f"{len(rows)} terms -> {args.out} ({args.out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
