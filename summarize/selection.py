"""Choose sentences by score within a length budget.  Pure.

The best sentences are taken by score (ties go to the earlier sentence) until
the budget is spent, each new one discounted by how much it repeats those
already taken (maximal marginal relevance) and near-duplicates never taken;
the chosen ones are returned in document order.
"""
from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from typing import AbstractSet, Callable, Dict, Hashable, List, Optional, Sequence, Tuple

from .errors import BudgetError

DEFAULT_SENTENCES = 3


@dataclass(frozen=True)
class Budget:
    """How long a summary may be: exactly one of the three limits is set.

    ``sentences``: at most this many sentences (≥ 1).
    ``ratio``: this share of the document's sentences, 0 < ratio ≤ 1, rounded
    to the nearest whole sentence and at least one.
    ``words``: at most this many words in all (≥ 1), counted as
    whitespace-separated tokens.
    """

    sentences: Optional[int] = None
    ratio: Optional[float] = None
    words: Optional[int] = None

    @classmethod
    def of(
        cls,
        sentences: Optional[int] = None,
        ratio: Optional[float] = None,
        words: Optional[int] = None,
    ) -> "Budget":
        """Validate and build a budget; none given means ``DEFAULT_SENTENCES``.

        Raises ``BudgetError`` when more than one limit is given or a limit
        is out of range.
        """
        given = [name for name, v in (("sentences", sentences), ("ratio", ratio), ("words", words)) if v is not None]
        if len(given) > 1:
            raise BudgetError(f"give only one length limit, not {' and '.join(given)}")
        if sentences is not None and (isinstance(sentences, bool) or int(sentences) != sentences or sentences < 1):
            raise BudgetError(f"sentences must be a whole number of at least 1, not {sentences!r}")
        if ratio is not None and not (0 < ratio <= 1):
            raise BudgetError(f"ratio must be greater than 0 and at most 1, not {ratio!r}")
        if words is not None and (isinstance(words, bool) or int(words) != words or words < 1):
            raise BudgetError(f"words must be a whole number of at least 1, not {words!r}")
        if not given:
            sentences = DEFAULT_SENTENCES
        return cls(sentences=sentences, ratio=ratio, words=words)

    def as_dict(self) -> dict:
        """The one limit that is set, as ``{name: value}``."""
        return {k: v for k, v in (("sentences", self.sentences), ("ratio", self.ratio), ("words", self.words)) if v is not None}


@dataclass(frozen=True)
class Selection:
    """The chosen sentence indices in document order.

    ``whole``: every sentence of the document was chosen (it has no more
    than the budget allows, and none repeats another).  ``over_budget``: not
    even the best sentence fits the word budget; it was chosen alone anyway.
    """

    indices: Tuple[int, ...]
    whole: bool = False
    over_budget: bool = False


def rank(scores: Sequence[float]) -> list:
    """Indices ordered best first; equal scores keep document order."""
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))


# A measure between two sentences, given by their indices, in [0, 1].
PairMeasure = Callable[[int, int], float]


COMPARED = 64
"""A candidate is compared with at most this many chosen sentences: the
first ones chosen, the best.  Summaries of up to ``COMPARED + 1`` sentences
are exactly those of comparing with every chosen sentence; past that, the
cost of a summary grows linearly with the document instead of with the
document times the summary."""


