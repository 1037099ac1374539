"""Sentence centrality by PageRank over the sentences that share terms,
counted in linear time through the terms.  Pure: no I/O.

Two sentences are linked by the cosine of their distinct term sets (the
terms they share over the square root of the product of their term
counts).  PageRank over that graph gives a sentence the rank that the
sentences linked to it pass on, each in proportion to its links: a sentence
is central when it shares terms with other central sentences, not merely
with many.  Compared pair by pair that is quadratic in the sentences; here
each step goes through the terms instead: a term collects what the
sentences holding it pass on (``Rank.mass``), and a sentence receives what
its terms collected, less what it passed on itself (``Rank.own``), so each
step costs one look at every term of every sentence.

A sentence's rank splits into shares by term (``Rank.share``): what the
other sentences holding that term passed on.  That is what ``--explain``
shows for it.
"""
from __future__ import annotations

import math
from array import array
from itertools import repeat
from dataclasses import dataclass
from typing import Collection, Dict, Iterable, List, Sequence

STEPS = 5
"""Power-iteration steps.  The order of the top sentences settles in a few
steps: the 7 best-ranked sentences alone (no prior, no selection rules) of
the BBC dev articles scored R1 74.5 after one step, 75.6 after two, 75.7
after five and 75.6 after twenty (benchmarks/README.md)."""
DAMPING = 0.85
"""PageRank's damping factor (the usual one)."""


@dataclass(frozen=True)
class Rank:
    """The PageRank of a document's sentences, split by term.

    ``mass``: each term's collected rank: the sum over the sentences holding
    it of what each passes on through one of its terms.  ``own``: what
    sentence ``i`` passes on through each of its terms (taken off its own
    terms' mass: a sentence does not vote for itself).  ``norm``: ``1 /
    sqrt(distinct terms)`` of sentence ``i`` (0 without terms).
    """

    mass: Dict[str, float]
    own: "array[float]"
    norm: "array[float]"

    def share(self, i: int, term: str) -> float:
        """What ``term`` brings to sentence ``i``'s rank (≥ 0 up to rounding)."""
        return self.norm[i] * (self.mass.get(term, 0.0) - self.own[i])

    def score(self, i: int, terms: Iterable[str]) -> float:
        """Sentence ``i``'s rank (up to PageRank's constant and damping):
        the sum of ``share`` over its distinct ``terms``, exact (``fsum``)."""
        return _received(self.mass, self.own[i], self.norm[i], set(terms))


def _received(mass: Dict[str, float], own: float, norm: float, distinct: Collection[str]) -> float:
    """What a sentence of ``norm`` that passed on ``own`` through each of
    its ``distinct`` terms receives through them from the others (``mass``)."""
    if not distinct:
        return 0.0
    return norm * (math.fsum(map(mass.get, distinct, repeat(0.0))) - len(distinct) * own)


def rank(sentences: Sequence[Sequence[str]], steps: int = STEPS, damping: float = DAMPING) -> Rank:
    """PageRank of ``sentences`` (each a sequence of terms) in the graph of
    shared terms (see the module), after ``steps`` steps from rank 1 each.

    Memory: four floats and a reference a sentence, one float a term; a
    sentence's terms are copied only when one repeats (its distinct terms).
    """
    n = len(sentences)
    # Each sentence's distinct terms, in order: the sentence itself when no term repeats.
    distinct: List[Sequence[str]] = [
        terms if len(set(terms)) == len(terms) else tuple(dict.fromkeys(terms)) for terms in sentences
    ]
    norm = array("d", bytes(8 * n))
    # A term's reach: the sum of norm over the sentences holding it; a
    # sentence's degree is norm times the reach of its terms, less itself.
    reach: Dict[str, float] = {}
    for i, terms in enumerate(distinct):
        if terms:
            q = norm[i] = 1.0 / math.sqrt(len(terms))
            for term in terms:
                reach[term] = reach.get(term, 0.0) + q
    degree = array("d", bytes(8 * n))
    for i, terms in enumerate(distinct):
        q = norm[i]
        if q:
            degree[i] = q * (math.fsum(map(reach.__getitem__, terms)) - len(terms) * q)
    del reach
    own = array("d", bytes(8 * n))
    value = array("d", [1.0]) * n

    def passed_on() -> Dict[str, float]:
        # What each sentence passes through each of its terms: its rank over its degree, times its norm.
        mass: Dict[str, float] = {}
        for i, terms in enumerate(distinct):
            d = degree[i]
            passed = own[i] = value[i] * norm[i] / d if d > 0 else 0.0
            if passed:
                for term in terms:
                    mass[term] = mass.get(term, 0.0) + passed
        return mass

    mass = passed_on()
    for _ in range(steps - 1):
        for i, terms in enumerate(distinct):
            value[i] = (1.0 - damping) + damping * _received(mass, own[i], norm[i], terms)
        mass = passed_on()
    return Rank(mass, own, norm)
