"""``summarize(text) -> Summary``: the pipeline, composed from pure stages.

layout (title, dateline) → sentences → terms → scores → selection.
Knows nothing of files, terminals or the command line.
"""
from __future__ import annotations

from array import array
from collections.abc import Sequence as SequenceABC
from dataclasses import dataclass
from typing import AbstractSet, Dict, Iterable, Iterator, List, Mapping, Optional, Sequence, Set, Tuple, Union, overload

from . import languages, scoring, selection
from .boilerplate import furniture_test
from .budget import Budget, budget_of, word_count
from .datafiles import DEFAULT_LANGUAGE, lower_words
from .errors import NoTextError
from .layout import Layout, parse_layout
from .sentences import Span, iter_sentence_spans, require_text, sentence_words
from .similarity import Similarity
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

    ``sentences``: the chosen sentences in document order.  ``title``: the
    title given to ``summarize``, else the headline detected, else
    ``None``.  ``dateline``: as detected, or ``None``.  ``total_sentences``: how many
    sentences the body has.  ``budget``: the length limit applied.
    ``whole``: the text had no more sentences than asked, so all are given.
    ``over_budget``: the best sentence alone exceeds the word budget and was
    given anyway.  ``body_start``: the offset in the text where the body
    begins (after the title and dateline).  ``language``: the code of the
    language the text was read as (given, or detected).

    Computed only when asked (see ``summarize``): ``all_sentences``, every
    body sentence in document order with its score and top terms, and
    ``keywords``, the document's heaviest terms, heaviest first (ties in
    document order).  ``None`` when not asked.
    """

    sentences: Tuple[Sentence, ...]
    title: Optional[str]
    dateline: Optional[str]
    total_sentences: int
    budget: Budget
    whole: bool = False
    over_budget: bool = False
    body_start: int = 0
    all_sentences: Optional[Tuple[ScoredSentence, ...]] = None
    keywords: Optional[Tuple[TermWeight, ...]] = None
    language: str = DEFAULT_LANGUAGE

    def __str__(self) -> str:
        return "\n".join(s.text for s in self.sentences)


class Spans(SequenceABC[Span]):
    """The ``(start, end)`` offsets of many sentences, 8 bytes each (16 when
    ``size``, the length of the text, does not fit 31 bits; a list of tuples
    costs about 120): a text of tiny sentences must not cost hundreds of
    times its size.  Indexing gives a ``(start, end)`` tuple."""

    __slots__ = ("_flat",)

    def __init__(self, spans: Iterable[Span] = (), size: int = 0) -> None:
        self._flat = array("i" if size < 2**31 else "q")
        for start, end in spans:
            self._flat.append(start)
            self._flat.append(end)

    def __len__(self) -> int:
        return len(self._flat) // 2

    @overload
    def __getitem__(self, i: int) -> Span: ...

    @overload
    def __getitem__(self, i: slice) -> List[Span]: ...

    def __getitem__(self, i: Union[int, slice]) -> Union[Span, List[Span]]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError("span index out of range")
        return self._flat[2 * i], self._flat[2 * i + 1]

    def __iter__(self) -> Iterator[Span]:
        flat = self._flat
        return zip(flat[0::2], flat[1::2])


def body_sentences(text: str, title: Optional[str] = None, language: str = DEFAULT_LANGUAGE) -> Tuple[Layout, Spans]:
    """Return the layout of ``text`` and the ``(start, end)`` offsets of its body sentences.

    The body is what follows the title and the dateline (see
    ``layout.parse_layout`` for ``title``); these are the sentences
    ``summarize`` chooses from, in document order (so the first three are
    the article's lead).  ``language``: a supported code (see
    ``languages.resolve`` to detect one).  Raises ``NoTextError`` when the
    text is blank or holds only a title.
    """
    if not text.strip():
        raise NoTextError("no text to summarize: the input is empty or only whitespace")
    layout = parse_layout(text, title, language)
    offset = layout.body_start
    spans = Spans(
        ((offset + s, offset + e) for s, e in iter_sentence_spans(text[offset:] if offset else text, language)), len(text)
    )
    if not spans:
        raise NoTextError("no text to summarize: only a title or dateline was found")
    return layout, spans


def summarize(
    text: str,
    *,
    title: Optional[str] = None,
    budget: Optional[Budget] = None,
    sentences: Optional[int] = None,
    ratio: Optional[float] = None,
    words: Optional[int] = None,
    explain: bool = False,
    keywords: int = 0,
    language: str = languages.AUTO,
) -> Summary:
    """Summarize ``text`` by extracting its most central sentences.

    The length: a ``budget`` (``summarize.Budget``), or at most one of
    ``sentences`` (≥ 1), ``ratio`` (0 < r ≤ 1 of the sentences) or
    ``words`` (≥ 1, never exceeded unless even the best sentence is longer:
    then that sentence alone, with ``over_budget``).  Without any,
    ``budget.DEFAULT_SENTENCES`` sentences are chosen.

    ``title``: the document's title when it is known apart from the text
    (a web page's, a dataset's title field).  Given one, no headline is
    looked for in the text: the title weights the terms and is reported as
    ``Summary.title``, and a first paragraph that only repeats it is never
    a summary sentence.  Without one, a first-line headline becomes the
    title.  A leading dateline (``(CNN) --``, ``Rome (AFP) –``) is set apart
    either way; neither title nor dateline is ever a summary sentence.

    ``language``: the code of a supported language (``en``, ``de``, ``fr``,
    ``es``, ``it``, ``pt``, ``nl``, ``ru``: each has its own splitting
    rules, stopwords, stemmer, datelines and boilerplate), or ``"auto"`` to
    detect it from the text (``languages.detect``: English when the
    evidence is weak, and when the text is in a language not supported).
    ``Summary.language`` says which was used.

    Page furniture (bylines, "contributed to this report", "Click here",
    copyright lines: ``summarize/data/<language>/boilerplate.txt``) is never chosen
    unless the text holds nothing else, and no sentence is chosen that
    repeats the words of one already chosen.  Deterministic: the same
    arguments give the same summary.

    Asking for more changes nothing in the summary itself: ``explain``
    fills ``Summary.all_sentences`` (every sentence, its score, whether it
    was chosen and its ``TOP_TERMS`` best terms); ``keywords`` (≥ 0) fills
    ``Summary.keywords`` with that many terms (fewer if the text has
    fewer), by document weight.

    Raises ``TypeError`` when ``text`` or ``title`` is not a ``str``;
    ``BudgetError`` (also a ``ValueError``) for a bad or conflicting limit;
    ``ValueError`` for a bad ``keywords`` or an unknown ``language`` (the
    message lists the supported codes); ``NoTextError`` when the text has
    nothing to summarize.
    """
    _check_arguments(text, title, keywords)
    chosen_budget = budget_of(budget, sentences, ratio, words)
    code = languages.resolve(text, language).language
    return summarize_with(
        text, chosen_budget, scoring.DEFAULT_WEIGHTS, title=title, explain=explain, keywords=keywords, language=code
    )


def _check_arguments(text: object, title: object, keywords: object) -> None:
    """Raise ``TypeError`` or ``ValueError`` for arguments ``summarize`` cannot take."""
    require_text(text)
    if title is not None and not isinstance(title, str):
        raise TypeError(f"title must be a str or None, not {type(title).__name__}")
    if isinstance(keywords, bool) or not isinstance(keywords, int):
        raise TypeError(f"keywords must be a whole number, not {keywords!r}")
    if keywords < 0:
        raise ValueError(f"keywords must be 0 or more, not {keywords}")


def summarize_with(
    text: str,
    budget: Budget,
    weights: scoring.Weights,
    *,
    title: Optional[str] = None,
    explain: bool = False,
    keywords: int = 0,
    language: str = DEFAULT_LANGUAGE,
) -> Summary:
    """``summarize`` with an explicit budget and scoring weights (for benchmarks and ablations).

    Not part of the public API: ``summarize`` is this with the default
    weights, once the language is known (``language``: a supported code).
    """
    layout, spans = body_sentences(text, title, language)
    weights = weights.adapted(signals(text, layout, spans, budget))
    # Boilerplate neither counts towards term frequencies nor can be chosen,
    # unless there is nothing else.
    kept, terms, priors, word_counts = _sentence_inputs(text, spans, weights, weights.boilerplate, language)
    if not kept:  # all boilerplate: score them all after all
        kept, terms, priors, word_counts = _sentence_inputs(text, spans, weights, False, language)
    title_terms = content_terms(layout.title, language) if layout.title else ()
    counts = scoring.term_counts(terms)
    term_weight = scoring.term_weights(terms, title_terms, weights, counts)
    score_weight = scoring.score_weights(counts, term_weight, title_terms, weights)
    blend = scoring.blend_of(terms, score_weight, weights)
    scores = scoring.score_sentences(terms, score_weight, weights, priors, blend)
    similarity = Similarity(terms, term_weight)
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
        start, end = spans[i]
        picked.append(Sentence(text=_text(text, start, end), index=i, score=scores[k], start=start, end=end))
    all_sentences = top_keywords = None
    if explain or keywords:
        # After selection and from its inputs only: asking for more cannot change the summary.
        # Surface forms are counted only for the terms shown (most of the cost).
        ranked = heaviest(term_weight, keywords)
        forms = surface_forms((_text(text, *spans[i]) for i in kept), None if explain else set(ranked), language)
        if keywords:
            top_keywords = tuple(TermWeight(forms.get(term, term), term_weight[term]) for term in ranked)
        if explain:
            all_sentences = _scored_sentences(
                text, spans, kept, terms, scores, set(chosen.indices), score_weight, priors, forms, weights, blend
            )
    return Summary(
        sentences=tuple(picked),
        title=layout.title,
        dateline=layout.dateline,
        total_sentences=len(spans),
        budget=budget,
        whole=chosen.whole and len(kept) == len(spans),
        over_budget=chosen.over_budget,
        body_start=layout.body_start,
        all_sentences=all_sentences,
        keywords=top_keywords,
        language=language,
    )


def signals(text: str, layout: Layout, spans: Sequence[Span], budget: Budget) -> scoring.Signals:
    """What the document shows about itself (``scoring.Signals``): whether it
    has a dateline, how many of its ``spans`` (body sentences) the budget
    asks for, as a count and a share, and its body's double quotation marks
    per sentence (without a dateline; 0 with one, where they do not count).
    A word budget counts as that many words over the body's mean sentence
    length."""
    total = len(spans)
    count = budget.count(total)
    if count is None:  # a word budget
        body_words = word_count(text[layout.body_start:])
        count = round((budget.words or 0) * total / max(body_words, 1))
    count = max(1, min(count, total))
    dated = layout.dateline is not None
    quotes = 0 if dated else sum(text.count(mark, layout.body_start) for mark in scoring.DOUBLE_QUOTES)
    return scoring.Signals(dateline=dated, sentences=count, share=count / total, quotes=quotes / max(total, 1))


def _text(text: str, start: int, end: int) -> str:
    """The sentence at ``text[start:end]``, whitespace collapsed (``normalize_space``)."""
    return " ".join(sentence_words(text[start:end]))


def dangling_openers(language: str) -> AbstractSet[str]:
    """The openers of ``language`` that lean on the sentence before (``dangling_openers.txt``), lower case."""
    return lower_words("dangling_openers.txt", language)


_NOBODY: AbstractSet[str] = frozenset()


def first_person(language: str) -> AbstractSet[str]:
    """The words with which the writers of a ``language`` text speak of themselves (``first_person.txt``), lower case."""
    return lower_words("first_person.txt", language)


def _sentence_inputs(
    text: str, spans: Sequence[Span], weights: scoring.Weights, skip_boilerplate: bool, language: str
) -> Tuple["array[int]", List[Tuple[str, ...]], "array[float]", "array[int]"]:
    """``(kept, terms, priors, word_counts)`` of the sentences at ``spans``:
    for the ones scored (all, or those that are not boilerplate) their
    indices, terms, priors and word counts.  One pass: each sentence is split
    into words once.  Compact, so a text of tiny sentences stays small: the
    numbers in arrays, and each distinct term tuple kept once."""
    kept: "array[int]" = array("i")  # fewer sentences than 2**31
    terms: List[Tuple[str, ...]] = []
    priors: "array[float]" = array("d")
    word_counts: "array[int]" = array("i")
    shared: Dict[Tuple[str, ...], Tuple[str, ...]] = {}
    dangling = dangling_openers(language)
    own = first_person(language) if weights.voice else _NOBODY
    furniture = furniture_test(text, language) if skip_boilerplate else None
    for i, (start, end) in enumerate(spans):
        words = sentence_words(text[start:end])
        sentence = " ".join(words)  # normalize_space
        if furniture is not None and furniture(sentence):
            continue
        kept.append(i)
        sentence_terms = tuple(tokens_terms(words, language))
        terms.append(shared.setdefault(sentence_terms, sentence_terms))
        priors.append(scoring.words_prior(i, words, weights, dangling, own))
        word_counts.append(word_count(sentence, words))
    return kept, terms, priors, word_counts


def heaviest(term_weight: Mapping[str, float], count: int) -> List[str]:
    """The ``count`` heaviest terms of ``term_weight``, heaviest first; ties
    keep ``term_weight``'s order (first occurrence in the document)."""
    return sorted(term_weight, key=term_weight.__getitem__, reverse=True)[:count]  # stable: ties keep their order