def _greedy(
    scores: Sequence[float],
    limit: int,
    similarity: Optional[PairMeasure] = None,
    redundancy: float = 0.0,
    overlap: Optional[PairMeasure] = None,
    duplicate: float = 1.0,
    word_counts: Optional[Sequence[int]] = None,
    word_limit: Optional[int] = None,
    terms: Optional[Callable[[int], AbstractSet[Hashable]]] = None,
) -> List[int]:
    """Choose up to ``limit`` sentences, one at a time, by maximal marginal relevance.

    Each step takes the candidate with the best ``score / best score -
    redundancy * (its greatest similarity to a chosen sentence)`` (ties to the
    earlier sentence) among those that still fit ``word_limit`` words when one
    is given.  A candidate whose ``overlap`` (or, without it, similarity)
    with a chosen sentence reaches ``duplicate`` is never taken, so the
    result may be shorter than ``limit``.  Without either this is plain
    ranking by score.

    "A chosen sentence" is one of the first ``COMPARED`` chosen: comparing
    each candidate with every chosen sentence costs the document's length
    times the summary's (66 s for all the sentences of 300 KB).

    ``terms(i)``, when given, is sentence ``i``'s set of terms, with the
    promise that two sentences sharing no term have similarity and overlap
    0, and two with the same terms (not none) an overlap of 1.  A candidate
    is then compared only with the chosen sentences it shares a term with
    (the others cannot change its value), and one with the same terms as any
    chosen sentence is a repeat, never taken, however long the summary.

    Lazy evaluation, exact: a candidate's value only falls as sentences are
    chosen, so a value computed earlier is an upper bound on its value now.
    Candidates wait in a heap by that bound (ties to the earlier sentence);
    the top one is brought up to date against the sentences chosen since,
    and taken when it is already up to date, since then no other can beat
    it.  A step usually refreshes only a few candidates, where visiting all
    of them per step is quadratic on a long text with a long summary.  A
    candidate that repeats a chosen sentence, or no longer fits the word
    budget, leaves the heap for good (both only grow).
    """
    if not scores:
        return []
    top = max(max(scores), 0.0) or 1.0
    same = overlap if overlap is not None else similarity
    # Sharing no term means measures of 0: no effect unless 0 already counts as a repeat.
    sharing_only = terms is not None and duplicate > 0.0
    # The same terms mean an overlap of 1: a repeat unless overlap is not the test.
    repeats = terms is not None and overlap is not None and duplicate <= 1.0
    # (-(upper bound on the value), index): best value first, ties to the earlier.
    heap = [(-(scores[i] / top), i) for i in range(len(scores))]
    heapq.heapify(heap)
    nearest: Dict[int, float] = {}  # candidate -> greatest similarity to a compared chosen one
    compared: Dict[int, int] = {}  # candidate -> how many chosen ones ``nearest`` covers
    holders: Dict[Hashable, int] = {}  # term -> bit p set when chosen[p] (p < COMPARED) has it
    taken: Dict[int, List[int]] = {}  # hash of a term set -> the chosen sentences with such a set
    chosen: List[int] = []
    used = 0
    while heap and len(chosen) < limit:
        _, i = heapq.heappop(heap)
        if word_limit is not None and word_counts is not None and used + word_counts[i] > word_limit:
            continue
        mine = terms(i) if terms is not None else frozenset()
        # Hashes, not the sets, are kept for every chosen sentence: a long
        # summary would hold a set of each (terms() need not keep them).
        if repeats and mine and any(terms(j) == mine for j in taken.get(hash(mine), ())):  # type: ignore[misc]
            continue
        reference = min(len(chosen), COMPARED)
        done = compared.get(i, 0)
        if done == reference:
            if repeats and mine:
                taken.setdefault(hash(mine), []).append(i)
            if sharing_only and len(chosen) < COMPARED:
                bit = 1 << len(chosen)
                for term in mine:
                    holders[term] = holders.get(term, 0) | bit
            chosen.append(i)
            if word_counts is not None:
                used += word_counts[i]
            continue
        if sharing_only:
            mask = 0
            for term in mine:
                mask |= holders.get(term, 0)
            mask = (mask >> done) & ((1 << (reference - done)) - 1)
            others = []
            while mask:  # the positions of its bits, in order
                lowest = mask & -mask
                others.append(chosen[done + lowest.bit_length() - 1])
                mask ^= lowest
        else:
            others = chosen[done:reference]
        near = nearest.get(i, 0.0)
        repeated = False
        for j in others:
            if similarity is not None:
                near = max(near, similarity(i, j))
            if same is not None and same(i, j) >= duplicate:
                repeated = True
                break
        if repeated:
            continue
        nearest[i], compared[i] = near, reference
        heapq.heappush(heap, (-(scores[i] / top - redundancy * near), i))
    return chosen


def select(
    scores: Sequence[float],
    word_counts: Sequence[int],
    budget: Budget,
    similarity: Optional[PairMeasure] = None,
    redundancy: float = 0.0,
    duplicate: float = 1.0,
    overlap: Optional[PairMeasure] = None,
    terms: Optional[Callable[[int], AbstractSet[Hashable]]] = None,
) -> Selection:
    """Choose sentences within ``budget``.

    ``scores`` and ``word_counts`` hold one entry per sentence, in document
    order.  ``similarity(i, j)``, in [0, 1], lets the choice avoid saying the
    same thing twice: a candidate's normalized score (best = 1) is lowered by
    ``redundancy`` times its greatest similarity to a sentence already chosen,
    and a candidate whose ``overlap(i, j)`` (default: ``similarity``) with
    one reaches ``duplicate`` is never chosen (so a summary may have fewer
    sentences than allowed).  ``terms(i)``, a sentence's set of terms, makes
    long summaries cheap and keeps repeats out of them (see ``_greedy``: a
    candidate is compared with the first ``COMPARED`` sentences chosen
    only).  Returns a ``Selection``; an empty document gives no indices.
    """
    total = len(scores)
    if total == 0:
        return Selection(indices=())
    limit, word_limit = total, budget.words
    if word_limit is None:
        if budget.ratio is not None:
            limit = max(1, int(math.floor(budget.ratio * total + 0.5)))
        else:
            limit = min(int(budget.sentences or DEFAULT_SENTENCES), total)
    chosen = _greedy(
        scores,
        limit,
        similarity=similarity,
        redundancy=redundancy,
        overlap=overlap,
        duplicate=duplicate,
        word_counts=word_counts if word_limit is not None else None,
        word_limit=word_limit,
        terms=terms,
    )
    if word_limit is not None and not chosen:
        return Selection(indices=(rank(scores)[0],), over_budget=True)
    return Selection(indices=tuple(sorted(chosen)), whole=len(chosen) == total)
