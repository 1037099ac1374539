"""Sentence scores from term frequencies.  Pure: no I/O, no splitting.

A sentence is worth the terms it carries.  Inputs are sentences already
reduced to their content terms (stems), so the scores never depend on how
text was tokenized or split.  Each term weighs its frequency in the document
(relative to the most frequent term), made heavier when it occurs in the
title.  A sentence's score is the sum of the weights of its distinct terms,
divided by a power of its length, then multiplied by a prior that position
and form may raise or lower but never replace: see ``Weights`` for every
knob and ``words_prior``.  What the document shows (a dateline, the share
of it the summary takes: ``Signals``) adapts the knobs: a long summary of
an undated text counts each term by what the sentence shares with the rest
of the text (``score_weights``), without the lead's and the title's favour.
"""
from __future__ import annotations

import math
from array import array
from collections import Counter
from dataclasses import dataclass, replace
from itertools import chain, repeat
from operator import truediv
from typing import AbstractSet, Dict, Iterable, Mapping, Optional, Sequence

from . import ranking
from .ranking import Rank
from .terms import tokens_terms


@dataclass(frozen=True)
class Weights:
    """Every tunable knob of the scorer and of redundancy control, in one place.

    The defaults were chosen on the shared CNN dev set (3-sentence summaries)
    and checked on it with each article's first sentence(s) dropped; see
    ``benchmarks/README.md`` for the measurements behind each one.

    Term weights (``term_weights``):
    ``title_boost``: a term that also occurs in the title has its weight
    multiplied by ``1 + title_boost``.

    Sentence scores (``score_sentences`` and ``words_prior``):
    ``length_exponent``: summed term weights are divided by the number of
    terms raised to this power (0 = plain sum, long sentences win; 1 = plain
    mean, short sentences win).
    ``position``: the first sentence's score is multiplied by
    ``1 + position``, a later one's by ``1 + position * exp(-index /
    position_decay)``: the lead is favoured, but a sentence with clearly
    better terms still wins.
    ``quote``: factor for a sentence that opens with a quotation mark (a
    quote is rarely a summary of the story it is in).
    ``quote_by_share``: the ``quote`` factor counts by how much of the
    sentence the opening quotation holds: ``quote ** (words inside /
    words)``.  What stands outside (who said it, of what) still says
    something on its own: '"Cinderella," the latest Disney film, earned $70
    million.' is hardly lowered, a sentence that is all quote fully.
    ``dangling``: factor for a sentence that cannot stand alone: it opens
    with a connective ("But", "And", "However") or a pronoun whose referent
    came before ("He", "They", "This").
    ``determiners``: "This", "These", "Those" before a content word are
    determiners that name what they point at ("This paper proposes ...",
    "These results show ..."), not dangling pronouns ("This is ...").
    ``short_words``: a sentence of fewer words has its score scaled by
    ``words / short_words`` (fragments like "McCrary said." carry too few
    terms to be judged by their density).

    Selection (``selection.select``):
    ``redundancy``: how much a candidate's similarity to an already chosen
    sentence costs it, on the scale where the best score is 1 (maximal
    marginal relevance); 0 turns it off.
    ``duplicate``: a candidate whose term set overlaps a chosen sentence's
    at least this much (``similarity.Similarity.overlap``, cosine of plain term sets) is
    never chosen: it says the same thing.
    ``boilerplate``: sentences matching ``summarize/data/<language>/boilerplate.txt``
    (credits, "Click here", copyright lines) are left out of term counts and
    never chosen.

    Adapted to what the document shows (``adapted``, given ``Signals``):
    ``undated_position``: without a news dateline ("(CNN) --", "Rome (AFP)
    –"), ``position`` is multiplied by this.  A dateline marks
    wire-style news, written as an inverted pyramid: its lead is the
    summary.  Other text (papers, features, news pages without one) leads
    with background as often as with the point.
    ``one_sentence_exponent``: the ``length_exponent`` for a summary of one
    sentence (``None``: the same).  One sentence must stand for the whole
    text, so it is the one most like the whole: with 0.5 the score is (up to
    repeated terms and the prior) the cosine between the sentence's term set
    and the document's term weights; several sentences share the job, and
    each should be dense.
    ``redundancy_share``: redundancy control fades as the summary takes a
    larger share of the document: ``redundancy * max(0, 1 - share /
    redundancy_share)`` (0: no fading).  A summary holding a third of a text
    must repeat its main terms; penalising that starves it of the central
    sentences.

    Centrality: a summary that takes a large share of an undated text is a
    shortened text, made of the sentences most like the whole, not its lead
    and its plainest statements.  ``central_share``: without a dateline,
    ``c = min(1, share / central_share)`` (0: never; a dateline always gives
    0: wire news keeps its lead at any length); each ``central_*`` knob
    below is the value its knob reaches at ``c = 1``, moving in a straight
    line from its own value as ``c`` grows (``None``: not moved).
    ``central_position`` for ``position`` (after ``undated_position``),
    ``central_quote`` for ``quote``, ``central_dangling`` for ``dangling``,
    ``central_title_boost`` for ``title_boost`` (a long summary stands for
    the body, not for the headline's words), ``central_exponent`` for
    ``length_exponent`` (after ``one_sentence_exponent``) and
    ``central_others`` for ``others``.
    ``others``: how far a term's weight in a sentence's score counts only
    its occurrences in the other sentences: the weight is multiplied by
    ``1 - others / count`` (``count``: the term's occurrences in the
    document; ``score_weights``).  At 1 a term the sentence alone holds adds
    nothing and one found in n places adds (n - 1) / n of its weight: the
    sentence is worth what it shares with the rest of the text, its degree
    in the graph of sentences sharing terms, counted in linear time.

    The writer's voice: ``voice``: a sentence in which the writers speak of
    themselves ("we", "our": the language's ``first_person.txt``) outside
    any quotation mark has its prior multiplied by ``1 + voice``: in a text
    that speaks for itself (a paper, a report, an essay) that is where it
    says what it does or claims ("We propose ...", "Our results show
    ...").  ``voice_quotes``: the factor fades as the document quotes
    others: ``voice * max(0, 1 - quotes / voice_quotes)``, ``quotes``
    being the document's quotation marks per sentence (``Signals.quotes``);
    a dateline turns it off (wire news speaks in the third person, and its
    "we" is a source's).

    Rank: ``rank``: the part of a sentence's score given to its PageRank
    in the graph of sentences sharing terms (``summarize.ranking``), scaled
    so that the top rank equals the top term-frequency score; the rest is
    the term-frequency score times the prior (0: term frequency alone; the
    rank takes no prior).  A sentence is then worth what it shares with the
    other central sentences.  ``central_rank``: the value ``rank`` reaches
    at ``c = 1``; it starts moving only from ``c = rank_from`` on (a summary
    of a fifth of the text with the defaults), in a straight line: one
    sentence must carry the point (the voice, the title, the lead), a long
    summary is a shortened text.
    """

    title_boost: float = 1.0
    length_exponent: float = 0.8
    position: float = 1.0
    position_decay: float = 3.0
    quote: float = 0.5
    quote_by_share: bool = True
    dangling: float = 0.8
    determiners: bool = True
    short_words: float = 12.0
    redundancy: float = 0.3
    duplicate: float = 0.7
    boilerplate: bool = True
    others: float = 0.0
    undated_position: float = 0.5
    one_sentence_exponent: Optional[float] = 0.5
    redundancy_share: float = 0.4
    central_share: float = 0.4
    central_position: Optional[float] = 0.0
    central_quote: Optional[float] = 1.0
    central_dangling: Optional[float] = 1.0
    central_title_boost: Optional[float] = 0.0
    central_exponent: Optional[float] = 0.5
    central_others: Optional[float] = 1.0
    voice: float = 0.3
    voice_quotes: float = 0.2
    rank: float = 0.0
    central_rank: Optional[float] = 1.0
    rank_from: float = 0.5

    def centrality(self, signals: "Signals") -> float:
        """How far toward centrality the scorer moves for a document showing
        ``signals``, in [0, 1]: 0 with a dateline, else ``share /
        central_share`` up to 1 (see ``central_share``)."""
        if signals.dateline or self.central_share <= 0:
            return 0.0
        return min(1.0, signals.share / self.central_share)

    def adapted(self, signals: "Signals") -> "Weights":
        """These weights as they apply to one document: ``position``,
        ``length_exponent``, ``redundancy``, ``quote``, ``dangling``,
        ``title_boost``, ``others``, ``voice`` and ``rank`` set from ``signals`` (see the
        adaptation fields above), the adaptation fields left as they are."""
        position = self.position if signals.dateline else self.position * self.undated_position
        exponent = self.length_exponent
        if signals.sentences <= 1 and self.one_sentence_exponent is not None:
            exponent = self.one_sentence_exponent
        redundancy = self.redundancy
        if self.redundancy_share > 0:
            redundancy *= max(0.0, 1.0 - signals.share / self.redundancy_share)
        c = self.centrality(signals)

        def toward(value: float, central: Optional[float]) -> float:
            return value if central is None or not c else value + c * (central - value)

        return replace(
            self,
            position=toward(position, self.central_position),
            length_exponent=toward(exponent, self.central_exponent),
            redundancy=redundancy,
            quote=toward(self.quote, self.central_quote),
            dangling=toward(self.dangling, self.central_dangling),
            title_boost=toward(self.title_boost, self.central_title_boost),
            others=toward(self.others, self.central_others),
            voice=self.voiced(signals),
            rank=self.ranked(c),
        )

    def ranked(self, c: float) -> float:
        """``rank`` at centrality ``c``: moved toward ``central_rank`` from ``c = rank_from`` on."""
        if self.central_rank is None or c <= self.rank_from:
            return self.rank
        moved = 1.0 if self.rank_from >= 1 else (c - self.rank_from) / (1.0 - self.rank_from)
        return self.rank + moved * (self.central_rank - self.rank)

    def voiced(self, signals: "Signals") -> float:
        """``voice`` as it applies to a document showing ``signals``: 0 with
        a dateline, else faded by its quotation marks (``voice_quotes``)."""
        if signals.dateline or self.voice_quotes <= 0:
            return 0.0
        return self.voice * max(0.0, 1.0 - signals.quotes / self.voice_quotes)