def _scored_sentences(
    text: str,
    spans: Sequence[Span],
    kept: Sequence[int],
    terms: Sequence[Sequence[str]],
    scores: Sequence[float],
    chosen: Set[int],
    term_weight: Mapping[str, float],
    priors: Sequence[float],
    forms: Mapping[str, str],
    weights: scoring.Weights,
    blend: Optional[scoring.Blend] = None,
) -> Tuple[ScoredSentence, ...]:
    """Every sentence of ``text`` at ``spans`` with its score and best terms,
    in document order (``Summary.all_sentences``); sentences left out of
    scoring get 0.  ``term_weight``: each term's weight in a score
    (``scoring.score_weights``); ``blend``: how the sentences' rank entered
    the scores (``scoring.blend_of``)."""
    position: Dict[int, int] = {i: k for k, i in enumerate(kept)}
    result = []
    for i, (start, end) in enumerate(spans):
        k = position.get(i)
        top: Tuple[TermWeight, ...] = ()
        if k is not None and terms[k]:
            # A term's share of the score: score_sentences sums distinct term
            # weights, divides by the length and multiplies by the prior
            # (then blends in the rank's share).
            factor = priors[k] / (len(terms[k]) ** weights.length_exponent)
            shares = {t: term_weight.get(t, 0.0) * factor for t in dict.fromkeys(terms[k])}  # sentence order, for ties
            if blend is not None:
                for t in shares:
                    shares[t] = blend.keep * shares[t] + blend.factor * blend.ranked.share(k, t)
            ranked = sorted(shares, key=lambda t: -shares[t])
            top = tuple(TermWeight(forms.get(t, t), shares[t]) for t in ranked[:TOP_TERMS])
        result.append(
            ScoredSentence(
                text=_text(text, start, end),
                index=i,
                score=scores[k] if k is not None else 0.0,
                start=start,
                end=end,
                selected=k is not None and k in chosen,
                top_terms=top,
            )
        )
    return tuple(result)
