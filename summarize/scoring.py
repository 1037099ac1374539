"""Sentence scores from term frequencies.  Pure: no I/O, no splitting.

A sentence is worth the terms it carries.  Inputs are sentences already
reduced to their content terms (stems), so the scores never depend on how
text was tokenized or split.  Each term weighs its frequency in the document
(relative to the most frequent term), made heavier when it occurs in the
title.  A sentence's score is the sum of the weights of its distinct terms,
divided by a power of its length, then multiplied by a prior that position
and form may raise or lower but never replace: see ``Weights`` for every
knob and ``sentence_prior``.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from itertools import chain, repeat
from operator import truediv
from typing import Dict, FrozenSet, Iterable, List, Mapping, Sequence


@dataclass(frozen=True)
class Weights:
    """Every tunable knob of the scorer and of redundancy control, in one place.

    The defaults were chosen on the shared CNN dev set (3-sentence summaries)
    and checked on it with each article's first sentence(s) dropped; see
    ``benchmarks/README.md`` for the measurements behind each one.

    Term weights (``term_weights``):
    ``title_boost``: a term that also occurs in the title has its weight
    multiplied by ``1 + title_boost``.

    Sentence scores (``score_sentences`` and ``sentence_prior``):
    ``length_exponent``: summed term weights are divided by the number of
    terms raised to this power (0 = plain sum, long sentences win; 1 = plain
    mean, short sentences win).
    ``position``: the first sentence's score is multiplied by
    ``1 + position``, a later one's by ``1 + position * exp(-index /
    position_decay)``: the lead is favoured, but a sentence with clearly
    better terms still wins.
    ``quote``: factor for a sentence that opens with a quotation mark (a
    quote is rarely a summary of the story it is in).
    ``dangling``: factor for a sentence that cannot stand alone: it opens
    with a connective ("But", "And", "However") or a pronoun whose referent
    came before ("He", "They", "This").
    ``short_words``: a sentence of fewer words has its score scaled by
    ``words / short_words`` (fragments like "McCrary said." carry too few
    terms to be judged by their density).

    Selection (``selection.select``):
    ``redundancy``: how much a candidate's similarity to an already chosen
    sentence costs it, on the scale where the best score is 1 (maximal
    marginal relevance); 0 turns it off.
    ``duplicate``: a candidate whose term set overlaps a chosen sentence's
    at least this much (``Similarity.overlap``, cosine of plain term sets) is
    never chosen: it says the same thing.
    ``boilerplate``: sentences matching ``summarize/data/boilerplate.txt``
    (credits, "Click here", copyright lines) are left out of term counts and
    never chosen.
    """

    title_boost: float = 1.0
    length_exponent: float = 0.8
    position: float = 1.0
    position_decay: float = 3.0
    quote: float = 0.5
    dangling: float = 0.8
    short_words: float = 12.0
    redundancy: float = 0.3
    duplicate: float = 0.7
    boilerplate: bool = True


DEFAULT_WEIGHTS = Weights()

# What a sentence may open with when it leans on the one before it.
_DANGLING_OPENERS = frozenset(
    """but and or so yet also however meanwhile still then thus therefore moreover
    he she it they him her his its their them this these those""".split()
)
_QUOTES = "\"'\u201c\u2018\u00ab"


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
    counts = Counter(chain.from_iterable(sentences))
    if not counts:
        return {}
    top = max(counts.values())
    weight = dict(zip(counts, map(truediv, counts.values(), repeat(top))))
    for term in set(title_terms) & weight.keys():
        weight[term] = (counts[term] / top) * (1.0 + weights.title_boost)
    return weight


def sentence_prior(index: int, text: str, weights: Weights = DEFAULT_WEIGHTS) -> float:
    """Return the factor (> 0) a sentence's term score is multiplied by.

    ``index`` is the sentence's position in the body (0 = first) and
    ``text`` its text.  The factor combines position (``position``,
    ``position_decay``), form (``quote``, ``dangling``) and length
    (``short_words``), as documented on ``Weights``.
    """
    return words_prior(index, text.split(), weights)


def words_prior(index: int, words: Sequence[str], weights: Weights = DEFAULT_WEIGHTS) -> float:
    """``sentence_prior`` of a sentence given as its whitespace-separated words."""
    factor = 1.0 + weights.position * math.exp(-index / weights.position_decay)
    if (words[0][0] if words else "") in _QUOTES:
        factor *= weights.quote
    first = words[0].strip(_QUOTES + "(,").lower() if words else ""
    if first in _DANGLING_OPENERS:
        factor *= weights.dangling
    n_words = len(words)
    if n_words < weights.short_words:
        factor *= max(n_words, 1) / weights.short_words
    return factor


def score_sentences(
    sentences: Sequence[Sequence[str]],
    term_weight: Mapping[str, float],
    weights: Weights = DEFAULT_WEIGHTS,
    priors: Sequence[float] | None = None,
) -> List[float]:
    """Return one score (≥ 0) per sentence, in the order given.

    A sentence's score is the sum of the weights of its distinct terms,
    divided by ``len(terms) ** length_exponent`` so that a long sentence does
    not win by length alone, times ``priors[i]`` when priors are given (see
    ``sentence_prior``).  A sentence without terms scores 0.
    """
    scores = []
    weight_of, exponent = term_weight.get, weights.length_exponent
    for i, terms in enumerate(sentences):
        if not terms:
            scores.append(0.0)
            continue
        # fsum: exact, so the score cannot depend on the set's (hash-seeded) order.
        total = math.fsum(map(weight_of, set(terms), repeat(0.0)))
        score = total / math.pow(len(terms), exponent)
        if priors is not None:
            score *= priors[i]
        scores.append(score)
    return scores


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
    """Sentences whose term sets and norms are kept at once (the cache is
    emptied when full): a long summary compares nearly every sentence, and a
    set of ten terms takes about 700 bytes, more than the sentence's text."""

    def __init__(self, sentences: Sequence[Sequence[str]], term_weight: Mapping[str, float]) -> None:
        self._sentences = sentences
        self._weight = term_weight
        # Term sets and norms are made for a sentence when it is compared:
        # selection compares only a few of a document's sentences, unless
        # the summary is long.
        self._sets: Dict[int, FrozenSet[str]] = {}
        self._norms: Dict[int, float] = {}

    def _set(self, i: int) -> FrozenSet[str]:
        terms = self._sets.get(i)
        if terms is None:
            if len(self._sets) >= self.CACHED:
                self._sets.clear()
                self._norms.clear()
            terms = self._sets[i] = frozenset(self._sentences[i])
        return terms

    def _norm(self, i: int) -> float:
        norm = self._norms.get(i)
        if norm is None:
            norm = self._norms[i] = math.sqrt(self._sum_of_squares(self._set(i)))
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
