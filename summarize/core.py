"""``summarize(text) -> Summary``: the pipeline, composed from pure stages.

layout (title, dateline) → sentences → terms → scores → selection.
Knows nothing of files, terminals or the command line.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Tuple

from . import scoring, selection
from .boilerplate import is_boilerplate
from .errors import NoTextError
from .news import Layout, parse_layout
from .sentences import Span, normalize_space, sentence_spans
from .terms import content_terms


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
class Summary:
    """The result of ``summarize``.

    ``sentences``: the chosen sentences in document order.  ``title`` and
    ``dateline``: as detected, or ``None``.  ``total_sentences``: how many
    sentences the body has.  ``budget``: the length limit applied.
    ``whole``: the text had no more sentences than asked, so all are given.
    ``over_budget``: the best sentence alone exceeds the word budget and was
    given anyway.
    """

    sentences: Tuple[Sentence, ...]
    title: Optional[str]
    dateline: Optional[str]
    total_sentences: int
    budget: selection.Budget
    whole: bool = False
    over_budget: bool = False

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

    Raises ``BudgetError`` for a bad limit and ``NoTextError`` when the text
    has nothing to summarize.
    """
    budget = selection.Budget.of(sentences=sentences, ratio=ratio, words=words)
    return summarize_with(text, budget, scoring.DEFAULT_WEIGHTS)


def summarize_with(text: str, budget: selection.Budget, weights: scoring.Weights) -> Summary:
    """``summarize`` with an explicit budget and scoring weights (for benchmarks and ablations).

    Not part of the public API: ``summarize`` is this with the default weights.
    """
    layout, spans = body_sentences(text)
    texts = [normalize_space(text[s:e]) for s, e in spans]
    # Boilerplate neither counts towards term frequencies nor can be chosen,
    # unless there is nothing else.
    kept = [i for i, t in enumerate(texts) if not (weights.boilerplate and is_boilerplate(t))]
    kept = kept or list(range(len(texts)))
    terms = [content_terms(texts[i]) for i in kept]
    title_terms = content_terms(layout.title) if layout.title else ()
    term_weight = scoring.term_weights(terms, title_terms, weights)
    priors = [scoring.sentence_prior(i, texts[i], weights) for i in kept]
    scores = scoring.score_sentences(terms, term_weight, weights, priors)
    similarity = scoring.Similarity(terms, term_weight)
    chosen = selection.select(
        scores,
        [len(texts[i].split()) for i in kept],
        budget,
        similarity=similarity,
        redundancy=weights.redundancy,
        duplicate=weights.duplicate,
        overlap=similarity.overlap,
    )
    picked = []
    for k in chosen.indices:  # k counts kept sentences, i all of them
        i = kept[k]
        picked.append(Sentence(text=texts[i], index=i, score=scores[k], start=spans[i][0], end=spans[i][1]))
    return Summary(
        sentences=tuple(picked),
        title=layout.title,
        dateline=layout.dateline,
        total_sentences=len(texts),
        budget=budget,
        whole=chosen.whole and len(kept) == len(texts),
        over_budget=chosen.over_budget,
    )
