"""Sentence scores from term frequencies.  Pure: no I/O, no splitting.

Inputs are sentences already reduced to their content terms (stems), so the
scores never depend on how text was tokenized or split.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Dict, Iterable, List, Sequence


@dataclass(frozen=True)
class Weights:
    """Tunable knobs of the scorer, in one place.

    ``title_boost``: a term that also occurs in the title has its weight
    multiplied by ``1 + title_boost``.
    ``length_exponent``: a sentence's summed term weights are divided by its
    number of terms raised to this power (0 = plain sum, long sentences win;
    1 = plain mean, short sentences win).
    """

    title_boost: float = 1.0
    length_exponent: float = 0.5


DEFAULT_WEIGHTS = Weights()


def term_weights(
    sentences: Sequence[Sequence[str]],
    title_terms: Iterable[str] = (),
    weights: Weights = DEFAULT_WEIGHTS,
) -> Dict[str, float]:
    """Return each term's weight in the document, between 0 and ``1 + title_boost``.

    ``sentences`` holds each sentence's terms.  A term's weight is its count
    in the document divided by the largest count of any term, raised for
    terms that occur in ``title_terms``.
    """
    counts: Counter = Counter()
    for terms in sentences:
        counts.update(terms)
    if not counts:
        return {}
    top = max(counts.values())
    title = set(title_terms)
    return {
        term: (count / top) * (1.0 + weights.title_boost if term in title else 1.0)
        for term, count in counts.items()
    }


def score_sentences(
    sentences: Sequence[Sequence[str]],
    term_weight: Dict[str, float],
    weights: Weights = DEFAULT_WEIGHTS,
) -> List[float]:
    """Return one score (≥ 0) per sentence, in the order given.

    A sentence's score is the sum of the weights of its distinct terms,
    divided by ``len(terms) ** length_exponent`` so that a long sentence does
    not win by length alone.  A sentence without terms scores 0.
    """
    scores = []
    for terms in sentences:
        if not terms:
            scores.append(0.0)
            continue
        total = sum(term_weight.get(t, 0.0) for t in set(terms))
        scores.append(total / math.pow(len(terms), weights.length_exponent))
    return scores
