"""How much two sentences say alike, from their terms.  Pure: no I/O.

Selection (``summarize.selection``) asks it for redundancy control
(weighted cosine) and duplicate detection (plain term-set overlap).
"""
from __future__ import annotations

import math
from itertools import repeat
from typing import Dict, FrozenSet, Iterable, Mapping, Sequence


class Similarity:
    """How much two sentences say alike, from their terms; both measures in [0, 1].

    Calling it gives the cosine of the sentences as vectors of their distinct
    terms, each counting with its document weight: sharing the document's
    main terms makes two sentences similar (redundancy control weighs this).
    ``overlap`` gives the cosine of the plain term sets: near 1 only when
    two sentences use nearly the same words (duplicate detection uses this).
    Two sentences sharing no term score 0, two with the same terms 1.  Sums
    are exact (``math.fsum``), so results never depend on set iteration order.
    """

    CACHED = 4096
    """Term sets and norms kept at once (the cache is emptied when full): a
    long summary compares nearly every sentence, and a set of ten terms
    takes about 700 bytes, more than the sentence's text."""

    def __init__(self, sentences: Sequence[Sequence[str]], term_weight: Mapping[str, float]) -> None:
        self._sentences = sentences
        self._weight = term_weight
        # Term sets and norms are made for a sentence when it is first
        # compared (selection compares only a few of a document's sentences),
        # and kept by its terms object, not its index: the core shares one
        # object among sentences with the same terms, so a text that repeats
        # one sentence many times (all compared, all refused) keeps one.
        # (The objects live as long as ``sentences``, so their ids stay theirs.)
        self._sets: Dict[int, FrozenSet[str]] = {}
        self._norms: Dict[int, float] = {}

    def _set(self, i: int) -> FrozenSet[str]:
        terms_of_i = self._sentences[i]
        terms = self._sets.get(id(terms_of_i))
        if terms is None:
            if len(self._sets) >= self.CACHED:
                self._sets.clear()
                self._norms.clear()
            terms = self._sets[id(terms_of_i)] = frozenset(terms_of_i)
        return terms

    def _norm(self, i: int) -> float:
        key = id(self._sentences[i])
        norm = self._norms.get(key)
        if norm is None:
            norm = self._norms[key] = math.sqrt(self._sum_of_squares(self._set(i)))
        return norm

    def _sum_of_squares(self, terms: Iterable[str]) -> float:
        return math.fsum(map(pow, map(self._weight.get, terms, repeat(0.0)), repeat(2)))

    def __call__(self, i: int, j: int) -> float:
        """Similarity of sentences ``i`` and ``j`` (0 when either has no weighted term)."""
        norm_i, norm_j = self._norm(i), self._norm(j)
        if not norm_i or not norm_j:
            return 0.0
        shared = self._sum_of_squares(self._set(i) & self._set(j))
        return min(1.0, shared / (norm_i * norm_j))

    def terms(self, i: int) -> FrozenSet[str]:
        """Sentence ``i``'s distinct terms.  Two sentences sharing none have
        similarity and overlap 0; two with the same (not none) an overlap of
        exactly 1 (what ``selection.select`` relies on)."""
        return self._set(i)

    def overlap(self, i: int, j: int) -> float:
        """Shared terms of ``i`` and ``j`` over the geometric mean of their term counts (0 without terms)."""
        a, b = self._set(i), self._set(j)
        if not a or not b:
            return 0.0
        return len(a & b) / math.sqrt(len(a) * len(b))