@dataclass(frozen=True)
class Signals:
    """What a document shows about itself, for ``Weights.adapted``.

    ``dateline``: the text opens with a news dateline (``news.find_dateline``).
    ``sentences``: how many sentences the summary will have at most (≥ 1).
    ``share``: that number over the document's sentences, in (0, 1].
    ``quotes``: the document's double quotation marks (of every supported
    language) per sentence (≥ 0): how much of it is others' words.
    """

    dateline: bool = False
    sentences: int = 3
    share: float = 0.1
    quotes: float = 0.0


DEFAULT_WEIGHTS = Weights()

# What an English sentence may open with when it leans on the one before it
# (the other languages' are their dangling_openers.txt, given to words_prior).
DANGLING_OPENERS = frozenset(
    """but and or so yet also however meanwhile still then thus therefore moreover
    he she it they him her his its their them this these those""".split()
)
# Quotation marks of every supported language: German opens with \u201e and
# \u201a and closes with \u201c and \u2018; French writes \u00ab \u00bb and \u2039 \u203a.
_QUOTES = "\"'\u201c\u2018\u00ab\u201e\u201a\u2039"
_CLOSING_QUOTES = "\"'\u201d\u2019\u00bb\u201c\u2018\u203a"
_DEMONSTRATIVES = frozenset(("this", "these", "those"))
# Double quotation marks only: a single one is as often an apostrophe.
DOUBLE_QUOTES = "\"\u201c\u201d\u00ab\u00bb\u201e"
_NOT_OWN = frozenset(DOUBLE_QUOTES)


