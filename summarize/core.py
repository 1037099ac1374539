"""``summarize(text) -> Summary``: the pipeline, composed from pure stages.

layout (title, dateline) → sentences → terms → scores → selection.
Knows nothing of files, terminals or the command line.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from . import scoring, selection
from .boilerplate import is_boilerplate
from .errors import NoTextError
from .news import Layout, parse_layout
from .sentences import Span, sentence_spans, sentence_words
from .terms import content_terms, surface_forms, tokens_terms

TOP_TERMS = 3
"""How many contributing terms ``explain`` gives per sentence (``ScoredSentence.top_terms``)."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of the document.

    ``index``: its position among the document's sentences (0-based, title
    and dateline excluded).  ``score``: its score (≥ 0; higher is more
    central).  ``start``/``end``: its character offsets in the text given to
    ``summarize``.  ``str(sentence)`` is its text, whitespace collapsed.
    """

    text: str
    index: int
    score: float
    start: int
    end: int

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class TermWeight:
    """A term with a weight.

    ``term``: the word as it is most often written in the document (case
    kept, so the stem ``pari`` reads ``Paris``).  ``weight``: for a keyword,
    the term's weight in the document (``scoring.term_weights``: its count
    over the top count, doubled for a title term); for a sentence's top
    term, its share of that sentence's score (the shares of all its terms
    add up to the score).
    """

    term: str
    weight: float


@dataclass(frozen=True)
class ScoredSentence:
    """One body sentence as the scorer saw it (``Summary.all_sentences``).

    ``index``, ``text``, ``start``, ``end``: as on ``Sentence``.  ``score``:
    its score (0 for page furniture, which is never scored: see
    ``summarize``).  ``selected``: whether it is in the summary.
    ``top_terms``: the ``TOP_TERMS`` terms that contributed most to the
    score, largest first (ties in sentence order); fewer when it has fewer.
    """

    text: str
    index: int
    score: float
    start: int
    end: int
    selected: bool
    top_terms: Tuple[TermWeight, ...] = ()


@dataclass(frozen=True)
class Summary:
    """The result of ``summarize``.

    ``sentences``: the chosen sentences in document order.  ``title`` and
    ``dateline``: as detected, or ``None``.  ``total_sentences``: how many
    sentences the body has.  ``budget``: the length limit applied.
    ``whole``: the text had no more sentences than asked, so all are given.
    ``over_budget``: the best sentence alone exceeds the word budget and was
    given anyway.  ``body_start``: the offset in the text where the body
    begins (after the title and dateline).

    Computed only when asked (see ``summarize``): ``all_sentences``, every
    body sentence in document order with its score and top terms, and
    ``keywords``, the document's heaviest terms, heaviest first (ties in
    document order).  ``None`` when not asked.
    """

    sentences: Tuple[Sentence, ...]
    title: Optional[str]
    dateline: Optional[str]
    total_sentences: int
    budget: selection.Budget
    whole: bool = False
    over_budget: bool = False
    body_start: int = 0
    all_sentences: Optional[Tuple[ScoredSentence, ...]] = None
    keywords: Optional[Tuple[TermWeight, ...]] = None

    def __str__(self) -> str:
        return "\n".join(s.text for s in self.sentences)


def body_sentences(text: str) -> Tuple[Layout, List[Span]]:
    """Return the layout of ``text`` and the ``(start, end)`` offsets of its body sentences.

    The body is what follows the title and the dateline; these are the
    sentences ``summarize`` chooses from, in document order (so the first
    three are the article's lead).  Raises ``NoTextError`` when the text is
    blank or holds only a title.
    """
    if not text.strip():
        raise NoTextError("no text to summarize: the input is empty or only whitespace")
    layout = parse_layout(text)
    offset = layout.body_start
    spans = [(offset + s, offset + e) for s, e in sentence_spans(text[offset:])]
    if not spans:
        raise NoTextError("no text to summarize: only a title or dateline was found")
    return layout, spans


def summarize(
    text: str,
    *,
    sentences: Optional[int] = None,
    ratio: Optional[float] = None,
    words: Optional[int] = None,
    explain: bool = False,
    keywords: int = 0,
) -> Summary:
    """Summarize ``text`` by extracting its most central sentences.

    Give at most one length limit: ``sentences`` (≥ 1), ``ratio`` (0 < r ≤ 1
    of the sentences) or ``words`` (≥ 1, never exceeded unless even the best
    sentence is longer: then that sentence alone, with ``over_budget``).
    Without one, ``selection.DEFAULT_SENTENCES`` sentences are chosen.

    A first-line headline becomes ``title`` and a leading dateline
    (``(CNN) --``, ``Rome (AFP) –``) is set apart; neither is ever a summary
    sentence.  Page furniture (bylines, "contributed to this report",
    "Click here", copyright lines: ``summarize/data/boilerplate.txt``) is
    never chosen unless the text holds nothing else, and no sentence is
    chosen that repeats the words of one already chosen.  Deterministic: the
    same arguments give the same summary.

    Asking for more changes nothing in the summary itself: ``explain``
    fills ``Summary.all_sentences`` (every sentence, its score, whether it
    was chosen and its ``TOP_TERMS`` best terms); ``keywords`` (≥ 0) fills
    ``Summary.keywords`` with that many terms (fewer if the text has
    fewer), by document weight.

    Raises ``BudgetError`` for a bad limit and ``NoTextError`` when the text
    has nothing to summarize.
    """
    budget = selection.Budget.of(sentences=sentences, ratio=ratio, words=words)
    return summarize_with(text, budget, scoring.DEFAULT_WEIGHTS, explain=explain, keywords=keywords)


def summarize_with(
    text: str,
    budget: selection.Budget,
    weights: scoring.Weights,
    *,
    explain: bool = False,
    keywords: int = 0,
) -> Summary:
    """``summarize`` with an explicit budget and scoring weights (for benchmarks and ablations).

    Not part of the public API: ``summarize`` is this with the default weights.
    """
    layout, spans = body_sentences(text)
    # Boilerplate neither counts towards term frequencies nor can be chosen,
    # unless there is nothing else.
    texts, kept, terms, priors, word_counts = _sentence_inputs(text, spans, weights, weights.boilerplate)
    if not kept:  # all boilerplate: score them all after all
        texts, kept, terms, priors, word_counts = _sentence_inputs(text, spans, weights, False)
    title_terms = content_terms(layout.title) if layout.title else ()
    term_weight = scoring.term_weights(terms, title_terms, weights)
    scores = scoring.score_sentences(terms, term_weight, weights, priors)
    similarity = scoring.Similarity(terms, term_weight)
    chosen = selection.select(
        scores,
        word_counts,
        budget,
        similarity=similarity,
        redundancy=weights.redundancy,
        duplicate=weights.duplicate,
        overlap=similarity.overlap,
        terms=similarity.terms,
    )
    picked = []
    for k in chosen.indices:  # k counts kept sentences, i all of them
        i = kept[k]
        picked.append(Sentence(text=texts[i], index=i, score=scores[k], start=spans[i][0], end=spans[i][1]))
    all_sentences = top_keywords = None
    if explain or keywords:
        # After selection and from its inputs only: asking for more cannot change the summary.
        # Surface forms are counted only for the terms shown (most of the cost).
        ranked = heaviest(term_weight, keywords)
        forms = surface_forms((texts[i] for i in kept), None if explain else set(ranked))
        if keywords:
            top_keywords = tuple(TermWeight(forms.get(term, term), term_weight[term]) for term in ranked)
        if explain:
            all_sentences = _scored_sentences(texts, spans, kept, terms, scores, set(chosen.indices), term_weight, priors, forms, weights)
    return Summary(
        sentences=tuple(picked),
        title=layout.title,
        dateline=layout.dateline,
        total_sentences=len(texts),
        budget=budget,
        whole=chosen.whole and len(kept) == len(texts),
        over_budget=chosen.over_budget,
        body_start=layout.body_start,
        all_sentences=all_sentences,
        keywords=top_keywords,
    )


def _sentence_inputs(
    text: str, spans: Sequence[Span], weights: scoring.Weights, skip_boilerplate: bool
) -> Tuple[List[str], List[int], List[List[str]], List[float], List[int]]:
    """``(texts, kept, terms, priors, word_counts)`` of the sentences at
    ``spans``: every sentence's normalized text, and for the ones scored
    (all, or those that are not boilerplate) their indices, terms, priors and
    word counts.  One pass: each sentence is split into words once."""
    texts: List[str] = []
    kept: List[int] = []
    terms: List[List[str]] = []
    priors: List[float] = []
    word_counts: List[int] = []
    for i, (start, end) in enumerate(spans):
        words = sentence_words(text[start:end])
        sentence = " ".join(words)  # normalize_space
        texts.append(sentence)
        if not (skip_boilerplate and is_boilerplate(sentence)):
            kept.append(i)
            terms.append(tokens_terms(words))
            priors.append(scoring.words_prior(i, words, weights))
            word_counts.append(len(words))
    return texts, kept, terms, priors, word_counts


def heaviest(term_weight: Mapping[str, float], count: int) -> List[str]:
    """The ``count`` heaviest terms of ``term_weight``, heaviest first; ties
    keep ``term_weight``'s order (first occurrence in the document)."""
    return sorted(term_weight, key=term_weight.__getitem__, reverse=True)[:count]  # stable: ties keep their order


def _scored_sentences(
    texts: Sequence[str],
    spans: Sequence[Span],
    kept: Sequence[int],
    terms: Sequence[Sequence[str]],
    scores: Sequence[float],
    chosen: set,
    term_weight: Mapping[str, float],
    priors: Sequence[float],
    forms: Mapping[str, str],
    weights: scoring.Weights,
) -> Tuple[ScoredSentence, ...]:
    """Every sentence with its score and best terms, in document order
    (``Summary.all_sentences``); sentences left out of scoring get 0."""
    position: Dict[int, int] = {i: k for k, i in enumerate(kept)}
    result = []
    for i, sentence in enumerate(texts):
        k = position.get(i)
        top: Tuple[TermWeight, ...] = ()
        if k is not None and terms[k]:
            # A term's share of the score: score_sentences sums distinct term
            # weights, then divides by the length and multiplies by the prior.
            factor = priors[k] / (len(terms[k]) ** weights.length_exponent)
            distinct = list(dict.fromkeys(terms[k]))  # sentence order, for ties
            ranked = sorted(distinct, key=lambda t: -term_weight.get(t, 0.0))
            top = tuple(TermWeight(forms.get(t, t), term_weight.get(t, 0.0) * factor) for t in ranked[:TOP_TERMS])
        result.append(
            ScoredSentence(
                text=sentence,
                index=i,
                score=scores[k] if k is not None else 0.0,
                start=spans[i][0],
                end=spans[i][1],
                selected=k is not None and k in chosen,
                top_terms=top,
            )
        )
    return tuple(result)
