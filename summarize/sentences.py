"""Sentence splitting: Punkt with the project's own parameters, plus layout rules.

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
from typing import TYPE_CHECKING, List, Tuple

from .datafiles import read_word_list

if TYPE_CHECKING:  # pragma: no cover
    from nltk.tokenize.punkt import PunktSentenceTokenizer

Span = Tuple[int, int]

# A blank line (possibly holding spaces or tabs) separates paragraphs.
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_WHITESPACE = re.compile(r"\s+")


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