def term_counts(sentences: Sequence[Sequence[str]]) -> "Counter[str]":
    """Each term's occurrences in ``sentences`` (each a sequence of terms),
    in order of first occurrence."""
    return Counter(chain.from_iterable(sentences))


def term_weights(
    sentences: Sequence[Sequence[str]],
    title_terms: Iterable[str] = (),
    weights: Weights = DEFAULT_WEIGHTS,
    counts: Optional[Mapping[str, int]] = None,
    others: float = 0.0,
) -> Dict[str, float]:
    """Return each term's weight in the document, between 0 and ``1 + title_boost``.

    ``sentences`` holds each sentence's terms.  A term's weight is its count
    in the document divided by the largest count of any term, raised for
    terms that occur in ``title_terms``.  ``counts``: ``term_counts(sentences)``
    when the caller has it already.  ``others`` (in [0, 1]) is taken off
    each count first: the weights ``score_weights`` gives.
    """
    if counts is None:
        counts = term_counts(sentences)
    if not counts:
        return {}
    top = max(counts.values())
    if others:
        # Looked up by count (most terms share a few small counts): one C loop over the terms.
        by_count = {count: (count - others) / top for count in set(counts.values())}
        weight = dict(zip(counts, map(by_count.__getitem__, counts.values())))
    else:
        weight = dict(zip(counts, map(truediv, counts.values(), repeat(top))))
    for term in set(title_terms) & weight.keys():
        weight[term] *= 1.0 + weights.title_boost
    return weight


