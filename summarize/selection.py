"""Choose sentences by score within a length budget.  Pure.

The best sentences are taken by score (ties go to the earlier sentence) until
the budget is spent, each new one discounted by how much it repeats those
already taken (maximal marginal relevance) and near-duplicates never taken;
the chosen ones are returned in document order.
"""
from __future__ import annotations

import heapq
from array import array
from typing import AbstractSet, Callable, Dict, Hashable, Iterator, List, NamedTuple, Optional, Sequence, Tuple

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
    need only be compared with the chosen sentences it shares a term with
    (the others cannot change its value; they are looked up when more than
    ``DIRECT`` are to be compared), and one with the same terms as any
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
    # Candidates never compared come from ``fresh``, best first; those
    # brought up to date wait in ``heap``.  Both by (-(upper bound on the
    # value), index): best value first, ties to the earlier.  (One heap of
    # every candidate cost a tuple a sentence: ~100 bytes, 30 times a text of
    # three-letter sentences.)
    fresh = best_first(scores, top)
    waiting = next(fresh, None)
    heap: List[Tuple[float, int]] = []
    nearest: Dict[int, float] = {}  # candidate -> greatest similarity to a compared chosen one
    compared: Dict[int, int] = {}  # candidate -> how many chosen ones ``nearest`` covers
    holders: Dict[Hashable, int] = {}  # term -> bit p set when chosen[p] (p < COMPARED) has it
    taken: Dict[int, List[int]] = {}  # hash of a term set -> the chosen sentences with such a set
    chosen: List[int] = []
    used = 0
    while len(chosen) < limit:
        if waiting is not None and (not heap or (-(scores[waiting] / top), waiting) < heap[0]):
            i, waiting = waiting, next(fresh, None)
        elif heap:
            _, i = heapq.heappop(heap)
        else:
            break
        if word_limit is not None and word_counts is not None and used + word_counts[i] > word_limit:
            continue
        mine = terms(i) if terms is not None else frozenset()
        # Hashes, not the sets, are kept for every chosen sentence: a long
        # summary would hold a set of each (terms() need not keep them).
        if repeats and mine and _repeats(mine, taken.get(hash(mine), ()), terms):
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
        if sharing_only and reference - done > DIRECT:
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


DIRECT = 8
"""Up to this many chosen sentences to compare a candidate with, it is
compared with each of them: finding those it shares a term with (one
lookup per term of the candidate) costs more than comparing a few."""


def _repeats(mine: AbstractSet[Hashable], chosen: Sequence[int], terms: Optional[Callable[[int], AbstractSet[Hashable]]]) -> bool:
    """Whether one of the ``chosen`` sentences has the terms ``mine``."""
    return terms is not None and any(terms(j) == mine for j in chosen)


RUN = 16384
"""Sentences sorted at once by ``best_first``: its memory beyond 4 bytes
a sentence."""


def best_first(scores: Sequence[float], top: float = 1.0, run: int = RUN) -> Iterator[int]:
    """The indices of ``scores`` by ``-(score / top)``, ties to the earlier,
    lazily: runs of ``run`` sentences sorted alone and kept as 4-byte
    integers, then merged, so the order of a million sentences never holds
    a million Python objects at once."""
    runs = []
    for start in range(0, len(scores), run):
        end = min(len(scores), start + run)
        keys = [-(score / top) for score in scores[start:end]]
        ordered = sorted(range(end - start), key=keys.__getitem__)  # stable: ties keep document order
        if len(scores) <= run:
            return iter(ordered)
        runs.append(array("i", [start + k for k in ordered]))
    return heapq.merge(*runs, key=lambda i: (-(scores[i] / top), i))


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
    terms: Optional[Callable[[int], AbstractSet[Hashable]]] = None,
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
    sentence always can be).  ``terms(i)``, a sentence's set of terms, makes
    long summaries cheap and keeps repeats out of them (see ``_greedy``: a
    candidate is compared with the first ``COMPARED`` sentences chosen
    only).  Returns a ``Selection``; an empty document gives no indices.
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
            terms=terms,
        )
        if not chosen:
            best = min(range(total), key=lambda i: (-scores[i], i))
            return Selection(indices=(best,), over_budget=True)
    else:
        chosen = _greedy(scores, count, similarity, redundancy, overlap, duplicate, terms=terms)
    return Selection(indices=tuple(sorted(chosen)), whole=len(chosen) == total)


def _without_fillers(scores: Sequence[float], word_counts: Sequence[int], limit: Optional[int], share: float) -> "array[int]":
    """``word_counts`` with each sentence scoring under ``share`` times the
    best made longer than ``limit``: ``_greedy`` never takes a sentence that
    does not fit."""
    floor = share * max(scores, default=0.0)
    too_long = (limit or 0) + 1
    return array("q", (n if score >= floor else max(n, too_long) for n, score in zip(word_counts, scores)))
