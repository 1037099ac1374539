"""Sentence splitting and word tokens.

NLTK's Punkt is the engine.  Its parameters (abbreviations, sentence
starters, collocations) are not downloaded: they are read from plain text
files in ``summarize/data/`` that this project writes and maintains.  Around
Punkt sits the structure it cannot see: a blank line always ends a sentence,
while a single newline inside a paragraph is just a space.

nltk is imported on first use, so importing this module is cheap.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, List, Tuple

if TYPE_CHECKING:  # pragma: no cover
    from nltk.tokenize.punkt import PunktSentenceTokenizer

Span = Tuple[int, int]

# A blank line (possibly holding spaces or tabs) separates paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_WHITESPACE = re.compile(r"\s+")


def read_word_list(name: str) -> List[str]:
    """Return the entries of ``summarize/data/<name>``: one per line, ``#`` starts a comment.

    Entries keep their case; blank lines and comments are dropped.
    """
    text = resources.files("summarize").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    entries = []
    for line in text.splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            entries.append(entry)
    return entries


@lru_cache(maxsize=1)
def _tokenizer() -> "PunktSentenceTokenizer":
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    # Punkt stores abbreviation types lower-cased and without the final period.
    params.abbrev_types = {a.lower().rstrip(".") for a in read_word_list("abbreviations.txt")}
    params.sent_starters = {w.lower() for w in read_word_list("sentence_starters.txt")}
    return PunktSentenceTokenizer(params)


def paragraph_spans(text: str) -> List[Span]:
    """Return ``(start, end)`` offsets of the paragraphs of ``text``.

    Paragraphs are separated by blank lines; leading and trailing whitespace
    is excluded from each span; whitespace-only paragraphs are dropped.
    """
    spans: List[Span] = []
    start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            out.append((s + lead, s + lead + len(stripped)))
    return out


def sentence_spans(text: str) -> List[Span]:
    """Return ``(start, end)`` character offsets of each sentence of ``text``.

    Spans are in document order, do not overlap, never start or end on
    whitespace, and together cover every non-whitespace character.
    """
    tokenizer = _tokenizer()
    spans: List[Span] = []
    for p_start, p_end in paragraph_spans(text):
        for s, e in tokenizer.span_tokenize(text[p_start:p_end]):
            spans.append((p_start + s, p_start + e))
    return spans


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace (newlines included) to one space and strip the ends."""
    return _WHITESPACE.sub(" ", text).strip()


def split_sentences(text: str) -> List[str]:
    """Split ``text`` into sentences.

    Returns the sentences in document order, each with its internal
    whitespace collapsed to single spaces (a hard-wrapped sentence comes back
    on one line).  No non-whitespace character is lost or changed.  A blank
    line always ends a sentence; a single newline does not.  Empty or
    whitespace-only text gives ``[]``.  Pure: the same text always gives the
    same sentences, and nothing is learned from the input.
    """
    return [normalize_space(text[s:e]) for s, e in sentence_spans(text)]


# Words: letters (with inner apostrophes or hyphens) or numbers.
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_POSSESSIVE = re.compile(r"['\u2019]s\Z")


def words(text: str) -> List[str]:
    """Return the words of ``text`` lower-cased, in order (punctuation dropped)."""
    return [w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=1)
def stopwords() -> frozenset:
    """The English stopword list shipped in ``summarize/data/stopwords.txt``."""
    return frozenset(w.lower() for w in read_word_list("stopwords.txt"))


@lru_cache(maxsize=1)
def _stem_function():
    from nltk.stem.porter import PorterStemmer

    return lru_cache(maxsize=65536)(PorterStemmer().stem)


def content_terms(text: str) -> List[str]:
    """Return the stems of the content words of ``text``, in order.

    Content words are words that are not stopwords, not bare numbers and
    longer than one character; possessive ``'s`` is dropped before stemming.
    """
    stop = stopwords()
    stem = _stem_function()
    terms = []
    for word in words(text):
        word = _POSSESSIVE.sub("", word)
        if len(word) < 2 or word in stop or word[0].isdigit():
            continue
        terms.append(stem(word))
    return terms