def words_prior(
    index: int,
    words: Sequence[str],
    weights: Weights = DEFAULT_WEIGHTS,
    dangling: AbstractSet[str] = DANGLING_OPENERS,
    first_person: AbstractSet[str] = frozenset(),
) -> float:
    """Return the factor (> 0) a sentence's term score is multiplied by.

    ``index`` is the sentence's position in the body (0 = first) and
    ``words`` its whitespace-separated words.  The factor combines position
    (``position``, ``position_decay``), form (``quote``, ``dangling``) and
    length (``short_words``), as documented on ``Weights``.  ``dangling``:
    the lower-case openers that lean on the sentence before (the
    language's ``dangling_openers.txt``; English by default).
    ``first_person``: the lower-case words with which the writers speak of
    themselves (``first_person.txt``), for ``voice``.
    """
    factor = 1.0 + weights.position * math.exp(-index / weights.position_decay)
    if words and words[0][0] in _QUOTES:
        factor *= weights.quote ** (_quoted_share(words) if weights.quote_by_share else 1.0)
    first = words[0].strip(_QUOTES + "(,").lower() if words else ""
    if first in dangling and not (weights.determiners and _is_determiner(first, words)):
        factor *= weights.dangling
    if weights.voice and first_person and _speaks_as(words, first_person):
        factor *= 1.0 + weights.voice
    n_words = len(words)
    if n_words < weights.short_words:
        factor *= max(n_words, 1) / weights.short_words
    return factor


_PUNCTUATION = ".,;:!?()[]'\u2019\u2018"


def _speaks_as(words: Sequence[str], first_person: AbstractSet[str]) -> bool:
    """Whether ``words`` hold one of ``first_person`` and no double quotation mark."""
    if _NOT_OWN.intersection("".join(words)):
        return False
    return not first_person.isdisjoint(word.strip(_PUNCTUATION).lower() for word in words)


def _quoted_share(words: Sequence[str]) -> float:
    """The share of ``words`` (the first opening a quotation) up to the word
    that closes it, in (0, 1]; 1 when it does not close in the sentence."""
    for i, word in enumerate(words):
        word = word.rstrip(".,;:!?")
        # The opening mark alone ('" We ...') does not close the quotation.
        if word and word[-1] in _CLOSING_QUOTES and (i or len(word) > 1):
            return (i + 1) / len(words)
    return 1.0


