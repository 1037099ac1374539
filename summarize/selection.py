"""Choose sentences by score within a length budget.  Pure.

The best sentences are taken by score (ties go to the earlier sentence) until
the budget is spent, each new one discounted by how much it repeats those
already taken (maximal marginal relevance) and near-duplicates never taken;
the chosen ones are returned in document order.
"""
from __future__ import annotations

import heapq
from typing import Callable, Dict, List, NamedTuple, Optional, Sequence, Tuple

from .budget import Budget


class Selection(NamedTuple):
    """The chosen sentence indices in document order.

    ``whole``: every sentence of the document was chosen (it has no more
    than the budget allows, and none repeats another).  ``over_budget``: not
    even the best sentence fits the word budget; it was chosen alone anyway.
    """

    indices: Tuple[int, ...]
    whole: bool = False
    over_budget: bool = False


def rank(scores: Sequence[float]) -> List[int]:
    """Indices ordered best first; equal scores keep document order."""
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))


# A measure between two sentences, given by their indices, in [0, 1].
PairMeasure = Callable[[int, int], float]


def _greedy(
    scores: Sequence[float],
    limit: int,
    similarity: Optional[PairMeasure] = None,
    redundancy: float = 0.0,
    overlap: Optional[PairMeasure] = None,
    duplicate: float = 1.0,
    word_counts: Optional[Sequence[int]] = None,
    word_limit: Optional[int] = None,
) -> List[int]:
    """Choose up to ``limit`` sentences, one at a time, by maximal marginal relevance.

    Each step takes the candidate with the best ``score / best score -
    redundancy * (its greatest similarity to a chosen sentence)`` (ties to the
    earlier sentence) among those that still fit ``word_limit`` words when one
    is given.  A candidate whose ``overlap`` (or, without it, similarity)
    with a chosen sentence reaches ``duplicate`` is never taken, so the
    result may be shorter than ``limit``.  Without either this is plain
    ranking by score.

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
    # (-(upper bound on the value), index): best value first, ties to the earlier.
    heap = [(-(scores[i] / top), i) for i in range(len(scores))]
    heapq.heapify(heap)
    nearest: Dict[int, float] = {}  # candidate -> greatest similarity to a chosen one
    compared: Dict[int, int] = {}  # candidate -> how many chosen ones ``nearest`` covers
    chosen: List[int] = []
    used = 0
    while heap and len(chosen) < limit:
        _, i = heapq.heappop(heap)
        if word_limit is not None and word_counts is not None and used + word_counts[i] > word_limit:
            continue
        if compared.get(i, 0) == len(chosen):
            chosen.append(i)
            if word_counts is not None:
                used += word_counts[i]
            continue
        near = nearest.get(i, 0.0)
        repeated = False
        for j in chosen[compared.get(i, 0):]:
            if similarity is not None:
                near = max(near, similarity(i, j))
            if same is not None and same(i, j) >= duplicate:
                repeated = True
                break
        if repeated:
            continue
        nearest[i], compared[i] = near, len(chosen)
        heapq.heappush(heap, (-(scores[i] / top - redundancy * near), i))
    return chosen


FILLER_SHARE = 0.1
"""Under a word budget, a sentence scoring less than this share of the best
is never chosen: a budget is a limit, not a quota, and short sentences that
say little ("Alas!") would fill what is left of it."""


def select(
    scores: Sequence[float],
    word_counts: Sequence[int],
    budget: Budget,
    similarity: Optional[PairMeasure] = None,
    redundancy: float = 0.0,
    duplicate: float = 1.0,
    overlap: Optional[PairMeasure] = None,
    filler_share: float = FILLER_SHARE,
) -> Selection:
    """Choose sentences within ``budget``.

    ``scores`` and ``word_counts`` hold one entry per sentence, in document
    order.  ``similarity(i, j)``, in [0, 1], lets the choice avoid saying the
    same thing twice: a candidate's normalized score (best = 1) is lowered by
    ``redundancy`` times its greatest similarity to a sentence already chosen,
    and a candidate whose ``overlap(i, j)`` (default: ``similarity``) with
    one reaches ``duplicate`` is never chosen (so a summary may have fewer
    sentences than allowed).  Under a word budget, a sentence scoring under
    ``filler_share`` times the best score is never chosen either (the best
    sentence always can be).  Returns a ``Selection``; an empty document
    gives no indices.
    """
    total = len(scores)
    if total == 0:
        return Selection(indices=())
    count = budget.count(total)
    if count is None:  # a word budget
        chosen = _greedy(
            scores,
            total,
            similarity,
            redundancy,
            overlap,
            duplicate,
            word_counts=_without_fillers(scores, word_counts, budget.words, filler_share),
            word_limit=budget.words,
        )
        if not chosen:
            return Selection(indices=(rank(scores)[0],), over_budget=True)
    else:
        chosen = _greedy(scores, count, similarity, redundancy, overlap, duplicate)
    return Selection(indices=tuple(sorted(chosen)), whole=len(chosen) == total)


def _without_fillers(scores: Sequence[float], word_counts: Sequence[int], limit: Optional[int], share: float) -> List[int]:
    """``word_counts`` with each sentence scoring under ``share`` times the
    best made longer than ``limit``: ``_greedy`` never takes a sentence that
    does not fit."""
    floor = share * max(scores, default=0.0)
    too_long = (limit or 0) + 1
    return [n if score >= floor else max(n, too_long) for n, score in zip(word_counts, scores)]