def _is_determiner(first: str, words: Sequence[str]) -> bool:
    """Whether the opener ``first`` ("this", "these", "those") is followed by
    a content word it points at ("This paper"), not a verb ("This is",
    "This allows"): the next word has a term and, after "this", is no
    third-person verb form ending in a single "s"."""
    if first not in _DEMONSTRATIVES or len(words) < 2:
        return False
    following = words[1].strip(_QUOTES + ",;:").lower()
    if not tokens_terms([following]):
        return False
    return first != "this" or not (following.endswith("s") and not following.endswith(("ss", "us", "is")))


def score_weights(
    counts: Mapping[str, int],
    term_weight: Dict[str, float],
    title_terms: Iterable[str] = (),
    weights: Weights = DEFAULT_WEIGHTS,
) -> Dict[str, float]:
    """Return each term's weight in a sentence's score (``score_sentences``):
    its document weight (``term_weight``, from ``term_weights`` with the same
    ``counts``, ``title_terms`` and ``weights``) times ``1 - others /
    count``, where ``count`` is the term's occurrences in the document
    (``counts``, from ``term_counts``; see ``Weights.others``, taken as at
    most 1).  With ``others`` at 0 that is ``term_weight`` itself."""
    if weights.others <= 0:
        return term_weight
    return term_weights((), title_terms, weights, counts, min(weights.others, 1.0))


@dataclass(frozen=True)
class Blend:
    """How the sentences' PageRank enters their scores (``Weights.rank``):
    a score is ``keep * prior * term-frequency score + factor * rank``, and
    a term's share of it ``keep * prior * weight / length ** exponent +
    factor * ranked.share(i, term)``, ``rank`` being ``ranks[i]``
    (``ranked.score``).  The prior (position, form, length, voice) weighs
    the term-frequency part only: the rank is the sentence's standing among
    the others, already a fact of the whole text."""

    ranked: Rank
    ranks: "array[float]"
    keep: float
    factor: float


def blend_of(
    sentences: Sequence[Sequence[str]], term_weight: Mapping[str, float], weights: Weights = DEFAULT_WEIGHTS
) -> Optional[Blend]:
    """The ``Blend`` for ``weights.rank`` (``None`` at 0): ``keep = 1 - rank``
    and ``factor = rank * scale``, ``scale`` making the top rank equal to the
    top term-frequency score (``score_sentences`` without priors)."""
    if weights.rank <= 0:
        return None
    ranked = ranking.rank(sentences)
    ranks = array("d", (ranked.score(i, terms) for i, terms in enumerate(sentences)))
    top_rank = max(ranks, default=0.0)
    top_terms = max(score_sentences(sentences, term_weight, weights), default=0.0)
    scale = top_terms / top_rank if top_rank > 0 else 0.0
    return Blend(ranked, ranks, 1.0 - min(weights.rank, 1.0), min(weights.rank, 1.0) * scale)


def score_sentences(
    sentences: Sequence[Sequence[str]],
    term_weight: Mapping[str, float],
    weights: Weights = DEFAULT_WEIGHTS,
    priors: Sequence[float] | None = None,
    blend: Optional[Blend] = None,
) -> "array[float]":
    """Return one score (≥ 0) per sentence, in the order given.

    A sentence's score is the sum of the weights of its distinct terms,
    divided by ``len(terms) ** length_exponent`` so that a long sentence does
    not win by length alone, times ``priors[i]`` when priors are given (see
    ``words_prior``).  With a ``blend`` (``blend_of``), part of it is the
    sentence's rank instead (without the prior).  A sentence without terms
    scores 0.  An array of floats: 8 bytes a sentence.
    """
    scores = array("d")
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
        if blend is not None:
            score = max(0.0, blend.keep * score + blend.factor * blend.ranks[i])
        scores.append(score)
    return scores
